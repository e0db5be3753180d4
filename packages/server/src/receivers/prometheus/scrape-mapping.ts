import type { Attributes } from '../../signals/any-value.ts';
import {
  AggregationTemporality,
  type Exemplar,
  type HistogramPoint,
  type MetricInfo,
  type MetricPoint,
  type NumberPoint,
  type SummaryPoint,
} from '../../signals/metric-point.ts';
import type { ResourceInfo, ScopeInfo } from '../../signals/resource.ts';
import { parseFloatToken } from './exposition-line.ts';
import type { ExpositionSample, FamilyType, Labels, MetricFamily, ParsedExemplar } from './exposition-types.ts';
import { seriesKey } from './parse-exposition.ts';
import { labelAttributes, prometheusResource, prometheusScope, SCRAPE_SCOPE_NAME } from './prometheus-resource.ts';

export interface MappingContext {
  /** The scrape's time; samples without their own timestamp get it. */
  readonly timeNs: bigint;
  /** `url.scheme` of the resource. */
  readonly scheme?: string;
  readonly scopeName?: string;
}

export interface MappedScrape {
  readonly points: MetricPoint[];
  readonly issues: string[];
}

/** Prometheus types without an OTLP twin are kept as gauges; their type stays in the metric metadata. */
const KEPT_AS_GAUGE: ReadonlySet<FamilyType> = new Set(['untyped', 'unknown', 'info', 'stateset', 'gaugehistogram']);

function timeOf(sample: { timestampMs: number | undefined } | undefined, context: MappingContext): bigint {
  if (sample?.timestampMs === undefined) return context.timeNs;
  return BigInt(Math.round(sample.timestampMs * 1000)) * 1000n;
}

function hexBytes(text: string | undefined, length: number): Uint8Array {
  if (text === undefined || text.length !== length * 2 || !/^[0-9a-fA-F]+$/.test(text)) return new Uint8Array(0);
  return new Uint8Array(Buffer.from(text, 'hex'));
}

function exemplarOf(exemplar: ParsedExemplar, context: MappingContext): Exemplar {
  return {
    filteredAttributes: labelAttributes(exemplar.labels, ['trace_id', 'span_id']),
    timeUnixNano: timeOf(exemplar, context),
    value: { kind: 'double', value: exemplar.value },
    traceId: hexBytes(exemplar.labels.get('trace_id'), 16),
    spanId: hexBytes(exemplar.labels.get('span_id'), 8),
  };
}

function withoutLabel(labels: Labels, name: string): Map<string, string> {
  const rest = new Map(labels);
  rest.delete(name);
  return rest;
}

/** A float count as the integer OTLP wants; odd values (NaN, fractions, negatives) are reported. */
function toCount(value: number, what: string, issues: string[]): bigint {
  if (Number.isFinite(value) && value >= 0 && Number.isInteger(value)) return BigInt(value);
  issues.push(`${what}: count ${value} is not a non-negative integer; stored as ${Number.isFinite(value) && value > 0 ? Math.round(value) : 0}`);
  return Number.isFinite(value) && value > 0 ? BigInt(Math.round(value)) : 0n;
}

class PointBuilder {
  readonly points: MetricPoint[] = [];
  readonly issues: string[] = [];
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly scope: ScopeInfo;

  constructor(private readonly context: MappingContext) {
    this.scope = prometheusScope(context.scopeName ?? SCRAPE_SCOPE_NAME);
  }

  private common(metric: MetricInfo, labels: Labels, attributes: Attributes, startNs: bigint, timeNs: bigint) {
    const job = labels.get('job') ?? '';
    const instance = labels.get('instance') ?? '';
    const key = `${job}\u0000${instance}`;
    let resource = this.resources.get(key);
    if (resource === undefined) {
      resource = prometheusResource(job, instance, this.context.scheme);
      this.resources.set(key, resource);
    }
    return { metric, resource, scope: this.scope, attributes, startTimeUnixNano: startNs, timeUnixNano: timeNs, flags: 0 };
  }

