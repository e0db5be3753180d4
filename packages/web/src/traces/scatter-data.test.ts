import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_DURATION_MS, nearestPoint, scatterData } from './scatter-data.ts';

const point = (startMs: number, durationNs: number, error: boolean, traceId: string) => ({
  traceId,
  startTimeUnixNano: String(BigInt(startMs) * 1_000_000n),
  durationNs: String(durationNs),
  error,
});

describe('scatterData', () => {
  it('sorts by start and splits ok from error', () => {
    const data = scatterData([point(3000, 2_000_000, true, 'b'), point(1000, 5_000_000, false, 'a'), point(2000, 0, false, 'c')]);
    assert.deepEqual(data.xs, [1, 2, 3]);
    assert.deepEqual(data.ok, [5, MIN_DURATION_MS, null]);
    assert.deepEqual(data.errors, [null, null, 2]);
    assert.deepEqual(data.traceIds, ['a', 'c', 'b']);
  });

  it('finds the nearest point within the radius', () => {
    const data = scatterData([point(1000, 1e6, false, 'a'), point(2000, 1e6, false, 'b')]);
    const toPixel = (x: number, y: number) => [x * 100, y * 10] as const;
    assert.equal(nearestPoint(data, toPixel, 195, 10), 1);
    assert.equal(nearestPoint(data, toPixel, 150, 10), undefined);
  });
});
