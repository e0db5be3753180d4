import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stackHistogram } from './histogram-data.ts';

const counts = (over: Partial<Record<string, number>>) => ({ unset: 0, trace: 0, debug: 0, info: 0, warn: 0, error: 0, fatal: 0, ...over });

describe('stackHistogram', () => {
  it('stacks levels from fatal up and sorts buckets by time', () => {
    const result = stackHistogram({
      stepSeconds: 60,
      buckets: [
        { t: 120_000, counts: counts({ info: 5, error: 1 }) },
        { t: 60_000, counts: counts({ fatal: 2, unset: 3 }) },
      ],
    });
    assert.deepEqual(result.xs, [60, 120]);
    assert.deepEqual(result.counts[0], [2, 0]);
    assert.deepEqual(result.stacked[1], [2, 1]);
    assert.deepEqual(result.stacked[3], [2, 6]);
    assert.deepEqual(result.stacked[6], [5, 6]);
    assert.equal(result.total, 11);
  });

  it('handles no buckets', () => {
    assert.equal(stackHistogram({ stepSeconds: 60, buckets: [] }).total, 0);
  });
});
