import { AggregationTemporality } from '../../../signals/metric-point.ts';
import { PromMetricType, type PromMetricMetadata } from './write-request.ts';

/** How a float series is stored: a gauge, or a monotonic cumulative sum (a Prometheus counter). */
export interface SeriesKind {
  readonly type: 'gauge' | 'sum';
  readonly temporality: number;
  readonly isMonotonic: boolean;
  readonly description: string;
  readonly unit: string;
}

export type MetadataLookup = (familyName: string) => PromMetricMetadata | undefined;

const GAUGE = { type: 'gauge', temporality: AggregationTemporality.UNSPECIFIED, isMonotonic: false } as const;
const COUNTER = { type: 'sum', temporality: AggregationTemporality.CUMULATIVE, isMonotonic: true } as const;

/** Names that are counters by Prometheus naming conventions, used when no metadata describes them. */
const COUNTER_SUFFIXES = ['_total', '_count', '_sum', '_bucket'] as const;

/**
 * The component series of a family, by suffix, and which family types make that component a
 * counter. Every other pairing (e.g. a gauge histogram's `_gcount`, any `_created`) is a gauge.
 */
const COMPONENT_COUNTERS: readonly (readonly [suffix: string, counterFamilies: readonly number[]])[] = [
  ['_total', [PromMetricType.COUNTER]],
  ['_bucket', [PromMetricType.HISTOGRAM]],
  ['_count', [PromMetricType.HISTOGRAM, PromMetricType.SUMMARY]],
  ['_sum', [PromMetricType.HISTOGRAM, PromMetricType.SUMMARY]],
  ['_created', []],
  ['_gcount', []],
  ['_gsum', []],
  ['_info', []],
];

function withText(base: typeof GAUGE | typeof COUNTER, metadata: PromMetricMetadata): SeriesKind {
  return { ...base, description: metadata.help, unit: metadata.unit };
}

/**
 * The storage kind of the float series `name`: from the family's metadata when known (a counter's
 * series and the `_bucket`/`_count`/`_sum` series of histograms and summaries are monotonic sums, as
 * in the Prometheus data model; everything else a gauge), otherwise from its name.
 */
export function seriesKind(name: string, lookup: MetadataLookup): SeriesKind {
  const own = lookup(name);
  if (own !== undefined) return withText(own.type === PromMetricType.COUNTER ? COUNTER : GAUGE, own);
  for (const [suffix, counterFamilies] of COMPONENT_COUNTERS) {
    if (!name.endsWith(suffix) || name.length === suffix.length) continue;
    const family = lookup(name.slice(0, -suffix.length));
    if (family !== undefined) return withText(counterFamilies.includes(family.type) ? COUNTER : GAUGE, family);
  }
  const counter = COUNTER_SUFFIXES.some((suffix) => name.endsWith(suffix));
  return { ...(counter ? COUNTER : GAUGE), description: '', unit: '' };
}
