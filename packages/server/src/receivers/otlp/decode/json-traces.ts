import type { Decoded } from '../../../signals/decoded.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import type { SpanEvent, SpanLink, SpanRow } from '../../../signals/span.ts';
import { forEachScope, jsonKeyValues, parseJsonRequest } from './json-common.ts';
import { asArray, asEnum, asHexId, asObject, asString, asUint32, asUint64, field, jsonError } from './json-values.ts';
import type { JsonObject } from './json-values.ts';
import { NO_ITEMS } from './row-parts.ts';
import { Rejections, linkIdsProblem, linkSpanId, linkTraceId, spanIdsProblem, spanReason } from './validate.ts';

/** ExportTraceServiceRequest in OTLP/JSON straight to SpanRow. */

const SPAN_KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_CODES = ['UNSET', 'OK', 'ERROR'];
const NAMES = {
  resources: ['resourceSpans', 'resource_spans'],
  scopes: ['scopeSpans', 'scope_spans'],
  items: ['spans', 'spans'],
} as const;

/** Decodes an OTLP/JSON trace export request into span rows; malformed JSON throws OTLP_DECODE_FAILED. */
export function decodeTracesJson(bytes: Uint8Array): Decoded<'traces'> {
  const request = parseJsonRequest(bytes, 'ExportTraceServiceRequest');
  const rows: SpanRow[] = [];
  const rejections = new Rejections();
  forEachScope(request, NAMES, (spans, resource, scope) => {
    for (const span of spans) readSpan(span, resource, scope, rows, rejections);
  });
  return { rows, rejected: rejections.count, rejectionMessage: rejections.message('span', 'spans') };
}

function readSpan(value: unknown, resource: ResourceInfo, scope: ScopeInfo, rows: SpanRow[], rejections: Rejections): void {
  const o = asObject(value, 'span');
  if (o === undefined) throw jsonError('spans must not contain null');
  const name = asString(o.name, 'span.name');
  const traceId = asHexId(field(o, 'traceId', 'trace_id'), 'span.traceId');
  const spanId = asHexId(field(o, 'spanId', 'span_id'), 'span.spanId');
  const parentSpanId = asHexId(field(o, 'parentSpanId', 'parent_span_id'), 'span.parentSpanId');
  let problem: string | undefined;
  if (traceId === undefined) problem = 'trace_id is not a hex string';
  else if (spanId === undefined) problem = 'span_id is not a hex string';
  else if (parentSpanId === undefined) problem = 'parent_span_id is not a hex string';
  else problem = spanIdsProblem(traceId, spanId, parentSpanId);
  const links: SpanLink[] = [];
  for (const link of asArray(o.links, 'span.links')) {
    const read = readLink(link);
    if (typeof read === 'string') problem ??= read;
    else links.push(read);
  }
  if (problem !== undefined || traceId === undefined || spanId === undefined || parentSpanId === undefined) {
    rejections.add(spanReason(problem ?? 'invalid ids', name));
    return;
  }
  const status = asObject(o.status, 'span.status');
  rows.push({
    traceId, spanId, parentSpanId,
    traceState: asString(field(o, 'traceState', 'trace_state'), 'span.traceState'),
    flags: asUint32(o.flags, 'span.flags'),
    name,
    kind: asEnum(o.kind, 'SPAN_KIND_', SPAN_KINDS, 'span.kind'),
    startTimeUnixNano: asUint64(field(o, 'startTimeUnixNano', 'start_time_unix_nano'), 'span.startTimeUnixNano'),
    endTimeUnixNano: asUint64(field(o, 'endTimeUnixNano', 'end_time_unix_nano'), 'span.endTimeUnixNano'),
    attributes: jsonKeyValues(o.attributes, 'span.attributes'),
    droppedAttributesCount: asUint32(field(o, 'droppedAttributesCount', 'dropped_attributes_count'), 'span.droppedAttributesCount'),
    events: readEvents(o.events),
    droppedEventsCount: asUint32(field(o, 'droppedEventsCount', 'dropped_events_count'), 'span.droppedEventsCount'),
    links: links.length === 0 ? NO_ITEMS : links,
    droppedLinksCount: asUint32(field(o, 'droppedLinksCount', 'dropped_links_count'), 'span.droppedLinksCount'),
    statusCode: status === undefined ? 0 : asEnum(status.code, 'STATUS_CODE_', STATUS_CODES, 'span.status.code'),
    statusMessage: status === undefined ? '' : asString(status.message, 'span.status.message'),
    resource,
    scope,
  });
}

function readEvents(value: unknown): readonly SpanEvent[] {
  const events = asArray(value, 'span.events');
  if (events.length === 0) return NO_ITEMS;
  const out: SpanEvent[] = [];
  for (const event of events) {
    const o: JsonObject | undefined = asObject(event, 'span.events[]');
    if (o === undefined) throw jsonError('span.events must not contain null');
    out.push({
      timeUnixNano: asUint64(field(o, 'timeUnixNano', 'time_unix_nano'), 'event.timeUnixNano'),
      name: asString(o.name, 'event.name'),
      attributes: jsonKeyValues(o.attributes, 'event.attributes'),
      droppedAttributesCount: asUint32(field(o, 'droppedAttributesCount', 'dropped_attributes_count'), 'event.droppedAttributesCount'),
    });
  }
  return out;
}

/** A link, or why its ids are invalid. */
function readLink(value: unknown): SpanLink | string {
  const o = asObject(value, 'span.links[]');
  if (o === undefined) throw jsonError('span.links must not contain null');
  const traceId = asHexId(field(o, 'traceId', 'trace_id'), 'link.traceId');
  const spanId = asHexId(field(o, 'spanId', 'span_id'), 'link.spanId');
  if (traceId === undefined) return 'link trace_id is not a hex string';
  if (spanId === undefined) return 'link span_id is not a hex string';
  const problem = linkIdsProblem(traceId, spanId);
  if (problem !== undefined) return problem;
  return {
    traceId: linkTraceId(traceId),
    spanId: linkSpanId(spanId),
    traceState: asString(field(o, 'traceState', 'trace_state'), 'link.traceState'),
    flags: asUint32(o.flags, 'link.flags'),
    attributes: jsonKeyValues(o.attributes, 'link.attributes'),
    droppedAttributesCount: asUint32(field(o, 'droppedAttributesCount', 'dropped_attributes_count'), 'link.droppedAttributesCount'),
  };
}
