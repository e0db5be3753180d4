import type { SpanExceptionRow } from '../../signals/span-exception.ts';
import type { DependencyGroup, LatencyStats, SpanMetricGroup } from '../../signals/span-metrics.ts';
import type { RowBinaryWriter } from '../rowbinary/writer.ts';
import type { ColumnDef, MaterializedViewDef, TableDef } from './table-def.ts';

/**
 * APM aggregates. Per-minute tables are written by the pipeline's span-metrics stage (after the
 * cardinality caps); per-hour tables roll them up through materialized views, so long ranges read
 * 60× fewer rows. Every measure is a SimpleAggregateFunction, so partial rows (one per request)
 * merge in the background and queries always GROUP BY. The views group by the expression, not the
 * alias: the store runs with prefer_column_name_to_alias=1, where `time` would mean the minute column.
 */

function writeLatency(w: RowBinaryWriter, latency: ReadonlyMap<number, number>): void {
  w.varUInt(latency.size);
  for (const [index, count] of latency) {
    w.uint16(index);
    w.uint64(BigInt(count));
  }
}

function measureColumns<Row extends LatencyStats>(): ColumnDef<Row>[] {
  return [
    { name: 'calls', type: 'SimpleAggregateFunction(sum, UInt64)', write: (w, r) => w.uint64(BigInt(r.calls)) },
    { name: 'errors', type: 'SimpleAggregateFunction(sum, UInt64)', write: (w, r) => w.uint64(BigInt(r.errors)) },
    { name: 'duration_sum_ns', type: 'SimpleAggregateFunction(sum, UInt64)', write: (w, r) => w.uint64(BigInt(Math.round(r.durationSumNs))) },
    { name: 'duration_min_ns', type: 'SimpleAggregateFunction(min, UInt64)', write: (w, r) => w.uint64(BigInt(Math.round(r.durationMinNs))) },
    { name: 'duration_max_ns', type: 'SimpleAggregateFunction(max, UInt64)', write: (w, r) => w.uint64(BigInt(Math.round(r.durationMaxNs))) },
    /** Bucket index → count; see signals/latency-buckets.ts. */
    { name: 'latency', type: 'SimpleAggregateFunction(sumMap, Map(UInt16, UInt64))', codec: 'ZSTD(1)', write: (w, r) => writeLatency(w, r.latency) },
    /** The same for failed calls only (apdex counts them as frustrated). */
    { name: 'error_latency', type: 'SimpleAggregateFunction(sumMap, Map(UInt16, UInt64))', codec: 'ZSTD(1)', write: (w, r) => writeLatency(w, r.errorLatency) },
  ];
}

const MEASURES_SELECT =
  'sum(calls) AS calls, sum(errors) AS errors, sum(duration_sum_ns) AS duration_sum_ns, min(duration_min_ns) AS duration_min_ns, ' +
  'max(duration_max_ns) AS duration_max_ns, sumMap(latency) AS latency, sumMap(error_latency) AS error_latency';

const SPAN_KEYS = 'service_name, operation, span_kind, is_entry, deployment_environment';

/**
 * Hourly and daily rollups are small: one partition per month keeps the parts a long range opens
 * few (a query's cost here is mostly parts opened), and their rows expire one by one in merges
 * instead of with whole day partitions.
 */
const ROLLUP_STORAGE = { partitionBy: 'toYYYYMM(time)', settings: { ttl_only_drop_parts: 0 } } as const;

