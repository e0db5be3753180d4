import type { AnyValue, Attributes } from '../../src/signals/any-value.ts';
import type { ResourceInfo } from '../../src/signals/resource.ts';
import type { SpanRow } from '../../src/signals/span.ts';
import { BASE_TIME_NS, idBytes, sampleScope, sampleSpan } from './sample-rows.ts';

export const MS = 1_000_000n;

export const TRACE_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
export const TRACE_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2';
export const TRACE_C = 'ccccccccccccccccccccccccccccccc3';
export const TRACE_D = 'ddddddddddddddddddddddddddddddd4';
export const SPAN = { s1: 'a100000000000001', s2: 'a200000000000002', s3: 'a300000000000003', s4: 'b400000000000004', s5: 'c500000000000005' };

function attrs(entries: Record<string, AnyValue>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value }));
}

const str = (value: string): AnyValue => ({ kind: 'string', value });
const int = (value: bigint): AnyValue => ({ kind: 'int', value });

export const checkoutResource: ResourceInfo = {
  attributes: attrs({ 'service.name': str('checkout'), 'host.name': str('vm-1'), 'process.pid': int(1234n) }),
  droppedAttributesCount: 1,
  schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
};

export const paymentsResource: ResourceInfo = {
  attributes: attrs({ 'service.name': str('payments'), 'process.pid': int(99n) }),
  droppedAttributesCount: 0,
  schemaUrl: '',
};

const batchResource: ResourceInfo = { attributes: attrs({ 'service.name': str('batch') }), droppedAttributesCount: 0, schemaUrl: '' };

/** The root span of trace A: every attribute type, an event, a link, dropped counts. */
export const richSpan: SpanRow = sampleSpan({
  traceId: idBytes(TRACE_A),
  spanId: idBytes(SPAN.s1),
  traceState: 'vendor=1',
  flags: 1,
  name: 'GET /cart',
  kind: 2,
  startTimeUnixNano: BASE_TIME_NS,
  endTimeUnixNano: BASE_TIME_NS + 100n * MS,
  attributes: attrs({
    'http.request.method': str('GET'),
    'http.response.status_code': int(200n),
    ratio: { kind: 'double', value: 0.25 },
    weird: { kind: 'double', value: Number.NaN },
    'cache.hit': { kind: 'bool', value: true },
    blob: { kind: 'bytes', value: new Uint8Array([1, 2, 3]) },
    tags: { kind: 'array', value: [str('a'), int(1n)] },
    meta: { kind: 'kvlist', value: attrs({ k: str('v') }) },
    nothing: { kind: 'empty' },
  }),
  droppedAttributesCount: 2,
  events: [
    {
      timeUnixNano: BASE_TIME_NS + 5n * MS + 7n,
      name: 'cache miss',
      attributes: attrs({ key: str('cart:1'), tries: int(3n) }),
      droppedAttributesCount: 1,
    },
  ],
  droppedEventsCount: 3,
  links: [
    {
      traceId: idBytes(TRACE_B),
      spanId: idBytes(SPAN.s4),
      traceState: 'other=2',
      flags: 257,
      attributes: attrs({ reason: str('retry') }),
      droppedAttributesCount: 5,
    },
  ],
  droppedLinksCount: 4,
  statusCode: 0,
  statusMessage: '',
  resource: checkoutResource,
  scope: { name: 'cart-lib', version: '2.0.0', attributes: attrs({ 'lib.flag': { kind: 'bool', value: false } }), droppedAttributesCount: 6, schemaUrl: 'https://scope/schema' },
});

function span(trace: string, id: string, overrides: Partial<SpanRow>): SpanRow {
  return sampleSpan({ traceId: idBytes(trace), spanId: idBytes(id), attributes: [], resource: checkoutResource, scope: sampleScope, ...overrides });
}

export const namedSpans: SpanRow[] = [
  richSpan,
  span(TRACE_A, SPAN.s2, {
    parentSpanId: idBytes(SPAN.s1),
    name: 'SELECT cart',
    kind: 3,
    startTimeUnixNano: BASE_TIME_NS + 10n * MS,
    endTimeUnixNano: BASE_TIME_NS + 40n * MS,
    statusCode: 2,
    statusMessage: 'boom',
    attributes: attrs({ 'db.system': str('postgres') }),
  }),
  span(TRACE_A, SPAN.s3, {
    parentSpanId: idBytes(SPAN.s1),
    name: 'charge',
    kind: 2,
    startTimeUnixNano: BASE_TIME_NS + 50n * MS,
    endTimeUnixNano: BASE_TIME_NS + 90n * MS,
    statusCode: 1,
    attributes: attrs({ amount: int(42n), note: str('100% sure'), code: str('a_b') }),
    resource: paymentsResource,
  }),
  span(TRACE_B, SPAN.s4, {
    name: 'POST /pay',
    kind: 2,
    startTimeUnixNano: BASE_TIME_NS + 200n * MS,
    endTimeUnixNano: BASE_TIME_NS + 700n * MS,
    attributes: attrs({ 'http.request.method': str('POST'), 'http.route': str('/pay'), 'http.response.status_code': int(201n), note: str('100x sure'), code: str('axb') }),
    resource: paymentsResource,
  }),
  span(TRACE_C, SPAN.s5, {
    name: 'GET /cart',
    kind: 2,
    startTimeUnixNano: BASE_TIME_NS + 300n * MS,
    endTimeUnixNano: BASE_TIME_NS + 400n * MS,
    attributes: attrs({ 'http.request.method': str('GET'), customer: str('ACME-42') }),
  }),
];

/** 25 short spans of service `batch` with repeated start times and durations (ties for paging). */
export const batchSpans: SpanRow[] = Array.from({ length: 25 }, (_, index) =>
  span(TRACE_D, `d0000000000000${(index + 10).toString(16).padStart(2, '0')}`, {
    parentSpanId: idBytes('dfffffffffffffff'),
    name: `job-${index % 3}`,
    kind: 1,
    startTimeUnixNano: BASE_TIME_NS + 1_000n * MS + BigInt(index % 5) * MS,
    endTimeUnixNano: BASE_TIME_NS + 1_000n * MS + BigInt(index % 5) * MS + BigInt(index % 4) * 1_000n,
    resource: batchResource,
  }),
);

export const allSpans: SpanRow[] = [...namedSpans, ...batchSpans];
