import type { Decoded } from '../../../signals/decoded.ts';
import type { MetricPoint, MetricType } from '../../../signals/metric-point.ts';
import type { ResourceInfo } from '../../../signals/resource.ts';
import { fieldMask, readKeyValue, readResource, readScope } from './protobuf-common.ts';
import { readExponentialHistogramPoint, readHistogramPoint, readNumberPoint, readSummaryPoint } from './protobuf-metric-points.ts';
import { newMetric, newResource, newScope } from './row-parts.ts';
import type { MetricBuilder, PointTarget, ScopeBuilder } from './row-parts.ts';
import { MISSING_METRIC_NAME, Rejections } from './validate.ts';
import { WireReader } from './wire-reader.ts';

/*
 * ExportMetricsServiceRequest (opentelemetry/proto/collector/metrics/v1/metrics_service.proto and
 * metrics/v1/metrics.proto) straight to one MetricPoint per data point.
 */

const REQUEST_FIELDS = fieldMask(1); // resource_metrics=1
const RESOURCE_METRICS_FIELDS = fieldMask(1, 2, 3); // resource=1, scope_metrics=2, schema_url=3
const SCOPE_METRICS_FIELDS = fieldMask(1, 2, 3); // scope=1, metrics=2, schema_url=3
// name=1, description=2, unit=3, gauge=5, sum=7, histogram=9, exponential_histogram=10, summary=11, metadata=12
const METRIC_FIELDS = fieldMask(1, 2, 3, 5, 7, 9, 10, 11, 12);
const POINTS_ONLY_FIELDS = fieldMask(1); // Gauge, Summary: data_points=1
const HISTOGRAM_FIELDS = fieldMask(1, 2); // Histogram, ExponentialHistogram: + aggregation_temporality=2
const SUM_FIELDS = fieldMask(1, 2, 3); // Sum: + is_monotonic=3
const DATA_MESSAGE: Readonly<Record<MetricType, string>> = {
  gauge: 'Gauge', sum: 'Sum', histogram: 'Histogram', exponential_histogram: 'ExponentialHistogram', summary: 'Summary',
};

type PointReader = (r: WireReader, t: PointTarget) => void;

/** Decodes an OTLP/protobuf metrics export request into points; malformed bytes throw OTLP_DECODE_FAILED. */
export function decodeMetricsProtobuf(bytes: Uint8Array): Decoded<'metrics'> {
  const r = new WireReader(bytes);
  const rows: MetricPoint[] = [];
  const rejections = new Rejections();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) readResourceMetrics(r, rows, rejections);
    else r.skipUnknown(tag, REQUEST_FIELDS, 'ExportMetricsServiceRequest');
  }
  return { rows, rejected: rejections.count, rejectionMessage: rejections.message('data point', 'data points') };
}

function readResourceMetrics(r: WireReader, rows: MetricPoint[], rejections: Rejections): void {
  const outer = r.enter();
  const resource = newResource();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x12) readScopeMetrics(r, resource, rows, rejections);
    else if (tag === 0x0a) readResource(r, resource);
    else if (tag === 0x1a) resource.schemaUrl = r.string();
    else r.skipUnknown(tag, RESOURCE_METRICS_FIELDS, 'ResourceMetrics');
  }
  r.leave(outer);
}

function readScopeMetrics(r: WireReader, resource: ResourceInfo, rows: MetricPoint[], rejections: Rejections): void {
  const outer = r.enter();
  const scope = newScope();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x12) readMetric(r, resource, scope, rows, rejections);
    else if (tag === 0x0a) readScope(r, scope);
    else if (tag === 0x1a) scope.schemaUrl = r.string();
    else r.skipUnknown(tag, SCOPE_METRICS_FIELDS, 'ScopeMetrics');
  }
  r.leave(outer);
}

function readMetric(r: WireReader, resource: ResourceInfo, scope: ScopeBuilder, rows: MetricPoint[], rejections: Rejections): void {
  const outer = r.enter();
  const metric = newMetric();
  const target: PointTarget = { metric, resource, scope, rows, rejections };
  const start = rows.length;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x0a: metric.name = r.string(); break;
      case 0x12: metric.description = r.string(); break;
      case 0x1a: metric.unit = r.string(); break;
      case 0x2a: readData(r, target, metric, 'gauge', readNumberPoint, start); break;
      case 0x3a: readData(r, target, metric, 'sum', readNumberPoint, start); break;
      case 0x4a: readData(r, target, metric, 'histogram', readHistogramPoint, start); break;
      case 0x52: readData(r, target, metric, 'exponential_histogram', readExponentialHistogramPoint, start); break;
      case 0x5a: readData(r, target, metric, 'summary', readSummaryPoint, start); break;
      case 0x62: metric.metadata.push(readKeyValue(r, 0)); break;
      default: r.skipUnknown(tag, METRIC_FIELDS, 'Metric');
    }
  }
  r.leave(outer);
  if (metric.name === '' && rows.length > start) {
    rejections.add(MISSING_METRIC_NAME, rows.length - start);
    rows.length = start;
  }
}

/**
 * Reads Gauge, Sum, Histogram, ExponentialHistogram or Summary (they share field numbers).
 * A second data field replaces the first (`data` is a oneof: the last one wins), hence the
 * truncation to the metric's first row.
 */
function readData(
  r: WireReader, target: PointTarget, metric: MetricBuilder, type: MetricType, readPoint: PointReader, start: number,
): void {
  target.rows.length = start;
  metric.type = type;
  metric.temporality = 0;
  metric.isMonotonic = false;
  const hasTemporality = type === 'sum' || type === 'histogram' || type === 'exponential_histogram';
  const known = type === 'sum' ? SUM_FIELDS : hasTemporality ? HISTOGRAM_FIELDS : POINTS_ONLY_FIELDS;
  const outer = r.enter();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) readPoint(r, target);
    else if (tag === 0x10 && hasTemporality) metric.temporality = r.int32();
    else if (tag === 0x18 && type === 'sum') metric.isMonotonic = r.bool();
    else r.skipUnknown(tag, known, DATA_MESSAGE[type]);
  }
  r.leave(outer);
}
