/**
 * Item-level validation shared by the protobuf and JSON decoders. An invalid item is not stored:
 * it is counted, and the first reason becomes the OTLP partial-success message.
 */

export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

/** The empty id (shared: a zero-length array cannot be changed). */
export const EMPTY_BYTES: Uint8Array = new Uint8Array(0);
const MAX_NAME_IN_MESSAGE = 120;

/** Counts rejected items of one request and remembers why the first one was refused. */
export class Rejections {
  count = 0;
  private firstReason = '';

  add(reason: string, items = 1): void {
    if (items <= 0) return;
    if (this.count === 0) this.firstReason = reason;
    this.count += items;
  }

  /** E.g. `2 spans rejected: invalid trace_id length 15 (span "GET /x")`; '' when nothing was rejected. */
  message(singular: string, plural: string): string {
    if (this.count === 0) return '';
    return `${this.count} ${this.count === 1 ? singular : plural} rejected: ${this.firstReason}`;
  }
}

function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** A name quoted for a rejection message, shortened when long. */
export function quoteName(name: string): string {
  return JSON.stringify(name.length > MAX_NAME_IN_MESSAGE ? `${name.slice(0, MAX_NAME_IN_MESSAGE)}…` : name);
}

/** Why a span's own ids are invalid, or undefined when they are fine. */
export function spanIdsProblem(traceId: Uint8Array, spanId: Uint8Array, parentSpanId: Uint8Array): string | undefined {
  if (traceId.length !== TRACE_ID_BYTES) return `invalid trace_id length ${traceId.length}`;
  if (isAllZero(traceId)) return 'trace_id is all zero';
  if (spanId.length !== SPAN_ID_BYTES) return `invalid span_id length ${spanId.length}`;
  if (isAllZero(spanId)) return 'span_id is all zero';
  if (parentSpanId.length !== 0 && parentSpanId.length !== SPAN_ID_BYTES) {
    return `invalid parent_span_id length ${parentSpanId.length}`;
  }
  return undefined;
}

/**
 * Why a link's ids are invalid, or undefined. Links may point at an invalid (all-zero) context
 * when they carry attributes or a trace state (OTel spec), and the Collector omits all-zero ids
 * from the wire, so an empty id is accepted here and stored as zeros (see linkTraceId/linkSpanId).
 */
export function linkIdsProblem(traceId: Uint8Array, spanId: Uint8Array): string | undefined {
  if (traceId.length !== 0 && traceId.length !== TRACE_ID_BYTES) return `invalid link trace_id length ${traceId.length}`;
  if (spanId.length !== 0 && spanId.length !== SPAN_ID_BYTES) return `invalid link span_id length ${spanId.length}`;
  return undefined;
}

/** A valid link trace id with the empty form widened to 16 zero bytes. */
export function linkTraceId(traceId: Uint8Array): Uint8Array {
  return traceId.length === 0 ? new Uint8Array(TRACE_ID_BYTES) : traceId;
}

/** A valid link span id with the empty form widened to 8 zero bytes. */
export function linkSpanId(spanId: Uint8Array): Uint8Array {
  return spanId.length === 0 ? new Uint8Array(SPAN_ID_BYTES) : spanId;
}

/** Why optional trace/span ids (log records, exemplars) are invalid, or undefined. */
export function optionalIdsProblem(traceId: Uint8Array, spanId: Uint8Array): string | undefined {
  if (traceId.length !== 0 && traceId.length !== TRACE_ID_BYTES) return `invalid trace_id length ${traceId.length}`;
  if (spanId.length !== 0 && spanId.length !== SPAN_ID_BYTES) return `invalid span_id length ${spanId.length}`;
  return undefined;
}

export function spanReason(problem: string, spanName: string): string {
  return `${problem} (span ${quoteName(spanName)})`;
}

export function metricReason(problem: string, metricName: string): string {
  return `${problem} (metric ${quoteName(metricName)})`;
}

export const MISSING_METRIC_NAME = 'metric has no name';