  private info(family: MetricFamily, name: string, type: MetricInfo['type']): MetricInfo {
    const cumulative = type === 'sum' || type === 'histogram';
    return {
      name,
      description: family.help,
      unit: family.unit,
      type,
      temporality: cumulative ? AggregationTemporality.CUMULATIVE : 0,
      isMonotonic: type === 'sum',
      metadata: KEPT_AS_GAUGE.has(family.type) ? [{ key: 'prometheus.type', value: { kind: 'string', value: family.type } }] : [],
    };
  }

  /**
   * A cumulative series' start: from `_created`, else 0 (unknown). Not the time the scraper first
   * saw it: queries would then count the whole value of that first point as an increase. With an
   * unknown start, the first point is a baseline and restarts show as drops, as in PromQL.
   */
  private startOf(created: number | undefined): bigint {
    return created !== undefined && Number.isFinite(created) ? BigInt(Math.round(created * 1e6)) * 1000n : 0n;
  }

  gauges(family: MetricFamily): void {
    for (const sample of family.samples) {
      const metric = this.info(family, sample.name, 'gauge');
      const point: NumberPoint = {
        kind: 'number',
        ...this.common(metric, sample.labels, labelAttributes(sample.labels), timeOf(sample, this.context), timeOf(sample, this.context)),
        value: { kind: 'double', value: sample.value },
        exemplars: sample.exemplar === undefined ? [] : [exemplarOf(sample.exemplar, this.context)],
      };
      this.points.push(point);
    }
  }

  counter(family: MetricFamily): void {
    const created = new Map<string, number>();
    for (const sample of family.samples) {
      if (sample.name === `${family.name}_created` && sample.name !== family.name) created.set(seriesKey('', sample.labels), sample.value);
    }
    for (const sample of family.samples) {
      if (sample.name === `${family.name}_created` && sample.name !== family.name) continue;
      const metric = this.info(family, sample.name, 'sum');
      const timeNs = timeOf(sample, this.context);
      const start = this.startOf(created.get(seriesKey('', sample.labels)));
      this.points.push({
        kind: 'number',
        ...this.common(metric, sample.labels, labelAttributes(sample.labels), start, timeNs),
        value: { kind: 'double', value: sample.value },
        exemplars: sample.exemplar === undefined ? [] : [exemplarOf(sample.exemplar, this.context)],
      });
    }
  }

  histogram(family: MetricFamily): void {
    for (const group of groupSamples(family, 'le')) {
      const where = `${family.name}${seriesKey('', group.labels)}`;
      const buckets: { le: number; count: number; sample: ExpositionSample }[] = [];
      for (const sample of group.parts.get('_bucket') ?? []) {
        const le = parseFloatToken(sample.labels.get('le') ?? '');
        if (le === undefined || Number.isNaN(le)) this.issues.push(`line ${sample.line}: bucket of ${where} without a valid le label; skipped`);
        else buckets.push({ le, count: sample.value, sample });
      }
      buckets.sort((a, b) => a.le - b.le);
      const finite = buckets.filter((bucket) => bucket.le !== Number.POSITIVE_INFINITY);
      const inf = buckets.find((bucket) => bucket.le === Number.POSITIVE_INFINITY);
      const countSample = group.parts.get('_count')?.[0];
      const total = inf?.count ?? countSample?.value ?? finite.at(-1)?.count ?? 0;
      if (inf !== undefined && countSample !== undefined && countSample.value !== inf.count) {
        this.issues.push(`line ${countSample.line}: ${family.name}_count ${countSample.value} differs from its +Inf bucket ${inf.count}; the bucket is kept`);
      }
      const bucketCounts: bigint[] = [];
      let below = 0;
      for (const bucket of [...finite, { le: Number.POSITIVE_INFINITY, count: total }]) {
        let own = bucket.count - below;
        if (own < 0) {
          this.issues.push(`${where}: bucket le=${bucket.le} holds fewer than the bucket below it; stored as 0`);
          own = 0;
        }
        bucketCounts.push(toCount(own, where, this.issues));
        below = Math.max(below, bucket.count);
      }
      const first = group.first;
      const timeNs = timeOf(countSample ?? first, this.context);
      const start = this.startOf(group.parts.get('_created')?.[0]?.value);
      const point: HistogramPoint = {
        kind: 'histogram',
        ...this.common(this.info(family, family.name, 'histogram'), group.labels, labelAttributes(group.labels), start, timeNs),
        count: toCount(total, where, this.issues),
        sum: group.parts.get('_sum')?.[0]?.value,
        min: undefined,
        max: undefined,
        bucketCounts,
        explicitBounds: finite.map((bucket) => bucket.le),
        exemplars: buckets.flatMap((bucket) => (bucket.sample.exemplar === undefined ? [] : [exemplarOf(bucket.sample.exemplar, this.context)])),
      };
      this.points.push(point);
    }
  }

