import type { RedStats } from '@sightline/contract';
import { latencyBucketValueNs } from '../../signals/latency-buckets.ts';
import { latencyQuantileMsOf, type LatencyMap } from './latency-map.ts';

/**
 * RED statistics computed in JS from merged aggregates, for answers with few rows where the SQL
 * expressions of `red-stats.ts` would cost more to analyse than the data costs to read. Same rules:
 * nearest-rank quantiles of the buckets, clamped to the exact min and max; apdex with failed calls
 * frustrated.
 */
export interface MergedMeasures {
  readonly calls: number;
  readonly errors: number;
  readonly durationSumNs: number;
  readonly durationMinNs: number;
  readonly durationMaxNs: number;
  readonly latency: LatencyMap;
  readonly errorLatency: LatencyMap;
}

function clampedQuantile(measures: MergedMeasures, q: number): number | null {
  const value = latencyQuantileMsOf(measures.latency, q);
  if (value === null) return null;
  return Math.min(Math.max(value, measures.durationMinNs / 1e6), measures.durationMaxNs / 1e6);
}

export function redStatsOf(measures: MergedMeasures, seconds: number): RedStats {
  const { calls, errors } = measures;
  const any = calls > 0;
  return {
    calls,
    rate: seconds > 0 ? calls / seconds : 0,
    errors,
    errorRate: any ? errors / calls : 0,
    avgMs: any ? measures.durationSumNs / calls / 1e6 : null,
    p50Ms: any ? clampedQuantile(measures, 0.5) : null,
    p90Ms: any ? clampedQuantile(measures, 0.9) : null,
    p95Ms: any ? clampedQuantile(measures, 0.95) : null,
    p99Ms: any ? clampedQuantile(measures, 0.99) : null,
    maxMs: any ? measures.durationMaxNs / 1e6 : null,
  };
}

/** Calls in buckets whose value is at most `limitMs`. */
function countWithin(latency: LatencyMap, limitMs: number): number {
  let count = 0;
  for (const [index, n] of latency) if (latencyBucketValueNs(index) / 1e6 <= limitMs) count += n;
  return count;
}

/** (satisfied + tolerating / 2) / calls, satisfied ≤ T < tolerating ≤ 4T among calls that did not fail; null without calls. */
export function apdexOfMeasures(measures: MergedMeasures, thresholdMs: number): number | null {
  if (measures.calls === 0) return null;
  const okWithin = (limitMs: number): number => countWithin(measures.latency, limitMs) - countWithin(measures.errorLatency, limitMs);
  const satisfied = okWithin(thresholdMs);
  const tolerating = okWithin(4 * thresholdMs) - satisfied;
  return (satisfied + tolerating / 2) / measures.calls;
}
