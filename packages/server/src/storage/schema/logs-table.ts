import type { LogRow } from '../../signals/log-record.ts';
import { anyValueToOtlpJson } from '../../signals/otlp-json.ts';
import type { TableDef } from './table-def.ts';
import { attributeColumns } from './attribute-columns.ts';
import { resourceAndScopeColumns, SERVICE_NAME_COLUMN } from './common-columns.ts';

/** Records without a time are placed at their observed time, as the log data model recommends. */
function effectiveTime(row: LogRow): bigint {
  return row.timeUnixNano === 0n ? row.observedTimeUnixNano : row.timeUnixNano;
}

/** The searchable text of a body: a string as is, anything else as its OTLP/JSON text. */
function bodyText(row: LogRow): string {
  return row.body.kind === 'string' ? row.body.value : JSON.stringify(anyValueToOtlpJson(row.body));
}

export const logsTable: TableDef<LogRow> = {
  name: 'logs',
  columns: [
    { name: 'timestamp', type: 'DateTime64(9)', codec: 'DoubleDelta, ZSTD(1)', write: (w, r) => w.int64(effectiveTime(r)) },
    { name: 'time_unix_nano', type: 'UInt64', codec: 'ZSTD(1)', write: (w, r) => w.uint64(r.timeUnixNano) },
    { name: 'observed_timestamp', type: 'DateTime64(9)', codec: 'ZSTD(1)', write: (w, r) => w.int64(r.observedTimeUnixNano) },
    { name: 'trace_id', type: 'FixedString(16)', codec: 'ZSTD(1)', write: (w, r) => w.fixedString(r.traceId, 16) },
    { name: 'span_id', type: 'FixedString(8)', codec: 'ZSTD(1)', write: (w, r) => w.fixedString(r.spanId, 8) },
    { name: 'flags', type: 'UInt32', write: (w, r) => w.uint32(r.flags) },
    { name: 'severity_number', type: 'UInt8', write: (w, r) => w.uint8(r.severityNumber) },
    { name: 'severity_text', type: 'LowCardinality(String)', write: (w, r) => w.string(r.severityText) },
    { name: 'body', type: 'String', codec: 'ZSTD(1)', write: (w, r) => w.string(bodyText(r)) },
    { name: 'body_is_string', type: 'Bool', write: (w, r) => w.bool(r.body.kind === 'string') },
    { name: 'event_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.eventName) },
    ...resourceAndScopeColumns<LogRow>(),
    SERVICE_NAME_COLUMN,
    ...attributeColumns<LogRow>('attributes', (r) => r.attributes),
    { name: 'dropped_attributes_count', type: 'UInt32', write: (w, r) => w.uint32(r.droppedAttributesCount) },
    // When the row was stored (set by the engine on insert), so live tail can follow ingestion order.
    // Last: migration 2 appends it to tables created before it.
    { name: 'ingested_at', type: 'DateTime64(3)', default: 'now64(3)' },
  ],
  engine: 'MergeTree',
  partitionBy: 'toDate(timestamp)',
  // Hour first: time-bounded searches prune granules; within the hour, a service's records sit together.
  orderBy: '(toStartOfHour(timestamp), service_name, timestamp)',
  ttl: { expression: 'toDateTime(timestamp)', signal: 'logs' },
  indexes: [
    { name: 'idx_trace_id', expression: 'trace_id', type: 'bloom_filter(0.001)', granularity: 1 },
    { name: 'idx_body', expression: 'lower(body)', type: 'ngrambf_v1(4, 65536, 2, 0)', granularity: 1 },
    { name: 'idx_attribute_keys', expression: 'mapKeys(attributes_string)', type: 'bloom_filter(0.01)', granularity: 1 },
    // Live tail reads rows stored in the last seconds: older parts are skipped without reading them.
    { name: 'idx_ingested_at', expression: 'ingested_at', type: 'minmax', granularity: 1 },
  ],
  settings: { ttl_only_drop_parts: 1 },
};
