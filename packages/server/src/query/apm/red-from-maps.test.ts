import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latencyBucketOf } from '../../signals/latency-buckets.ts';
import { apdexOfMeasures, redStatsOf, type MergedMeasures } from './red-from-maps.ts';

/** Measures of these durations (ms); the ones at the listed indexes failed. */
function measuresOf(durationsMs: readonly number[], failed: readonly number[] = []): MergedMeasures {
  const latency = new Map<number, number>();
  const errorLatency = new Map<number, number>();
  durationsMs.forEach((ms, index) => {
    const bucket = latencyBucketOf(ms * 1e6);
    latency.set(bucket, (latency.get(bucket) ?? 0) + 1);
    if (failed.includes(index)) errorLatency.set(bucket, (errorLatency.get(bucket) ?? 0) + 1);
  });
  return {
    calls: durationsMs.length,
    errors: failed.length,
    durationSumNs: durationsMs.reduce((a, b) => a + b, 0) * 1e6,
    durationMinNs: Math.min(...durationsMs) * 1e6,
    durationMaxNs: Math.max(...durationsMs) * 1e6,
    latency,
    errorLatency,
  };
}

describe('RED statistics from merged measures', () => {
  it('gives nearest-rank percentiles within 1%, clamped to the exact min and max', () => {
    const durations = Array.from({ length: 1000 }, (_, i) => i + 1);
    const stats = redStatsOf(measuresOf(durations, [0, 1]), 100);
    assert.deepEqual([stats.calls, stats.errors, stats.rate, stats.errorRate, stats.avgMs, stats.maxMs], [1000, 2, 10, 0.002, 500.5, 1000]);
    for (const [value, exact] of [[stats.p50Ms, 500], [stats.p90Ms, 900], [stats.p95Ms, 950], [stats.p99Ms, 990]] as const) {
      assert.ok(value !== null && Math.abs(value - exact) <= exact * 0.01, `${value} ~ ${exact}`);
    }
    // One call: every percentile is that call, exactly (the clamp).
    const single = redStatsOf(measuresOf([123.4]), 60);
    assert.deepEqual([single.p50Ms, single.p99Ms], [123.4, 123.4]);
  });

  it('has no latencies without calls', () => {
    const none = redStatsOf({ calls: 0, errors: 0, durationSumNs: 0, durationMinNs: 0, durationMaxNs: 0, latency: new Map(), errorLatency: new Map() }, 60);
    assert.deepEqual([none.avgMs, none.p50Ms, none.maxMs, none.errorRate], [null, null, null, 0]);
  });

  it('computes apdex with failed calls frustrated whatever their duration', () => {
    // T = 100 ms: 50 and 80 satisfied, 150 and 390 tolerating, 450 frustrated, 60 failed.
    const measures = measuresOf([50, 80, 150, 390, 450, 60], [5]);
    assert.equal(apdexOfMeasures(measures, 100), (2 + 2 / 2) / 6);
    assert.equal(apdexOfMeasures(measuresOf([]), 100), null);
  });
});
