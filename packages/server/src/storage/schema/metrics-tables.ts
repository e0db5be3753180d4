import type { AnyValue, Attributes } from '../../signals/any-value.ts';
import type {
  Exemplar,
  ExponentialHistogramPoint,
  HistogramPoint,
  MetricPoint,
  NumberPoint,
  SummaryPoint,
} from '../../signals/metric-point.ts';
import { anyValueToOtlpJson, attributesToOtlpJson } from '../../signals/otlp-json.ts';
import type { RowBinaryWriter } from '../rowbinary/writer.ts';
import type { ColumnDef, TableDef } from './table-def.ts';

/** A point with the fingerprint of the series it belongs to. */
export interface SeriesPoint<P extends MetricPoint = MetricPoint> {
  readonly fingerprint: bigint;
  readonly point: P;
}

/** Label values are text, as in every metrics query language; the series keeps their source. */
export function labelText(value: AnyValue): string {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'int':
      return value.value.toString();
    case 'double':
      return String(value.value);
    case 'bool':
      return value.value ? 'true' : 'false';
    default:
      return JSON.stringify(anyValueToOtlpJson(value));
  }
}

function writeLabels(w: RowBinaryWriter, attributes: Attributes): void {
  w.varUInt(attributes.length);
  for (const attribute of attributes) {
    w.string(attribute.key);
    w.string(labelText(attribute.value));
  }
}

const LABELS = 'Map(LowCardinality(String), String)';

