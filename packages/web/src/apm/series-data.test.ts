import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApmServiceSeriesResponse } from '@sightline/contract';
import { isEmptySeries, serviceChartData, stepFor, stepTimes } from './series-data.ts';

const series: ApmServiceSeriesResponse = {
  service: 'orders',
  operation: null,
  apdexThresholdMs: 500,
  startMs: 1_700_000_000_000,
  stepSeconds: 60,
  calls: [60, 0, 120],
  rate: [1, 0, 2],
  errors: [6, 0, 0],
  errorRate: [0.1, null, 0],
  p50Ms: [10, null, 12],
  p90Ms: [20, null, 25],
  p99Ms: [40, null, 90],
  apdex: [0.9, null, 1],
};

describe('service chart data', () => {
  it('asks for whole minutes, about 120 points', () => {
    assert.equal(stepFor({ startMs: 0, endMs: 15 * 60_000 }), 60);
    assert.equal(stepFor({ startMs: 0, endMs: 3_600_000 }), 60);
    assert.equal(stepFor({ startMs: 0, endMs: 6 * 3_600_000 }), 180);
    assert.equal(stepFor({ startMs: 0, endMs: 7 * 86_400_000 }), 5040);
  });

  it('places steps in unix seconds', () => {
    assert.deepEqual(stepTimes(60_000, 30, 3), [60, 90, 120]);
  });

  it('turns the series into chart lines with gaps where there were no calls', () => {
    const data = serviceChartData(series);
    assert.deepEqual(data.xs, [1_700_000_000, 1_700_000_060, 1_700_000_120]);
    assert.deepEqual(data.p99, [40, null, 90]);
    assert.deepEqual(data.rate, [1, 0, 2]);
    assert.deepEqual(data.errorRatePerSecond, [0.1, 0, 0]);
    assert.deepEqual(data.errorPercent, [10, null, 0]);
    assert.deepEqual(data.apdex, [0.9, null, 1]);
  });

  it('cuts every line to the shortest', () => {
    const data = serviceChartData({ ...series, apdex: [0.5] });
    assert.equal(data.xs.length, 1);
    assert.equal(data.p50.length, 1);
  });

  it('knows an empty series', () => {
    assert.equal(isEmptySeries(series), false);
    assert.equal(isEmptySeries({ ...series, calls: [0, 0] }), true);
  });
});
