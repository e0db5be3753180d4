import { latencyBucketValueNs } from '../../signals/latency-buckets.ts';

/** A latency distribution read into JS: bucket index → count (see signals/latency-buckets.ts). */
export type LatencyMap = Map<number, number>;

/** A `Map(UInt16, UInt64)` as the store returns it in JSON (keys and 64-bit counts as text). */
export function parseLatencyMap(json: Readonly<Record<string, string | number>>): LatencyMap {
  const map: LatencyMap = new Map();
  for (const [key, count] of Object.entries(json)) map.set(Number(key), Number(count));
  return map;
}

/** Adds `from`'s counts into `into` (distributions merge exactly). */
export function mergeLatency(into: LatencyMap, from: ReadonlyMap<number, number>): void {
  for (const [index, count] of from) into.set(index, (into.get(index) ?? 0) + count);
}

/** The q-quantile in ms: the bucket holding the value of nearest rank ⌈q·n⌉, as `latencyQuantileMs` does in SQL; null when empty. */
export function latencyQuantileMsOf(map: ReadonlyMap<number, number>, q: number): number | null {
  let total = 0;
  for (const count of map.values()) total += count;
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let cumulative = 0;
  for (const index of [...map.keys()].sort((a, b) => a - b)) {
    cumulative += map.get(index) ?? 0;
    if (cumulative >= rank) return latencyBucketValueNs(index) / 1e6;
  }
  return null;
}
