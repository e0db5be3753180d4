import type { Attributes } from '../signals/any-value.ts';
import { AggregationTemporality, type HistogramPoint, type MetricInfo, type MetricPoint, type SummaryPoint } from '../signals/metric-point.ts';
import type { ResourceInfo, ScopeInfo } from '../signals/resource.ts';

/** One value of a prom-client metric as `Registry.getMetricsAsJSON()` returns it. */
export interface RegistryValue {
  readonly value: number;
  readonly labels: Readonly<Record<string, string | number | undefined>>;
  /** Histogram and summary parts: `<name>_bucket`, `<name>_sum`, `<name>_count`. */
  readonly metricName?: string | undefined;
}

/** One metric of `Registry.getMetricsAsJSON()` (its typings name the type by a numeric enum; at run time it is a string). */
export interface RegistryMetric {
  readonly name: string;
  readonly help: string;
  readonly type: string | number;
  readonly values: readonly RegistryValue[];
}

export interface PointContext {
  readonly resource: ResourceInfo;
  readonly scope: ScopeInfo;
  readonly timeNs: bigint;
  /** Start of every cumulative series: the process's start (a restart is a reset). */
  readonly startTimeNs: bigint;
}

const TYPE_BY_ENUM = ['counter', 'gauge', 'histogram', 'summary'];

function typeOf(metric: RegistryMetric): string {
  return typeof metric.type === 'number' ? (TYPE_BY_ENUM[metric.type] ?? 'gauge') : metric.type;
}

/** Label pairs (values as text) sorted by name, without `omit`. */
function labelPairs(labels: RegistryValue['labels'], omit?: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (key !== omit && value !== undefined) pairs.push([key, String(value)]);
  }
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function attributesOf(labels: RegistryValue['labels']): Attributes {
  return labelPairs(labels).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

/** Labels without `omit`, as a key for grouping a histogram's or summary's parts by series. */
function seriesKey(labels: RegistryValue['labels'], omit: string): string {
  return JSON.stringify(labelPairs(labels, omit));
}

function info(metric: RegistryMetric, type: MetricInfo['type']): MetricInfo {
  const cumulative = type === 'sum' || type === 'histogram';
  return {
    name: metric.name,
    description: metric.help,
    unit: '',
    type,
    temporality: cumulative ? AggregationTemporality.CUMULATIVE : 0,
    isMonotonic: type === 'sum',
    metadata: [],
  };
}

function numberPoints(metric: RegistryMetric, context: PointContext, counter: boolean): MetricPoint[] {
  const metricInfo = info(metric, counter ? 'sum' : 'gauge');
  // NaN / ±Inf: no value to store (a gauge whose source failed, an unset division).
  return metric.values
    .filter((value) => Number.isFinite(value.value))
    .map((value) => ({
      kind: 'number' as const,
      metric: metricInfo,
      resource: context.resource,
      scope: context.scope,
      attributes: attributesOf(value.labels),
      startTimeUnixNano: counter ? context.startTimeNs : context.timeNs,
      timeUnixNano: context.timeNs,
      flags: 0,
      value: { kind: 'double' as const, value: value.value },
      exemplars: [],
    }));
}

interface Parts {
  readonly labels: RegistryValue['labels'];
  readonly split: RegistryValue[];
  sum: number;
  count: number;
}

/** A histogram's or summary's values by series: the `le`/`quantile` values and their sum and count. */
function groupParts(metric: RegistryMetric, splitLabel: 'le' | 'quantile'): Parts[] {
  const groups = new Map<string, Parts>();
  for (const value of metric.values) {
    const key = seriesKey(value.labels, splitLabel);
    let group = groups.get(key);
    if (group === undefined) {
      const labels = Object.fromEntries(Object.entries(value.labels).filter(([name]) => name !== splitLabel));
      group = { labels, split: [], sum: 0, count: 0 };
      groups.set(key, group);
    }
    const suffix = value.metricName === undefined ? '' : value.metricName.slice(metric.name.length);
    if (suffix === '_sum') group.sum = value.value;
    else if (suffix === '_count') group.count = value.value;
    else group.split.push(value);
  }
  return [...groups.values()];
}

function boundOf(value: RegistryValue): number {
  const le = value.labels['le'];
  return le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
}

function toCount(value: number): bigint {
  return Number.isFinite(value) && value > 0 ? BigInt(Math.round(value)) : 0n;
}

function histogramPoints(metric: RegistryMetric, context: PointContext): HistogramPoint[] {
  const metricInfo = info(metric, 'histogram');
  return groupParts(metric, 'le').map((parts) => {
    const buckets = parts.split.map((value) => ({ le: boundOf(value), cumulative: value.value })).filter((bucket) => !Number.isNaN(bucket.le));
    buckets.sort((a, b) => a.le - b.le);
    const finite = buckets.filter((bucket) => bucket.le !== Number.POSITIVE_INFINITY);
    const total = buckets.find((bucket) => bucket.le === Number.POSITIVE_INFINITY)?.cumulative ?? parts.count;
    // prom-client reports cumulative `le` counts; OTLP keeps each bucket's own count (+Inf last).
    let below = 0;
    const bucketCounts = [...finite.map((bucket) => bucket.cumulative), total].map((cumulative) => {
      const own = Math.max(0, cumulative - below);
      below = Math.max(below, cumulative);
      return toCount(own);
    });
    return {
      kind: 'histogram',
      metric: metricInfo,
      resource: context.resource,
      scope: context.scope,
      attributes: attributesOf(parts.labels),
      startTimeUnixNano: context.startTimeNs,
      timeUnixNano: context.timeNs,
      flags: 0,
      count: toCount(total),
      sum: parts.sum,
      min: undefined,
      max: undefined,
      bucketCounts,
      explicitBounds: finite.map((bucket) => bucket.le),
      exemplars: [],
    };
  });
}

function summaryPoints(metric: RegistryMetric, context: PointContext): SummaryPoint[] {
  const metricInfo = info(metric, 'summary');
  return groupParts(metric, 'quantile').map((parts) => ({
    kind: 'summary',
    metric: metricInfo,
    resource: context.resource,
    scope: context.scope,
    attributes: attributesOf(parts.labels),
    startTimeUnixNano: context.startTimeNs,
    timeUnixNano: context.timeNs,
    flags: 0,
    count: toCount(parts.count),
    sum: Number.isFinite(parts.sum) ? parts.sum : 0,
    // Quantiles of a window without observations are NaN: left out.
    quantileValues: parts.split
      .map((value) => ({ quantile: Number(value.labels['quantile']), value: value.value }))
      .filter((each) => Number.isFinite(each.quantile) && Number.isFinite(each.value))
      .sort((a, b) => a.quantile - b.quantile),
  }));
}

/**
 * A prom-client registry's metrics as OTLP points, named as Prometheus names them (as a scrape of
 * /metrics would store them): counter → monotonic cumulative sum, gauge → gauge, histogram →
 * cumulative histogram (bounds from `le`, per-bucket counts), summary → summary.
 */
export function registryToPoints(metrics: readonly RegistryMetric[], context: PointContext): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const metric of metrics) {
    const type = typeOf(metric);
    if (type === 'counter') points.push(...numberPoints(metric, context, true));
    else if (type === 'histogram') points.push(...histogramPoints(metric, context));
    else if (type === 'summary') points.push(...summaryPoints(metric, context));
    else points.push(...numberPoints(metric, context, false));
  }
  return points;
}