  summary(family: MetricFamily): void {
    for (const group of groupSamples(family, 'quantile')) {
      const where = `${family.name}${seriesKey('', group.labels)}`;
      const quantileValues: { quantile: number; value: number }[] = [];
      for (const sample of group.parts.get('') ?? []) {
        const quantile = parseFloatToken(sample.labels.get('quantile') ?? '');
        if (quantile === undefined || Number.isNaN(quantile)) this.issues.push(`line ${sample.line}: sample of ${where} without a valid quantile label; skipped`);
        else quantileValues.push({ quantile, value: sample.value });
      }
      quantileValues.sort((a, b) => a.quantile - b.quantile);
      const countSample = group.parts.get('_count')?.[0];
      const count = countSample?.value ?? 0;
      const timeNs = timeOf(countSample ?? group.first, this.context);
      const start = this.startOf(group.parts.get('_created')?.[0]?.value);
      const point: SummaryPoint = {
        kind: 'summary',
        ...this.common(this.info(family, family.name, 'summary'), group.labels, labelAttributes(group.labels), start, timeNs),
        count: toCount(count, where, this.issues),
        sum: group.parts.get('_sum')?.[0]?.value ?? 0,
        quantileValues,
      };
      this.points.push(point);
    }
  }
}

interface SampleGroup {
  /** The series' labels without the bucket/quantile label. */
  readonly labels: Map<string, string>;
  /** Samples by suffix ('' for the family's own name). */
  readonly parts: Map<string, ExpositionSample[]>;
  readonly first: ExpositionSample;
}

/** Samples of a histogram or summary family by series (labels without `le`/`quantile`). */
function groupSamples(family: MetricFamily, splitLabel: 'le' | 'quantile'): SampleGroup[] {
  const groups = new Map<string, SampleGroup>();
  for (const sample of family.samples) {
    const suffix = sample.name.slice(family.name.length);
    const labels = suffix === '_bucket' || (suffix === '' && splitLabel === 'quantile') ? withoutLabel(sample.labels, splitLabel) : new Map(sample.labels);
    const key = seriesKey('', labels);
    let group = groups.get(key);
    if (group === undefined) {
      group = { labels, parts: new Map(), first: sample };
      groups.set(key, group);
    }
    const list = group.parts.get(suffix) ?? [];
    list.push(sample);
    group.parts.set(suffix, list);
  }
  return [...groups.values()];
}

/**
 * Metric families as OTLP points: counter → monotonic cumulative sum (start from `_created`, else
 * first seen); gauge and types without a twin → gauge; classic histogram → one histogram point per
 * series (per-bucket counts, bounds without +Inf); summary → summary point. Every label (with `job`
 * and `instance`) is a point attribute; `job`/`instance` also make the resource.
 */
export function familiesToPoints(families: readonly MetricFamily[], context: MappingContext): MappedScrape {
  const builder = new PointBuilder(context);
  for (const family of families) {
    if (family.type === 'counter') builder.counter(family);
    else if (family.type === 'histogram') builder.histogram(family);
    else if (family.type === 'summary') builder.summary(family);
    else builder.gauges(family);
  }
  return { points: builder.points, issues: builder.issues };
}
