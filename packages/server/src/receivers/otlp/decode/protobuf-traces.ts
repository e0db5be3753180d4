import type { KeyValue } from '../../../signals/any-value.ts';
import type { Decoded } from '../../../signals/decoded.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import type { SpanEvent, SpanLink, SpanRow } from '../../../signals/span.ts';
import { fieldMask, readKeyValue, readResource, readScope } from './protobuf-common.ts';
import { NO_ITEMS, newResource, newScope } from './row-parts.ts';
import { EMPTY_BYTES, Rejections, linkIdsProblem, linkSpanId, linkTraceId, spanIdsProblem, spanReason } from './validate.ts';
import { WireReader } from './wire-reader.ts';

/*
 * ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1/trace_service.proto and
 * trace/v1/trace.proto) straight to SpanRow.
 */

const REQUEST_FIELDS = fieldMask(1); // resource_spans=1
const RESOURCE_SPANS_FIELDS = fieldMask(1, 2, 3); // resource=1, scope_spans=2, schema_url=3
const SCOPE_SPANS_FIELDS = fieldMask(1, 2, 3); // scope=1, spans=2, schema_url=3
const SPAN_FIELDS = fieldMask(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
const EVENT_FIELDS = fieldMask(1, 2, 3, 4); // time_unix_nano=1, name=2, attributes=3, dropped_attributes_count=4
const LINK_FIELDS = fieldMask(1, 2, 3, 4, 5, 6); // trace_id, span_id, trace_state, attributes, dropped, flags
const STATUS_FIELDS = fieldMask(2, 3); // message=2, code=3

/** Decodes an OTLP/protobuf trace export request into span rows; malformed bytes throw OTLP_DECODE_FAILED. */
export function decodeTracesProtobuf(bytes: Uint8Array): Decoded<'traces'> {
  const r = new WireReader(bytes);
  const rows: SpanRow[] = [];
  const rejections = new Rejections();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) readResourceSpans(r, rows, rejections);
    else r.skipUnknown(tag, REQUEST_FIELDS, 'ExportTraceServiceRequest');
  }
  return { rows, rejected: rejections.count, rejectionMessage: rejections.message('span', 'spans') };
}

function readResourceSpans(r: WireReader, rows: SpanRow[], rejections: Rejections): void {
  const outer = r.enter();
  const resource = newResource();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x12) readScopeSpans(r, resource, rows, rejections);
    else if (tag === 0x0a) readResource(r, resource);
    else if (tag === 0x1a) resource.schemaUrl = r.string();
    else r.skipUnknown(tag, RESOURCE_SPANS_FIELDS, 'ResourceSpans');
  }
  r.leave(outer);
}

function readScopeSpans(r: WireReader, resource: ResourceInfo, rows: SpanRow[], rejections: Rejections): void {
  const outer = r.enter();
  const scope = newScope();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x12) readSpan(r, resource, scope, rows, rejections);
    else if (tag === 0x0a) readScope(r, scope);
    else if (tag === 0x1a) scope.schemaUrl = r.string();
    else r.skipUnknown(tag, SCOPE_SPANS_FIELDS, 'ScopeSpans');
  }
  r.leave(outer);
}

