import type { Span, SpanEvent, SpanLink } from '@sightline/contract';
import { sql, type SqlFragment } from '../../storage/sql.ts';
import { decodeAttributeMaps, decodeKeyValueJson, selectAttributeMaps } from '../attribute-maps.ts';
import { decodeResource, decodeScope, idOrEmpty, selectResourceAndScope, type ResourceScopeRow } from '../resource-scope.ts';
import { nanosText } from '../time-range.ts';

/** Every stored field of a span, in the shape `decodeSpan` reads. */
export function selectSpanColumns(): SqlFragment {
  return sql`lower(hex(trace_id)) AS trace_hex, lower(hex(span_id)) AS span_hex, lower(hex(parent_span_id)) AS parent_hex,
    trace_state, flags, name, kind,
    ${nanosText(sql`timestamp`)} AS start_ns, ${nanosText(sql`end_timestamp`)} AS end_ns, duration_ns,
    status_code, status_message, service_name,
    ${selectAttributeMaps('attributes')}, dropped_attributes_count,
    arrayMap(t -> ${nanosText(sql`t`)}, events_time) AS events_time_ns, events_name, events_attributes,
    events_dropped_attributes_count, dropped_events_count,
    arrayMap(x -> lower(hex(x)), links_trace_id) AS links_trace_hex, arrayMap(x -> lower(hex(x)), links_span_id) AS links_span_hex,
    links_trace_state, links_flags, links_attributes, links_dropped_attributes_count, dropped_links_count,
    ${selectResourceAndScope()}`;
}

export interface SpanDbRow extends ResourceScopeRow {
  readonly trace_hex: string;
  readonly span_hex: string;
  readonly parent_hex: string;
  readonly trace_state: string;
  readonly flags: number;
  readonly name: string;
  readonly kind: number;
  readonly start_ns: string;
  readonly end_ns: string;
  readonly duration_ns: string;
  readonly status_code: number;
  readonly status_message: string;
  readonly service_name: string;
  readonly dropped_attributes_count: number;
  readonly events_time_ns: readonly string[];
  readonly events_name: readonly string[];
  readonly events_attributes: readonly string[];
  readonly events_dropped_attributes_count: readonly number[];
  readonly dropped_events_count: number;
  readonly links_trace_hex: readonly string[];
  readonly links_span_hex: readonly string[];
  readonly links_trace_state: readonly string[];
  readonly links_flags: readonly number[];
  readonly links_attributes: readonly string[];
  readonly links_dropped_attributes_count: readonly number[];
  readonly dropped_links_count: number;
}

function decodeEvents(row: SpanDbRow): SpanEvent[] {
  return row.events_time_ns.map((time, index) => ({
    timeUnixNano: time,
    name: row.events_name[index] ?? '',
    attributes: decodeKeyValueJson(row.events_attributes[index] ?? '[]'),
    droppedAttributesCount: row.events_dropped_attributes_count[index] ?? 0,
  }));
}

function decodeLinks(row: SpanDbRow): SpanLink[] {
  return row.links_trace_hex.map((traceId, index) => ({
    traceId: idOrEmpty(traceId),
    spanId: idOrEmpty(row.links_span_hex[index] ?? ''),
    traceState: row.links_trace_state[index] ?? '',
    flags: row.links_flags[index] ?? 0,
    attributes: decodeKeyValueJson(row.links_attributes[index] ?? '[]'),
    droppedAttributesCount: row.links_dropped_attributes_count[index] ?? 0,
  }));
}

export function decodeSpan(row: SpanDbRow): Span {
  return {
    traceId: row.trace_hex,
    spanId: row.span_hex,
    parentSpanId: idOrEmpty(row.parent_hex),
    traceState: row.trace_state,
    flags: row.flags,
    name: row.name,
    kind: row.kind,
    startTimeUnixNano: row.start_ns,
    endTimeUnixNano: row.end_ns,
    durationNs: row.duration_ns,
    status: { code: row.status_code, message: row.status_message },
    serviceName: row.service_name,
    attributes: decodeAttributeMaps(row, 'attributes'),
    droppedAttributesCount: row.dropped_attributes_count,
    events: decodeEvents(row),
    droppedEventsCount: row.dropped_events_count,
    links: decodeLinks(row),
    droppedLinksCount: row.dropped_links_count,
    resource: decodeResource(row),
    scope: decodeScope(row),
  };
}