export const metricSeriesTable: TableDef<SeriesPoint> = {
  name: 'metric_series',
  columns: [
    { name: 'metric_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.point.metric.name) },
    { name: 'fingerprint', type: 'UInt64', write: (w, r) => w.uint64(r.fingerprint) },
    { name: 'type', type: 'LowCardinality(String)', write: (w, r) => w.string(r.point.metric.type) },
    { name: 'unit', type: 'LowCardinality(String)', write: (w, r) => w.string(r.point.metric.unit) },
    { name: 'description', type: 'String', write: (w, r) => w.string(r.point.metric.description) },
    { name: 'temporality', type: 'UInt8', write: (w, r) => w.uint8(r.point.metric.temporality) },
    { name: 'is_monotonic', type: 'Bool', write: (w, r) => w.bool(r.point.metric.isMonotonic) },
    { name: 'resource_attributes', type: LABELS, write: (w, r) => writeLabels(w, r.point.resource.attributes) },
    { name: 'scope_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.point.scope.name) },
    { name: 'scope_version', type: 'LowCardinality(String)', write: (w, r) => w.string(r.point.scope.version) },
    { name: 'scope_attributes', type: LABELS, write: (w, r) => writeLabels(w, r.point.scope.attributes) },
    { name: 'attributes', type: LABELS, write: (w, r) => writeLabels(w, r.point.attributes) },
    { name: 'metric_metadata', type: 'String', write: (w, r) => w.string(JSON.stringify(attributesToOtlpJson(r.point.metric.metadata))) },
    { name: 'labels', type: LABELS, materialized: 'mapUpdate(resource_attributes, attributes)' },
    { name: 'last_seen', type: 'DateTime', write: (w, r) => w.uint32(Number(r.point.timeUnixNano / 1_000_000_000n)) },
  ],
  engine: 'ReplacingMergeTree(last_seen)',
  orderBy: '(metric_name, fingerprint)',
  ttl: { expression: 'last_seen', signal: 'metrics' },
};

function writeExemplars(w: RowBinaryWriter, exemplars: readonly Exemplar[]): void {
  w.varUInt(exemplars.length);
  for (const exemplar of exemplars) {
    w.string(
      JSON.stringify({
        filteredAttributes: attributesToOtlpJson(exemplar.filteredAttributes),
        timeUnixNano: exemplar.timeUnixNano.toString(),
        ...(exemplar.value.kind === 'int' ? { asInt: exemplar.value.value.toString() } : { asDouble: exemplar.value.value }),
        spanId: Buffer.from(exemplar.spanId).toString('hex'),
        traceId: Buffer.from(exemplar.traceId).toString('hex'),
      }),
    );
  }
}

function pointColumns<P extends MetricPoint>(): ColumnDef<SeriesPoint<P>>[] {
  return [
    { name: 'metric_name', type: 'LowCardinality(String)', write: (w, r) => w.string(r.point.metric.name) },
    { name: 'fingerprint', type: 'UInt64', write: (w, r) => w.uint64(r.fingerprint) },
    { name: 'start_timestamp', type: 'DateTime64(9)', codec: 'ZSTD(1)', write: (w, r) => w.int64(r.point.startTimeUnixNano) },
    { name: 'timestamp', type: 'DateTime64(9)', codec: 'DoubleDelta, ZSTD(1)', write: (w, r) => w.int64(r.point.timeUnixNano) },
    { name: 'flags', type: 'UInt32', write: (w, r) => w.uint32(r.point.flags) },
  ];
}

function pointsTable<P extends MetricPoint>(name: string, columns: ColumnDef<SeriesPoint<P>>[]): TableDef<SeriesPoint<P>> {
  return {
    name,
    columns: [...pointColumns<P>(), ...columns],
    engine: 'MergeTree',
    partitionBy: 'toDate(timestamp)',
    orderBy: '(metric_name, fingerprint, timestamp)',
    ttl: { expression: 'toDateTime(timestamp)', signal: 'metrics' },
    settings: { ttl_only_drop_parts: 1 },
  };
}

function writeUInt64Array(w: RowBinaryWriter, values: readonly bigint[]): void {
  w.varUInt(values.length);
  for (const value of values) w.uint64(value);
}

function writeFloat64Array(w: RowBinaryWriter, values: readonly number[]): void {
  w.varUInt(values.length);
  for (const value of values) w.float64(value);
}

export const numberPointsTable = pointsTable<NumberPoint>('metric_points_number', [
  { name: 'value', type: 'Float64', write: (w, r) => w.float64(r.point.value.kind === 'int' ? Number(r.point.value.value) : r.point.value.value) },
  { name: 'int_value', type: 'Int64', write: (w, r) => w.int64(r.point.value.kind === 'int' ? r.point.value.value : 0n) },
  { name: 'is_int', type: 'Bool', write: (w, r) => w.bool(r.point.value.kind === 'int') },
  { name: 'exemplars', type: 'Array(String)', write: (w, r) => writeExemplars(w, r.point.exemplars) },
]);

export const histogramPointsTable = pointsTable<HistogramPoint>('metric_points_histogram', [
  { name: 'count', type: 'UInt64', write: (w, r) => w.uint64(r.point.count) },
  { name: 'sum', type: 'Nullable(Float64)', write: (w, r) => w.nullableFloat64(r.point.sum) },
  { name: 'min', type: 'Nullable(Float64)', write: (w, r) => w.nullableFloat64(r.point.min) },
  { name: 'max', type: 'Nullable(Float64)', write: (w, r) => w.nullableFloat64(r.point.max) },
  { name: 'bucket_counts', type: 'Array(UInt64)', write: (w, r) => writeUInt64Array(w, r.point.bucketCounts) },
  { name: 'explicit_bounds', type: 'Array(Float64)', write: (w, r) => writeFloat64Array(w, r.point.explicitBounds) },
  { name: 'exemplars', type: 'Array(String)', write: (w, r) => writeExemplars(w, r.point.exemplars) },
]);

export const exponentialHistogramPointsTable = pointsTable<ExponentialHistogramPoint>('metric_points_exp_histogram', [
  { name: 'count', type: 'UInt64', write: (w, r) => w.uint64(r.point.count) },
  { name: 'sum', type: 'Nullable(Float64)', write: (w, r) => w.nullableFloat64(r.point.sum) },
  { name: 'min', type: 'Nullable(Float64)', write: (w, r) => w.nullableFloat64(r.point.min) },
  { name: 'max', type: 'Nullable(Float64)', write: (w, r) => w.nullableFloat64(r.point.max) },
  { name: 'scale', type: 'Int32', write: (w, r) => w.int32(r.point.scale) },
  { name: 'zero_count', type: 'UInt64', write: (w, r) => w.uint64(r.point.zeroCount) },
  { name: 'zero_threshold', type: 'Float64', write: (w, r) => w.float64(r.point.zeroThreshold) },
  { name: 'positive_offset', type: 'Int32', write: (w, r) => w.int32(r.point.positive.offset) },
  { name: 'positive_bucket_counts', type: 'Array(UInt64)', write: (w, r) => writeUInt64Array(w, r.point.positive.bucketCounts) },
  { name: 'negative_offset', type: 'Int32', write: (w, r) => w.int32(r.point.negative.offset) },
  { name: 'negative_bucket_counts', type: 'Array(UInt64)', write: (w, r) => writeUInt64Array(w, r.point.negative.bucketCounts) },
  { name: 'exemplars', type: 'Array(String)', write: (w, r) => writeExemplars(w, r.point.exemplars) },
]);

export const summaryPointsTable = pointsTable<SummaryPoint>('metric_points_summary', [
  { name: 'count', type: 'UInt64', write: (w, r) => w.uint64(r.point.count) },
  { name: 'sum', type: 'Float64', write: (w, r) => w.float64(r.point.sum) },
  { name: 'quantiles', type: 'Array(Float64)', write: (w, r) => writeFloat64Array(w, r.point.quantileValues.map((q) => q.quantile)) },
  { name: 'quantile_values', type: 'Array(Float64)', write: (w, r) => writeFloat64Array(w, r.point.quantileValues.map((q) => q.value)) },
]);
