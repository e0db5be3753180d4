/**
 * Latency distributions of the APM aggregates: log-scaled buckets with a relative accuracy of
 * `LATENCY_RELATIVE_ACCURACY` (the DDSketch mapping). Bucket `i` holds durations in
 * (MIN·γ^(i-1), MIN·γ^i] and is reported as 2·MIN·γ^i/(γ+1), which is within ±1% of every
 * duration in it; bucket 0 holds everything up to MIN (1 µs). Counts per bucket add up, so
 * distributions from any number of minutes, services or requests merge exactly.
 *
 * A quantile q over n durations is the bucket holding the value of nearest rank ⌈q·n⌉ (the
 * smallest recorded value with at least ⌈q·n⌉ values ≤ it), so it is within 1% of that exact value.
 */
export const LATENCY_RELATIVE_ACCURACY = 0.01;
export const LATENCY_GAMMA = (1 + LATENCY_RELATIVE_ACCURACY) / (1 - LATENCY_RELATIVE_ACCURACY);
/** Durations up to this many nanoseconds share bucket 0. */
export const LATENCY_MIN_NS = 1000;
/** Highest index (UInt16); reached only past ~10^280 ns, so never in practice. */
export const LATENCY_MAX_INDEX = 65535;

const LOG_GAMMA = Math.log(LATENCY_GAMMA);

export function latencyBucketOf(durationNs: number): number {
  if (!(durationNs > LATENCY_MIN_NS)) return 0;
  const index = Math.ceil(Math.log(durationNs / LATENCY_MIN_NS) / LOG_GAMMA);
  return Math.min(index, LATENCY_MAX_INDEX);
}

/** The duration a bucket stands for, in nanoseconds. */
export function latencyBucketValueNs(index: number): number {
  if (index <= 0) return LATENCY_MIN_NS;
  return (2 * LATENCY_MIN_NS * LATENCY_GAMMA ** index) / (LATENCY_GAMMA + 1);
}
