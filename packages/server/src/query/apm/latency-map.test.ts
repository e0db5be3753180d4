import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latencyBucketOf } from '../../signals/latency-buckets.ts';
import { latencyQuantileMsOf, mergeLatency, parseLatencyMap } from './latency-map.ts';

function mapOf(durationsMs: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const ms of durationsMs) map.set(latencyBucketOf(ms * 1e6), (map.get(latencyBucketOf(ms * 1e6)) ?? 0) + 1);
  return map;
}

const within1 = (actual: number | null, expected: number) => actual !== null && Math.abs(actual - expected) <= expected * 0.01;

describe('latency maps in JS', () => {
  it('answers the bucket of the nearest-rank value ⌈q·n⌉', () => {
    const durations = Array.from({ length: 100 }, (_, i) => i + 1);
    const map = mapOf(durations);
    assert.ok(within1(latencyQuantileMsOf(map, 0.99), 99));
    assert.ok(within1(latencyQuantileMsOf(map, 0.5), 50));
    assert.ok(within1(latencyQuantileMsOf(map, 1), 100));
    assert.equal(latencyQuantileMsOf(new Map(), 0.99), null);
  });

  it('merges distributions exactly and reads the store JSON form', () => {
    const merged = parseLatencyMap(Object.fromEntries([...mapOf([1, 2, 3])].map(([k, v]) => [String(k), String(v)])));
    mergeLatency(merged, mapOf([3, 500]));
    assert.deepEqual(merged, mapOf([1, 2, 3, 3, 500]));
    assert.ok(within1(latencyQuantileMsOf(merged, 0.8), 3));
    assert.ok(within1(latencyQuantileMsOf(merged, 0.81), 500));
  });
});
