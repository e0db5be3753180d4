/*
 * Remote write 1.0 messages (prometheus/prometheus prompb/remote.proto and prompb/types.proto),
 * decoded into plain values. Timestamps stay in milliseconds, as on the wire.
 */

export interface PromLabel {
  readonly name: string;
  readonly value: string;
}

export interface PromSample {
  readonly value: number;
  readonly timestampMs: bigint;
  /** The sample is Prometheus' staleness marker (NaN with the bits 0x7ff0000000000002). */
  readonly stale: boolean;
}

export interface PromExemplar {
  readonly labels: readonly PromLabel[];
  readonly value: number;
  readonly timestampMs: bigint;
}

export interface PromBucketSpan {
  /** Gap to the previous span, or the index of the first bucket for the first span. */
  readonly offset: number;
  readonly length: number;
}

/** One side (positive or negative) of a native histogram: integer histograms send deltas, float histograms counts. */
export interface PromBuckets {
  readonly spans: readonly PromBucketSpan[];
  readonly deltas: readonly bigint[];
  readonly counts: readonly number[];
}

export const ResetHint = { UNKNOWN: 0, YES: 1, NO: 2, GAUGE: 3 } as const;

export interface PromNativeHistogram {
  /** count_int, or count_float for float histograms. */
  readonly count: { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'float'; readonly value: number };
  readonly sum: number;
  readonly schema: number;
  readonly zeroThreshold: number;
  readonly zeroCount: { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'float'; readonly value: number };
  readonly negative: PromBuckets;
  readonly positive: PromBuckets;
  readonly resetHint: number;
  readonly timestampMs: bigint;
  /** Bounds of native histograms with custom buckets (schema -53), never meant for remote write. */
  readonly customValues: readonly number[];
}

export interface PromTimeSeries {
  readonly labels: readonly PromLabel[];
  readonly samples: readonly PromSample[];
  readonly exemplars: readonly PromExemplar[];
  readonly histograms: readonly PromNativeHistogram[];
}

/** MetricMetadata.MetricType. */
export const PromMetricType = {
  UNKNOWN: 0,
  COUNTER: 1,
  GAUGE: 2,
  HISTOGRAM: 3,
  GAUGEHISTOGRAM: 4,
  SUMMARY: 5,
  INFO: 6,
  STATESET: 7,
} as const;

export interface PromMetricMetadata {
  readonly type: number;
  readonly familyName: string;
  readonly help: string;
  readonly unit: string;
}

export interface PromWriteRequest {
  readonly timeseries: readonly PromTimeSeries[];
  readonly metadata: readonly PromMetricMetadata[];
}
