/** Hand-built messaging spans and lag metric points for the messaging API tests against a real store. */
import type { AnyValue, Attributes } from '../../src/signals/any-value.ts';
import type { MetricInfo, NumberPoint } from '../../src/signals/metric-point.ts';
import type { ResourceInfo } from '../../src/signals/resource.ts';
import type { SpanRow } from '../../src/signals/span.ts';
import { idBytes, sampleScope, sampleSpan } from './sample-rows.ts';

export const MS = 1_000_000n;

function attributes(entries: Readonly<Record<string, string | number>>): Attributes {
  return Object.entries(entries).map(([key, value]): { key: string; value: AnyValue } => ({
    key,
    value: typeof value === 'number' ? { kind: 'int', value: BigInt(value) } : { kind: 'string', value },
  }));
}

export function resourceOf(service: string, environment?: string): ResourceInfo {
  const entries: Record<string, string> = { 'service.name': service };
  if (environment !== undefined) entries['deployment.environment.name'] = environment;
  return { attributes: attributes(entries), droppedAttributesCount: 0, schemaUrl: '' };
}

let nextId = 1;
/** A fresh span id (16 hex digits). */
export function newSpanId(): string {
  return (nextId++).toString(16).padStart(16, '0');
}

export interface MessagingSpanInput {
  readonly service: string;
  readonly kind: number;
  readonly startNs: bigint;
  readonly durationMs: number;
  readonly attributes: Readonly<Record<string, string | number>>;
  readonly traceId?: string;
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly links?: readonly { readonly traceId: string; readonly spanId: string }[];
  readonly error?: boolean;
  readonly environment?: string;
  readonly name?: string;
}

export function messagingSpan(input: MessagingSpanInput): SpanRow {
  return sampleSpan({
    traceId: idBytes(input.traceId ?? '0000000000000000000000000000beef'),
    spanId: idBytes(input.spanId ?? newSpanId()),
    parentSpanId: input.parentSpanId === undefined ? new Uint8Array(0) : idBytes(input.parentSpanId),
    name: input.name ?? 'message',
    kind: input.kind,
    startTimeUnixNano: input.startNs,
    endTimeUnixNano: input.startNs + BigInt(Math.round(input.durationMs * 1e6)),
    attributes: attributes(input.attributes),
    links: (input.links ?? []).map((link) => ({
      traceId: idBytes(link.traceId),
      spanId: idBytes(link.spanId),
      traceState: '',
      flags: 1,
      attributes: [],
      droppedAttributesCount: 0,
    })),
    statusCode: input.error === true ? 2 : 0,
    resource: resourceOf(input.service, input.environment),
  });
}

const gauge = (name: string): MetricInfo => ({ name, description: '', unit: '', type: 'gauge', temporality: 0, isMonotonic: false, metadata: [] });

/** One lag gauge point with the given labels. */
export function lagPoint(metric: string, labels: Readonly<Record<string, string>>, timeNs: bigint, value: number): NumberPoint {
  return {
    metric: gauge(metric),
    resource: resourceOf('kafka-exporter'),
    scope: sampleScope,
    attributes: attributes(labels),
    startTimeUnixNano: 0n,
    timeUnixNano: timeNs,
    flags: 0,
    kind: 'number',
    value: { kind: 'int', value: BigInt(value) },
    exemplars: [],
  };
}
