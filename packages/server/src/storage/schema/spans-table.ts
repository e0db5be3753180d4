import { attributesToOtlpJson } from '../../signals/otlp-json.ts';
import type { SpanRow } from '../../signals/span.ts';
import type { ColumnDef, MaterializedViewDef, TableDef } from './table-def.ts';
import { attributeColumns } from './attribute-columns.ts';
import { resourceAndScopeColumns, SERVICE_NAME_COLUMN, stringAttributeExpression } from './common-columns.ts';


function arrayColumn<T>(name: string, type: string, get: (row: SpanRow) => readonly T[], writeItem: ColumnDef<T>['write'] & {}): ColumnDef<SpanRow> {
  return {
    name,
    type: `Array(${type})`,
    codec: 'ZSTD(1)',
    write: (w, row) => {
      const items = get(row);
      w.varUInt(items.length);
      for (const item of items) writeItem(w, item);
    },
  };
}

const statusCodeExpression =
  "toUInt16(if(mapContains(attributes_int, 'http.response.status_code'), attributes_int['http.response.status_code'], attributes_int['http.status_code']))";

export const spansTable: TableDef<SpanRow> = {
  name: 'spans',
  columns: [
    { name: 'timestamp', type: 'DateTime64(9)', codec: 'DoubleDelta, ZSTD(1)', write: (w, r) => w.int64(r.startTimeUnixNano) },
    { name: 'end_timestamp', type: 'DateTime64(9)', codec: 'ZSTD(1)', write: (w, r) => w.int64(r.endTimeUnixNano) },
    {
      name: 'duration_ns',
      type: 'UInt64',
      materialized: 'if(end_timestamp >= timestamp, toUInt64(toUnixTimestamp64Nano(end_timestamp) - toUnixTimestamp64Nano(timestamp)), 0)',
    },
    { name: 'trace_id', type: 'FixedString(16)', codec: 'ZSTD(1)', write: (w, r) => w.fixedString(r.traceId, 16) },
    { name: 'span_id', type: 'FixedString(8)', codec: 'ZSTD(1)', write: (w, r) => w.fixedString(r.spanId, 8) },
    { name: 'parent_span_id', type: 'FixedString(8)', codec: 'ZSTD(1)', write: (w, r) => w.fixedString(r.parentSpanId, 8) },
    { name: 'trace_state', type: 'String', codec: 'ZSTD(1)', write: (w, r) => w.string(r.traceState) },
    { name: 'flags', type: 'UInt32', write: (w, r) => w.uint32(r.flags) },
    { name: 'name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.name) },
    { name: 'kind', type: 'UInt8', write: (w, r) => w.uint8(r.kind) },
    { name: 'status_code', type: 'UInt8', write: (w, r) => w.uint8(r.statusCode) },
    { name: 'status_message', type: 'String', codec: 'ZSTD(1)', write: (w, r) => w.string(r.statusMessage) },
    ...resourceAndScopeColumns<SpanRow>(),
    SERVICE_NAME_COLUMN,
    ...attributeColumns<SpanRow>('attributes', (r) => r.attributes),
    { name: 'dropped_attributes_count', type: 'UInt32', write: (w, r) => w.uint32(r.droppedAttributesCount) },
    arrayColumn('events_time', 'DateTime64(9)', (r) => r.events, (w, e) => w.int64(e.timeUnixNano)),
    arrayColumn('events_name', 'LowCardinality(String)', (r) => r.events, (w, e) => w.string(e.name)),
    arrayColumn('events_attributes', 'String', (r) => r.events, (w, e) => w.string(JSON.stringify(attributesToOtlpJson(e.attributes)))),
    arrayColumn('events_dropped_attributes_count', 'UInt32', (r) => r.events, (w, e) => w.uint32(e.droppedAttributesCount)),
    { name: 'dropped_events_count', type: 'UInt32', write: (w, r) => w.uint32(r.droppedEventsCount) },
    arrayColumn('links_trace_id', 'FixedString(16)', (r) => r.links, (w, l) => w.fixedString(l.traceId, 16)),
    arrayColumn('links_span_id', 'FixedString(8)', (r) => r.links, (w, l) => w.fixedString(l.spanId, 8)),
    arrayColumn('links_trace_state', 'String', (r) => r.links, (w, l) => w.string(l.traceState)),
    arrayColumn('links_flags', 'UInt32', (r) => r.links, (w, l) => w.uint32(l.flags)),
    arrayColumn('links_attributes', 'String', (r) => r.links, (w, l) => w.string(JSON.stringify(attributesToOtlpJson(l.attributes)))),
    arrayColumn('links_dropped_attributes_count', 'UInt32', (r) => r.links, (w, l) => w.uint32(l.droppedAttributesCount)),
    { name: 'dropped_links_count', type: 'UInt32', write: (w, r) => w.uint32(r.droppedLinksCount) },
    // Promoted for the APM, database, external-call and messaging views (current keys, then older ones).
    { name: 'http_method', type: 'LowCardinality(String)', materialized: stringAttributeExpression('http.request.method', 'http.method') },
    { name: 'http_route', type: 'LowCardinality(String)', materialized: stringAttributeExpression('http.route') },
    { name: 'http_status_code', type: 'UInt16', materialized: statusCodeExpression },
    { name: 'db_system', type: 'LowCardinality(String)', materialized: stringAttributeExpression('db.system.name', 'db.system') },
    { name: 'messaging_system', type: 'LowCardinality(String)', materialized: stringAttributeExpression('messaging.system') },
    {
      name: 'messaging_destination',
      type: 'LowCardinality(String)',
      materialized: stringAttributeExpression('messaging.destination.name', 'messaging.destination'),
    },
    { name: 'peer_service', type: 'LowCardinality(String)', materialized: stringAttributeExpression('peer.service') },
    { name: 'server_address', type: 'LowCardinality(String)', materialized: stringAttributeExpression('server.address', 'net.peer.name') },
  ],
  engine: 'MergeTree',
  partitionBy: 'toDate(timestamp)',
  orderBy: '(service_name, name, timestamp)',
  ttl: { expression: 'toDateTime(timestamp)', signal: 'traces' },
  indexes: [
    { name: 'idx_trace_id', expression: 'trace_id', type: 'bloom_filter(0.001)', granularity: 1 },
    { name: 'idx_duration', expression: 'duration_ns', type: 'minmax', granularity: 1 },
    { name: 'idx_attribute_keys', expression: 'mapKeys(attributes_string)', type: 'bloom_filter(0.01)', granularity: 1 },
  ],
  settings: { ttl_only_drop_parts: 1, min_bytes_for_wide_part: 268435456 },
};

/** trace id → time range, so a trace is fetched without scanning every partition. */
export const traceIndexTable: TableDef<never> = {
  name: 'trace_index',
  columns: [
    { name: 'trace_id', type: 'FixedString(16)' },
    { name: 'start', type: 'SimpleAggregateFunction(min, DateTime64(9))' },
    { name: 'end', type: 'SimpleAggregateFunction(max, DateTime64(9))' },
    { name: 'span_count', type: 'SimpleAggregateFunction(sum, UInt64)' },
  ],
  engine: 'AggregatingMergeTree',
  partitionBy: 'toDate(start)',
  orderBy: 'trace_id',
  ttl: { expression: 'toDateTime(start)', signal: 'traces' },
  settings: { ttl_only_drop_parts: 1 },
};

export const traceIndexView: MaterializedViewDef = {
  name: 'trace_index_mv',
  to: 'trace_index',
  select:
    'SELECT trace_id, min(timestamp) AS start, max(end_timestamp) AS end, toUInt64(count()) AS span_count FROM spans GROUP BY trace_id',
};

