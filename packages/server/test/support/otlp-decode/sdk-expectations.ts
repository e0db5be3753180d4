/**
 * Test support: the rows a decoder must produce for telemetry built by the real OpenTelemetry JS
 * SDK, derived from the SDK objects themselves (not from any wire format).
 */
import { ValueType } from '@opentelemetry/api';
import type { HrTime } from '@opentelemetry/api';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { AggregationTemporality as SdkTemporality, DataPointType } from '@opentelemetry/sdk-metrics';
import type { MetricData, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Resource } from '@opentelemetry/resources';
import type { AnyValue, KeyValue } from '../../../src/signals/any-value.ts';
import type { LogRow } from '../../../src/signals/log-record.ts';
import type { MetricInfo, MetricPoint } from '../../../src/signals/metric-point.ts';
import type { ResourceInfo, ScopeInfo } from '../../../src/signals/resource.ts';
import type { SpanRow } from '../../../src/signals/span.ts';

export function hex(bytes: string): Uint8Array {
  return new Uint8Array(Buffer.from(bytes, 'hex'));
}

export function nanos(time: HrTime): bigint {
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}

/** The AnyValue OTel JS encodes for an SDK attribute or log body value. */
export function anyValue(value: unknown): AnyValue {
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { kind: 'int', value: BigInt(value) } : { kind: 'double', value };
  }
  if (value instanceof Uint8Array) return { kind: 'bytes', value: new Uint8Array(value) };
  if (Array.isArray(value)) return { kind: 'array', value: value.map(anyValue) };
  if (typeof value === 'object' && value !== null) return { kind: 'kvlist', value: attributes(value as Record<string, unknown>) };
  return { kind: 'empty' };
}

export function attributes(record: Record<string, unknown> | undefined): KeyValue[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value: anyValue(value) }));
}

export function resourceInfo(resource: Resource): ResourceInfo {
  return { attributes: attributes(resource.attributes), droppedAttributesCount: 0, schemaUrl: resource.schemaUrl ?? '' };
}

interface SdkScope {
  readonly name: string;
  readonly version?: string;
  readonly schemaUrl?: string;
  readonly attributes?: Record<string, unknown>;
  readonly droppedAttributesCount?: number;
}

export function scopeInfo(scope: SdkScope): ScopeInfo {
  return {
    name: scope.name,
    version: scope.version ?? '',
    attributes: attributes(scope.attributes),
    droppedAttributesCount: scope.droppedAttributesCount ?? 0,
    schemaUrl: scope.schemaUrl ?? '',
  };
}

/** OTLP span flags: W3C trace flags plus the has-is-remote / is-remote bits. */
function spanFlags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | 0x100 | (isRemote === true ? 0x200 : 0);
}