function readSpan(r: WireReader, resource: ResourceInfo, scope: ScopeInfo, rows: SpanRow[], rejections: Rejections): void {
  const outer = r.enter();
  let traceId = EMPTY_BYTES;
  let spanId = EMPTY_BYTES;
  let parentSpanId = EMPTY_BYTES;
  let traceState = '';
  let flags = 0;
  let name = '';
  let kind = 0;
  let startTimeUnixNano = 0n;
  let endTimeUnixNano = 0n;
  let attributes: KeyValue[] | undefined;
  let droppedAttributesCount = 0;
  let events: SpanEvent[] | undefined;
  let droppedEventsCount = 0;
  let links: SpanLink[] | undefined;
  let droppedLinksCount = 0;
  let statusCode = 0;
  let statusMessage = '';
  let problem: string | undefined;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x0a: traceId = r.bytes(); break;
      case 0x12: spanId = r.bytes(); break;
      case 0x1a: traceState = r.string(); break;
      case 0x22: parentSpanId = r.bytes(); break;
      case 0x2a: name = r.string(); break;
      case 0x30: kind = r.int32(); break;
      case 0x39: startTimeUnixNano = r.fixed64(); break;
      case 0x41: endTimeUnixNano = r.fixed64(); break;
      case 0x4a: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x50: droppedAttributesCount = r.uint32(); break;
      case 0x5a: (events ??= []).push(readEvent(r)); break;
      case 0x60: droppedEventsCount = r.uint32(); break;
      case 0x6a: {
        const link = readLink(r);
        if (typeof link === 'string') problem ??= link;
        else (links ??= []).push(link);
        break;
      }
      case 0x70: droppedLinksCount = r.uint32(); break;
      case 0x7a: {
        const outerStatus = r.enter();
        while (r.pos < r.limit) {
          const statusTag = r.tag();
          if (statusTag === 0x12) statusMessage = r.string();
          else if (statusTag === 0x18) statusCode = r.int32();
          else r.skipUnknown(statusTag, STATUS_FIELDS, 'Status');
        }
        r.leave(outerStatus);
        break;
      }
      case 0x85: flags = r.fixed32(); break; // field 16, fixed32: two-byte tag 0x85 0x01
      default: r.skipUnknown(tag, SPAN_FIELDS, 'Span');
    }
  }
  r.leave(outer);
  problem = spanIdsProblem(traceId, spanId, parentSpanId) ?? problem;
  if (problem !== undefined) {
    rejections.add(spanReason(problem, name));
    return;
  }
  rows.push({
    traceId, spanId, parentSpanId, traceState, flags, name, kind, startTimeUnixNano, endTimeUnixNano,
    attributes: attributes ?? NO_ITEMS, droppedAttributesCount,
    events: events ?? NO_ITEMS, droppedEventsCount,
    links: links ?? NO_ITEMS, droppedLinksCount,
    statusCode, statusMessage, resource, scope,
  });
}

function readEvent(r: WireReader): SpanEvent {
  const outer = r.enter();
  let timeUnixNano = 0n;
  let name = '';
  let attributes: KeyValue[] | undefined;
  let droppedAttributesCount = 0;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x09: timeUnixNano = r.fixed64(); break;
      case 0x12: name = r.string(); break;
      case 0x1a: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x20: droppedAttributesCount = r.uint32(); break;
      default: r.skipUnknown(tag, EVENT_FIELDS, 'Span.Event');
    }
  }
  r.leave(outer);
  return { timeUnixNano, name, attributes: attributes ?? NO_ITEMS, droppedAttributesCount };
}

/** A link, or why its ids are invalid. */
function readLink(r: WireReader): SpanLink | string {
  const outer = r.enter();
  let traceId = EMPTY_BYTES;
  let spanId = EMPTY_BYTES;
  let traceState = '';
  let flags = 0;
  let attributes: KeyValue[] | undefined;
  let droppedAttributesCount = 0;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x0a: traceId = r.bytes(); break;
      case 0x12: spanId = r.bytes(); break;
      case 0x1a: traceState = r.string(); break;
      case 0x22: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x28: droppedAttributesCount = r.uint32(); break;
      case 0x35: flags = r.fixed32(); break;
      default: r.skipUnknown(tag, LINK_FIELDS, 'Span.Link');
    }
  }
  r.leave(outer);
  const problem = linkIdsProblem(traceId, spanId);
  if (problem !== undefined) return problem;
  return {
    traceId: linkTraceId(traceId), spanId: linkSpanId(spanId), traceState, flags,
    attributes: attributes ?? NO_ITEMS, droppedAttributesCount,
  };
}
