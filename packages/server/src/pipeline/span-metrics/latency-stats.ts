import { latencyBucketOf } from '../../signals/latency-buckets.ts';
import type { LatencyStats } from '../../signals/span-metrics.ts';

export function emptyLatencyStats(): LatencyStats {
  return { calls: 0, errors: 0, durationSumNs: 0, durationMinNs: Number.POSITIVE_INFINITY, durationMaxNs: 0, latency: new Map(), errorLatency: new Map() };
}

/** Counts one span of `durationNs` into `stats`. */
export function recordCall(stats: LatencyStats, durationNs: number, isError: boolean): void {
  stats.calls++;
  if (isError) stats.errors++;
  stats.durationSumNs += durationNs;
  if (durationNs < stats.durationMinNs) stats.durationMinNs = durationNs;
  if (durationNs > stats.durationMaxNs) stats.durationMaxNs = durationNs;
  const bucket = latencyBucketOf(durationNs);
  stats.latency.set(bucket, (stats.latency.get(bucket) ?? 0) + 1);
  if (isError) stats.errorLatency.set(bucket, (stats.errorLatency.get(bucket) ?? 0) + 1);
}

/** Adds the counts of `from` into `into` (the merge the store's aggregate columns do). */
export function mergeLatencyStats(into: LatencyStats, from: LatencyStats): void {
  into.calls += from.calls;
  into.errors += from.errors;
  into.durationSumNs += from.durationSumNs;
  if (from.durationMinNs < into.durationMinNs) into.durationMinNs = from.durationMinNs;
  if (from.durationMaxNs > into.durationMaxNs) into.durationMaxNs = from.durationMaxNs;
  for (const [bucket, count] of from.latency) into.latency.set(bucket, (into.latency.get(bucket) ?? 0) + count);
  for (const [bucket, count] of from.errorLatency) into.errorLatency.set(bucket, (into.errorLatency.get(bucket) ?? 0) + count);
}