export function spanRow(span: ReadableSpan): SpanRow {
  const ctx = span.spanContext();
  return {
    traceId: hex(ctx.traceId),
    spanId: hex(ctx.spanId),
    parentSpanId: span.parentSpanContext === undefined ? new Uint8Array(0) : hex(span.parentSpanContext.spanId),
    traceState: ctx.traceState?.serialize() ?? '',
    flags: spanFlags(ctx.traceFlags, span.parentSpanContext?.isRemote),
    name: span.name,
    kind: span.kind + 1,
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
    attributes: attributes(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((event) => ({
      timeUnixNano: nanos(event.time),
      name: event.name,
      attributes: attributes(event.attributes),
      droppedAttributesCount: event.droppedAttributesCount ?? 0,
    })),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map((link) => ({
      traceId: hex(link.context.traceId),
      spanId: hex(link.context.spanId),
      traceState: link.context.traceState?.serialize() ?? '',
      flags: spanFlags(link.context.traceFlags, link.context.isRemote),
      attributes: attributes(link.attributes),
      droppedAttributesCount: link.droppedAttributesCount ?? 0,
    })),
    droppedLinksCount: span.droppedLinksCount,
    statusCode: span.status.code,
    statusMessage: span.status.message ?? '',
    resource: resourceInfo(span.resource),
    scope: scopeInfo(span.instrumentationScope),
  };
}

export function logRow(log: ReadableLogRecord): LogRow {
  return {
    timeUnixNano: nanos(log.hrTime),
    observedTimeUnixNano: nanos(log.hrTimeObserved),
    severityNumber: log.severityNumber ?? 0,
    severityText: log.severityText ?? '',
    body: anyValue(log.body),
    attributes: attributes(log.attributes),
    droppedAttributesCount: log.droppedAttributesCount,
    flags: log.spanContext?.traceFlags ?? 0,
    traceId: log.spanContext === undefined ? new Uint8Array(0) : hex(log.spanContext.traceId),
    spanId: log.spanContext === undefined ? new Uint8Array(0) : hex(log.spanContext.spanId),
    eventName: log.eventName ?? '',
    resource: resourceInfo(log.resource),
    scope: scopeInfo(log.instrumentationScope),
  };
}

function temporality(value: SdkTemporality): number {
  return value === SdkTemporality.DELTA ? 1 : 2;
}

function metricInfo(data: MetricData): MetricInfo {
  const base = { name: data.descriptor.name, description: data.descriptor.description, unit: data.descriptor.unit, metadata: [] };
  switch (data.dataPointType) {
    case DataPointType.GAUGE:
      return { ...base, type: 'gauge', temporality: 0, isMonotonic: false };
    case DataPointType.SUM:
      return { ...base, type: 'sum', temporality: temporality(data.aggregationTemporality), isMonotonic: data.isMonotonic };
    case DataPointType.HISTOGRAM:
      return { ...base, type: 'histogram', temporality: temporality(data.aggregationTemporality), isMonotonic: false };
    case DataPointType.EXPONENTIAL_HISTOGRAM:
      return { ...base, type: 'exponential_histogram', temporality: temporality(data.aggregationTemporality), isMonotonic: false };
  }
}

/** One expected point per SDK data point, in the order the SDK reports them. */
export function metricPoints(resourceMetrics: ResourceMetrics): MetricPoint[] {
  const resource = resourceInfo(resourceMetrics.resource);
  const points: MetricPoint[] = [];
  for (const scopeMetrics of resourceMetrics.scopeMetrics) {
    const scope = scopeInfo(scopeMetrics.scope);
    for (const data of scopeMetrics.metrics) {
      const metric = metricInfo(data);
      const intValued = data.descriptor.valueType === ValueType.INT;
      for (const point of data.dataPoints) {
        const common = {
          metric, resource, scope, attributes: attributes(point.attributes),
          startTimeUnixNano: nanos(point.startTime), timeUnixNano: nanos(point.endTime), flags: 0,
        };
        const value = point.value;
        if (typeof value === 'number') {
          points.push({
            ...common, kind: 'number', exemplars: [],
            value: intValued ? { kind: 'int', value: BigInt(value) } : { kind: 'double', value },
          });
        } else if ('buckets' in value) {
          points.push({
            ...common, kind: 'histogram', count: BigInt(value.count), sum: value.sum, min: value.min, max: value.max,
            bucketCounts: value.buckets.counts.map(BigInt), explicitBounds: value.buckets.boundaries, exemplars: [],
          });
        } else {
          points.push({
            ...common, kind: 'exponential_histogram', count: BigInt(value.count), sum: value.sum, min: value.min,
            max: value.max, scale: value.scale, zeroCount: BigInt(value.zeroCount), zeroThreshold: 0,
            positive: { offset: value.positive.offset, bucketCounts: value.positive.bucketCounts.map(BigInt) },
            negative: { offset: value.negative.offset, bucketCounts: value.negative.bucketCounts.map(BigInt) },
            exemplars: [],
          });
        }
      }
    }
  }
  return points;
}
