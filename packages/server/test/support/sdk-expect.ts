/**
 * What the public API must return for telemetry made by the OpenTelemetry JS SDK, derived from the
 * SDK's own objects (ReadableSpan, ReadableLogRecord) and the OTLP mapping its exporters apply.
 */
import type { HrTime, Link } from '@opentelemetry/api';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import type { AnyValue, Attributes, LogRecord, Resource, Scope, Span, SpanEvent, SpanLink, SpanSummary } from '@sightline/contract';

/** An HrTime as unix nanoseconds in decimal text, exactly. */
export function hrNanos(time: HrTime): string {
  return (BigInt(time[0]) * 1_000_000_000n + BigInt(time[1])).toString();
}

/** The OTLP/JSON AnyValue the SDK's exporters send for a JS value (integers as intValue). */
export function apiValue(value: unknown): AnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return { intValue: BigInt(value).toString() };
    if (Number.isNaN(value)) return { doubleValue: 'NaN' };
    if (!Number.isFinite(value)) return { doubleValue: value > 0 ? 'Infinity' : '-Infinity' };
    return { doubleValue: value };
  }
  if (value instanceof Uint8Array) return { bytesValue: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(apiValue) } };
  if (typeof value === 'object' && value !== null) {
    return { kvlistValue: { values: Object.entries(value).map(([key, item]) => ({ key, value: apiValue(item) })) } };
  }
  return {};
}

export function apiAttributes(record: Readonly<Record<string, unknown>> | undefined): Attributes {
  return Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key, apiValue(value)]));
}

export function apiResource(resource: { readonly attributes: Readonly<Record<string, unknown>>; readonly schemaUrl?: string }): Resource {
  return { attributes: apiAttributes(resource.attributes), droppedAttributesCount: 0, schemaUrl: resource.schemaUrl ?? '' };
}

interface SdkScope {
  readonly name: string;
  readonly version?: string;
  readonly schemaUrl?: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly droppedAttributesCount?: number;
}

export function apiScope(scope: SdkScope): Scope {
  return {
    name: scope.name,
    version: scope.version ?? '',
    attributes: apiAttributes(scope.attributes),
    droppedAttributesCount: scope.droppedAttributesCount ?? 0,
    schemaUrl: scope.schemaUrl ?? '',
  };
}

/** OTLP span flags: the W3C trace flags plus the "has is-remote" bit and the is-remote bit. */
export function spanFlags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | 0x100 | (isRemote === true ? 0x200 : 0);
}

function serviceNameOf(attributes: Readonly<Record<string, unknown>>): string {
  const name = attributes['service.name'];
  return typeof name === 'string' ? name : '';
}

function apiEvent(event: TimedEvent): SpanEvent {
  return {
    timeUnixNano: hrNanos(event.time),
    name: event.name,
    attributes: apiAttributes(event.attributes),
    droppedAttributesCount: event.droppedAttributesCount ?? 0,
  };
}

function apiLink(link: Link): SpanLink {
  return {
    traceId: link.context.traceId,
    spanId: link.context.spanId,
    traceState: link.context.traceState?.serialize() ?? '',
    flags: spanFlags(link.context.traceFlags, link.context.isRemote),
    attributes: apiAttributes(link.attributes),
    droppedAttributesCount: link.droppedAttributesCount ?? 0,
  };
}

function durationNs(span: ReadableSpan): string {
  return (BigInt(hrNanos(span.endTime)) - BigInt(hrNanos(span.startTime))).toString();
}

/** The span as `GET /api/v1/traces/:traceId` returns it. */
export function expectedSpan(span: ReadableSpan): Span {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? '',
    traceState: context.traceState?.serialize() ?? '',
    flags: spanFlags(context.traceFlags, span.parentSpanContext?.isRemote),
    name: span.name,
    kind: span.kind + 1,
    startTimeUnixNano: hrNanos(span.startTime),
    endTimeUnixNano: hrNanos(span.endTime),
    durationNs: durationNs(span),
    status: { code: span.status.code, message: span.status.message ?? '' },
    serviceName: serviceNameOf(span.resource.attributes),
    attributes: apiAttributes(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map(apiEvent),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map(apiLink),
    droppedLinksCount: span.droppedLinksCount,
    resource: apiResource(span.resource),
    scope: apiScope(span.instrumentationScope),
  };
}

function textAttribute(span: ReadableSpan, ...keys: string[]): string {
  for (const key of keys) {
    const value = span.attributes[key];
    if (typeof value === 'string') return value;
  }
  return '';
}

function intAttribute(span: ReadableSpan, ...keys: string[]): number {
  for (const key of keys) {
    const value = span.attributes[key];
    if (typeof value === 'number' && Number.isInteger(value)) return value;
  }
  return 0;
}

/** The span as `POST /api/v1/spans/search` returns it. */
export function expectedSpanSummary(span: ReadableSpan): SpanSummary {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? '',
    serviceName: serviceNameOf(span.resource.attributes),
    name: span.name,
    kind: span.kind + 1,
    startTimeUnixNano: hrNanos(span.startTime),
    durationNs: durationNs(span),
    statusCode: span.status.code,
    httpMethod: textAttribute(span, 'http.request.method', 'http.method'),
    httpRoute: textAttribute(span, 'http.route'),
    httpStatusCode: intAttribute(span, 'http.response.status_code', 'http.status_code'),
  };
}

/** Ascending by start time, then trace id, then span id: the search API's `sort: timestamp` order. */
export function byStartThenIds(a: ReadableSpan, b: ReadableSpan): number {
  const [startA, startB] = [BigInt(hrNanos(a.startTime)), BigInt(hrNanos(b.startTime))];
  if (startA !== startB) return startA < startB ? -1 : 1;
  const [idA, idB] = [`${a.spanContext().traceId}${a.spanContext().spanId}`, `${b.spanContext().traceId}${b.spanContext().spanId}`];
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** The log record as `POST /api/v1/logs/search` returns it, but for the id the server derives. */
export function expectedLog(record: ReadableLogRecord): Omit<LogRecord, 'id'> {
  const time = hrNanos(record.hrTime);
  const observed = hrNanos(record.hrTimeObserved);
  return {
    timestampUnixNano: time === '0' ? observed : time,
    timeUnixNano: time,
    observedTimeUnixNano: observed,
    traceId: record.spanContext?.traceId ?? '',
    spanId: record.spanContext?.spanId ?? '',
    flags: record.spanContext?.traceFlags ?? 0,
    severityNumber: record.severityNumber ?? 0,
    severityText: record.severityText ?? '',
    body: apiValue(record.body),
    eventName: record.eventName ?? '',
    serviceName: serviceNameOf(record.resource.attributes),
    attributes: apiAttributes(record.attributes),
    droppedAttributesCount: record.droppedAttributesCount,
    resource: apiResource(record.resource),
    scope: apiScope(record.instrumentationScope),
  };
}
