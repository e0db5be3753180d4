import type { Attributes } from './any-value.ts';
import type { ResourceInfo, ScopeInfo } from './resource.ts';

export type MetricType = 'gauge' | 'sum' | 'histogram' | 'exponential_histogram' | 'summary';

export const AggregationTemporality = { UNSPECIFIED: 0, DELTA: 1, CUMULATIVE: 2 } as const;

/** The metric a point belongs to: the parts of its identity that come from the Metric message. */
export interface MetricInfo {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly type: MetricType;
  /** AggregationTemporality; 0 for gauge and summary. */
  readonly temporality: number;
  readonly isMonotonic: boolean;
  readonly metadata: Attributes;
}

export type NumberValue = { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'double'; readonly value: number };

export interface Exemplar {
  readonly filteredAttributes: Attributes;
  readonly timeUnixNano: bigint;
  readonly value: NumberValue;
  /** Empty or 8 bytes. */
  readonly spanId: Uint8Array;
  /** Empty or 16 bytes. */
  readonly traceId: Uint8Array;
}

interface PointCommon {
  readonly metric: MetricInfo;
  readonly resource: ResourceInfo;
  readonly scope: ScopeInfo;
  readonly attributes: Attributes;
  readonly startTimeUnixNano: bigint;
  readonly timeUnixNano: bigint;
  readonly flags: number;
}

export interface NumberPoint extends PointCommon {
  readonly kind: 'number';
  readonly value: NumberValue;
  readonly exemplars: readonly Exemplar[];
}

export interface HistogramPoint extends PointCommon {
  readonly kind: 'histogram';
  readonly count: bigint;
  readonly sum: number | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly bucketCounts: readonly bigint[];
  readonly explicitBounds: readonly number[];
  readonly exemplars: readonly Exemplar[];
}

export interface ExponentialBuckets {
  readonly offset: number;
  readonly bucketCounts: readonly bigint[];
}

export interface ExponentialHistogramPoint extends PointCommon {
  readonly kind: 'exponential_histogram';
  readonly count: bigint;
  readonly sum: number | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly scale: number;
  readonly zeroCount: bigint;
  readonly zeroThreshold: number;
  readonly positive: ExponentialBuckets;
  readonly negative: ExponentialBuckets;
  readonly exemplars: readonly Exemplar[];
}

export interface SummaryPoint extends PointCommon {
  readonly kind: 'summary';
  readonly count: bigint;
  readonly sum: number;
  readonly quantileValues: readonly { readonly quantile: number; readonly value: number }[];
}

export type MetricPoint = NumberPoint | HistogramPoint | ExponentialHistogramPoint | SummaryPoint;
