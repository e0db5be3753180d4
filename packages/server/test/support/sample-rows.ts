import type { Attributes } from '../../src/signals/any-value.ts';
import type { LogRow } from '../../src/signals/log-record.ts';
import type { ResourceInfo, ScopeInfo } from '../../src/signals/resource.ts';
import type { SpanRow } from '../../src/signals/span.ts';

export const sampleResource: ResourceInfo = {
  attributes: [
    { key: 'service.name', value: { kind: 'string', value: 'checkout' } },
    { key: 'host.name', value: { kind: 'string', value: 'vm-1' } },
  ],
  droppedAttributesCount: 0,
  schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
};

export const sampleScope: ScopeInfo = { name: 'test-scope', version: '1.2.3', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };

/** A recent time (whole second, so nanosecond parts below are exact): rows older than retention expire at once. */
export const BASE_TIME_NS = BigInt(Math.floor(Date.now() / 1000) - 60) * 1_000_000_000n;

export function idBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function sampleSpan(overrides: Partial<SpanRow> = {}): SpanRow {
  return {
    traceId: idBytes('0102030405060708090a0b0c0d0e0f10'),
    spanId: idBytes('1112131415161718'),
    parentSpanId: new Uint8Array(0),
    traceState: '',
    flags: 1,
    name: 'GET /cart',
    kind: 2,
    startTimeUnixNano: BASE_TIME_NS + 123_456_789n,
    endTimeUnixNano: BASE_TIME_NS + 223_456_789n,
    attributes: [{ key: 'http.request.method', value: { kind: 'string', value: 'GET' } }],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    statusCode: 0,
    statusMessage: '',
    resource: sampleResource,
    scope: sampleScope,
    ...overrides,
  };
}

export function sampleLog(body: string, attributes: Attributes = []): LogRow {
  return {
    timeUnixNano: BASE_TIME_NS + 500_000_001n,
    observedTimeUnixNano: BASE_TIME_NS + 600_000_002n,
    severityNumber: 9,
    severityText: 'INFO',
    body: { kind: 'string', value: body },
    attributes,
    droppedAttributesCount: 0,
    flags: 0,
    traceId: new Uint8Array(0),
    spanId: new Uint8Array(0),
    eventName: '',
    resource: sampleResource,
    scope: sampleScope,
  };
}