export const spanMetrics1mTable: TableDef<SpanMetricGroup> = {
  name: 'apm_span_metrics_1m',
  columns: [
    { name: 'time', type: "DateTime('UTC')", codec: 'DoubleDelta, ZSTD(1)', write: (w, r) => w.uint32(r.minute) },
    { name: 'service_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.service) },
    { name: 'operation', type: 'LowCardinality(String)', write: (w, r) => w.string(r.operation) },
    { name: 'span_kind', type: 'UInt8', write: (w, r) => w.uint8(r.spanKind) },
    { name: 'is_entry', type: 'UInt8', write: (w, r) => w.uint8(r.isEntry ? 1 : 0) },
    { name: 'deployment_environment', type: 'LowCardinality(String)', write: (w, r) => w.string(r.environment) },
    ...measureColumns<SpanMetricGroup>(),
  ],
  engine: 'AggregatingMergeTree',
  partitionBy: 'toDate(time)',
  // Hour first: the minute table serves short ranges and the partial hours at the ends of long ones,
  // so what it is asked for is always a few hours of every service.
  orderBy: `(toStartOfHour(time), ${SPAN_KEYS}, time)`,
  ttl: { expression: 'time', signal: 'traces' },
  settings: { ttl_only_drop_parts: 1 },
};

export const spanMetrics1hTable: TableDef<never> = {
  ...spanMetrics1mTable,
  name: 'apm_span_metrics_1h',
  columns: spanMetrics1mTable.columns.map(({ name, type, codec }) => ({ name, type, codec })),
  orderBy: `(${SPAN_KEYS}, time)`,
  ...ROLLUP_STORAGE,
};

export const spanMetrics1hView: MaterializedViewDef = {
  name: 'apm_span_metrics_1h_mv',
  to: 'apm_span_metrics_1h',
  select: `SELECT toStartOfHour(time) AS time, ${SPAN_KEYS}, ${MEASURES_SELECT} FROM apm_span_metrics_1m GROUP BY toStartOfHour(time), ${SPAN_KEYS}`,
};

const SERVICE_KEYS = 'service_name, deployment_environment';

/**
 * Rows per granule of the per-service tables: a row carries a latency distribution of a few hundred
 * buckets (~2 KiB), and the engine decodes whole granules, so a default granule (8192 rows) made a
 * read of a few hours cost as much as the whole table.
 */
const SERVICE_METRICS_GRANULARITY = 256;

/**
 * `bucket` leads the sort key: the services table reads every service over a time range, so the
 * rows of one period sit together, and one service's rows within a period are still contiguous.
 */
function serviceMetricsTable(name: string, bucket: string, rollup: boolean): TableDef<never> {
  return {
    name,
    columns: [
      { name: 'time', type: "DateTime('UTC')", codec: 'DoubleDelta, ZSTD(1)' },
      { name: 'service_name', type: 'LowCardinality(String)' },
      { name: 'deployment_environment', type: 'LowCardinality(String)' },
      ...measureColumns<LatencyStats>().map(({ name: column, type, codec }) => ({ name: column, type, ...(codec === undefined ? {} : { codec }) })),
    ],
    engine: 'AggregatingMergeTree',
    partitionBy: rollup ? ROLLUP_STORAGE.partitionBy : 'toDate(time)',
    orderBy: `(${bucket}, ${SERVICE_KEYS}, time)`,
    ttl: { expression: 'time', signal: 'traces' },
    settings: { ...(rollup ? ROLLUP_STORAGE.settings : { ttl_only_drop_parts: 1 }), index_granularity: SERVICE_METRICS_GRANULARITY },
  };
}

/**
 * Each service's requests (entry-point spans, all operations together) per minute and per hour: the
 * services table and the service charts read ~20× fewer rows than from the per-operation tables.
 */
export const serviceMetrics1mTable = serviceMetricsTable('apm_service_metrics_1m', 'toStartOfHour(time)', false);
export const serviceMetrics1hTable = serviceMetricsTable('apm_service_metrics_1h', 'toStartOfDay(time)', true);
/** Per day, for the services table over long ranges (7 days: ~7 rows per service, not ~170). */
export const serviceMetrics1dTable = serviceMetricsTable('apm_service_metrics_1d', 'toStartOfMonth(time)', true);

export const serviceMetrics1mView: MaterializedViewDef = {
  name: 'apm_service_metrics_1m_mv',
  to: 'apm_service_metrics_1m',
  select: `SELECT time, ${SERVICE_KEYS}, ${MEASURES_SELECT} FROM apm_span_metrics_1m WHERE is_entry = 1 GROUP BY time, ${SERVICE_KEYS}`,
};

export const serviceMetrics1hView: MaterializedViewDef = {
  name: 'apm_service_metrics_1h_mv',
  to: 'apm_service_metrics_1h',
  select: `SELECT toStartOfHour(time) AS time, ${SERVICE_KEYS}, ${MEASURES_SELECT} FROM apm_span_metrics_1m WHERE is_entry = 1 GROUP BY toStartOfHour(time), ${SERVICE_KEYS}`,
};

export const serviceMetrics1dView: MaterializedViewDef = {
  name: 'apm_service_metrics_1d_mv',
  to: 'apm_service_metrics_1d',
  select: `SELECT toStartOfDay(time) AS time, ${SERVICE_KEYS}, ${MEASURES_SELECT} FROM apm_span_metrics_1m WHERE is_entry = 1 GROUP BY toStartOfDay(time), ${SERVICE_KEYS}`,
};

const DEPENDENCY_KEYS = 'service_name, dependency_type, system, target, operation, span_kind, deployment_environment';

export const dependencyMetrics1mTable: TableDef<DependencyGroup> = {
  name: 'apm_dependency_metrics_1m',
  columns: [
    { name: 'time', type: "DateTime('UTC')", codec: 'DoubleDelta, ZSTD(1)', write: (w, r) => w.uint32(r.minute) },
    { name: 'service_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.service) },
    { name: 'dependency_type', type: 'LowCardinality(String)', write: (w, r) => w.string(r.dependencyType) },
    { name: 'system', type: 'LowCardinality(String)', write: (w, r) => w.string(r.system) },
    { name: 'target', type: 'LowCardinality(String)', write: (w, r) => w.string(r.target) },
    { name: 'operation', type: 'LowCardinality(String)', write: (w, r) => w.string(r.operation) },
    { name: 'span_kind', type: 'UInt8', write: (w, r) => w.uint8(r.spanKind) },
    { name: 'deployment_environment', type: 'LowCardinality(String)', write: (w, r) => w.string(r.environment) },
    ...measureColumns<DependencyGroup>(),
  ],
  engine: 'AggregatingMergeTree',
  partitionBy: 'toDate(time)',
  orderBy: `(toStartOfHour(time), ${DEPENDENCY_KEYS}, time)`,
  ttl: { expression: 'time', signal: 'traces' },
  settings: { ttl_only_drop_parts: 1 },
};

export const dependencyMetrics1hTable: TableDef<never> = {
  ...dependencyMetrics1mTable,
  name: 'apm_dependency_metrics_1h',
  columns: dependencyMetrics1mTable.columns.map(({ name, type, codec }) => ({ name, type, codec })),
  orderBy: `(${DEPENDENCY_KEYS}, time)`,
  ...ROLLUP_STORAGE,
};

export const dependencyMetrics1hView: MaterializedViewDef = {
  name: 'apm_dependency_metrics_1h_mv',
  to: 'apm_dependency_metrics_1h',
  select: `SELECT toStartOfHour(time) AS time, ${DEPENDENCY_KEYS}, ${MEASURES_SELECT} FROM apm_dependency_metrics_1m GROUP BY toStartOfHour(time), ${DEPENDENCY_KEYS}`,
};

/** Exception events of spans, written by the decode worker beside the spans. */
export const spanExceptionsTable: TableDef<SpanExceptionRow> = {
  name: 'apm_exceptions',
  columns: [
    { name: 'timestamp', type: 'DateTime64(9)', codec: 'DoubleDelta, ZSTD(1)', write: (w, r) => w.int64(r.timeUnixNano) },
    { name: 'service_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.service) },
    { name: 'deployment_environment', type: 'LowCardinality(String)', write: (w, r) => w.string(r.environment) },
    { name: 'exception_type', type: 'LowCardinality(String)', write: (w, r) => w.string(r.type) },
    { name: 'message', type: 'String', codec: 'ZSTD(1)', write: (w, r) => w.string(r.message) },
    { name: 'message_pattern', type: 'String', codec: 'ZSTD(1)', write: (w, r) => w.string(r.messagePattern) },
    { name: 'stacktrace', type: 'String', codec: 'ZSTD(3)', write: (w, r) => w.string(r.stacktrace) },
    { name: 'escaped', type: 'UInt8', write: (w, r) => w.uint8(r.escaped ? 1 : 0) },
    { name: 'trace_id', type: 'FixedString(16)', codec: 'ZSTD(1)', write: (w, r) => w.fixedString(r.traceId, 16) },
    { name: 'span_id', type: 'FixedString(8)', codec: 'ZSTD(1)', write: (w, r) => w.fixedString(r.spanId, 8) },
    { name: 'span_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.spanName) },
  ],
  engine: 'MergeTree',
  partitionBy: 'toDate(timestamp)',
  orderBy: '(service_name, exception_type, message_pattern, timestamp)',
  ttl: { expression: 'toDateTime(timestamp)', signal: 'traces' },
  settings: { ttl_only_drop_parts: 1 },
};

/** Which instances (service.instance.id, host.name) served each service, per hour. */
export const serviceInstancesTable: TableDef<never> = {
  name: 'apm_service_instances_1h',
  columns: [
    { name: 'time', type: "DateTime('UTC')" },
    { name: 'service_name', type: 'LowCardinality(String)' },
    { name: 'instance_id', type: 'String' },
    { name: 'host_name', type: 'LowCardinality(String)' },
    { name: 'deployment_environment', type: 'LowCardinality(String)' },
    { name: 'spans', type: 'SimpleAggregateFunction(sum, UInt64)' },
    { name: 'errors', type: 'SimpleAggregateFunction(sum, UInt64)' },
    { name: 'first_seen', type: 'SimpleAggregateFunction(min, DateTime64(9))' },
    { name: 'last_seen', type: 'SimpleAggregateFunction(max, DateTime64(9))' },
  ],
  engine: 'AggregatingMergeTree',
  orderBy: '(service_name, instance_id, host_name, deployment_environment, time)',
  ttl: { expression: 'time', signal: 'traces' },
  ...ROLLUP_STORAGE,
};

const ENVIRONMENT_OF_RESOURCE =
  "if(mapContains(resource_string, 'deployment.environment.name'), resource_string['deployment.environment.name'], resource_string['deployment.environment'])";

export const serviceInstancesView: MaterializedViewDef = {
  name: 'apm_service_instances_1h_mv',
  to: 'apm_service_instances_1h',
  select:
    "SELECT toStartOfHour(toDateTime(timestamp, 'UTC')) AS time, service_name, resource_string['service.instance.id'] AS instance_id, " +
    `resource_string['host.name'] AS host_name, ${ENVIRONMENT_OF_RESOURCE} AS deployment_environment, ` +
    'toUInt64(count()) AS spans, toUInt64(countIf(status_code = 2)) AS errors, min(timestamp) AS first_seen, max(timestamp) AS last_seen ' +
    'FROM spans GROUP BY time, service_name, instance_id, host_name, deployment_environment',
};
