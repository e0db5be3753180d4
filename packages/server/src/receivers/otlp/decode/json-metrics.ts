import type { Decoded } from '../../../signals/decoded.ts';
import type { MetricInfo, MetricPoint, MetricType } from '../../../signals/metric-point.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import { forEachScope, jsonKeyValues, parseJsonRequest } from './json-common.ts';
import { readExponentialHistogramPoint, readHistogramPoint, readNumberPoint, readSummaryPoint } from './json-metric-points.ts';
import type { JsonPointReader } from './json-metric-points.ts';
import { asArray, asBool, asEnum, asObject, asString, field, jsonError } from './json-values.ts';
import type { JsonObject } from './json-values.ts';
import { MISSING_METRIC_NAME, Rejections } from './validate.ts';

/** ExportMetricsServiceRequest in OTLP/JSON straight to one MetricPoint per data point. */

const TEMPORALITIES = ['UNSPECIFIED', 'DELTA', 'CUMULATIVE'];
const NAMES = {
  resources: ['resourceMetrics', 'resource_metrics'],
  scopes: ['scopeMetrics', 'scope_metrics'],
  items: ['metrics', 'metrics'],
} as const;

/** The data fields of Metric (a oneof), their JSON names and how their points are read. */
const DATA_KINDS: readonly { type: MetricType; camel: string; snake: string; read: JsonPointReader }[] = [
  { type: 'gauge', camel: 'gauge', snake: 'gauge', read: readNumberPoint },
  { type: 'sum', camel: 'sum', snake: 'sum', read: readNumberPoint },
  { type: 'histogram', camel: 'histogram', snake: 'histogram', read: readHistogramPoint },
  { type: 'exponential_histogram', camel: 'exponentialHistogram', snake: 'exponential_histogram', read: readExponentialHistogramPoint },
  { type: 'summary', camel: 'summary', snake: 'summary', read: readSummaryPoint },
];

/** Decodes an OTLP/JSON metrics export request into points; malformed JSON throws OTLP_DECODE_FAILED. */
export function decodeMetricsJson(bytes: Uint8Array): Decoded<'metrics'> {
  const request = parseJsonRequest(bytes, 'ExportMetricsServiceRequest');
  const rows: MetricPoint[] = [];
  const rejections = new Rejections();
  forEachScope(request, NAMES, (metrics, resource, scope) => {
    for (const metric of metrics) readMetric(metric, resource, scope, rows, rejections);
  });
  return { rows, rejected: rejections.count, rejectionMessage: rejections.message('data point', 'data points') };
}

function readMetric(value: unknown, resource: ResourceInfo, scope: ScopeInfo, rows: MetricPoint[], rejections: Rejections): void {
  const o = asObject(value, 'metric');
  if (o === undefined) throw jsonError('metrics must not contain null');
  let data: JsonObject | undefined;
  let kind: (typeof DATA_KINDS)[number] | undefined;
  for (const candidate of DATA_KINDS) {
    data = asObject(field(o, candidate.camel, candidate.snake), `metric.${candidate.camel}`);
    if (data !== undefined) {
      kind = candidate;
      break;
    }
  }
  if (data === undefined || kind === undefined) return; // no data field: the metric carries no points
  const points = asArray(field(data, 'dataPoints', 'data_points'), `metric.${kind.camel}.dataPoints`);
  const name = asString(o.name, 'metric.name');
  if (name === '') {
    rejections.add(MISSING_METRIC_NAME, points.length);
    return;
  }
  const hasTemporality = kind.type === 'sum' || kind.type === 'histogram' || kind.type === 'exponential_histogram';
  const metric: MetricInfo = {
    name,
    description: asString(o.description, 'metric.description'),
    unit: asString(o.unit, 'metric.unit'),
    type: kind.type,
    temporality: hasTemporality
      ? asEnum(field(data, 'aggregationTemporality', 'aggregation_temporality'), 'AGGREGATION_TEMPORALITY_', TEMPORALITIES, 'metric.aggregationTemporality')
      : 0,
    isMonotonic: kind.type === 'sum' ? asBool(field(data, 'isMonotonic', 'is_monotonic'), 'metric.sum.isMonotonic') : false,
    metadata: jsonKeyValues(o.metadata, 'metric.metadata'),
  };
  const target = { metric, resource, scope, rows, rejections };
  for (const point of points) kind.read(point, target);
}
