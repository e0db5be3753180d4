import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../errors.ts';
import { bucketGrid } from './histogram-buckets.ts';

const MS = 1_000_000n;
const HOUR = 3_600_000n;
/** An hour boundary, so epoch-aligned buckets line up with the range. */
const T0 = 1_700_000_000_000n - (1_700_000_000_000n % HOUR);
const span = (fromMs: bigint, toMs: bigint) => ({ startNs: fromMs * MS, endNs: toMs * MS });

describe('log histogram buckets', () => {
  it('picks the smallest round step giving at most 120 buckets', () => {
    assert.deepEqual(bucketGrid(span(T0, T0 + 10_000n), undefined, 11_000), { stepMs: 1_000, firstIndex: Number(T0 / 1_000n), count: 10 });
    assert.deepEqual(bucketGrid(span(T0, T0 + HOUR), undefined, 11_000), { stepMs: 30_000, firstIndex: Number(T0 / 30_000n), count: 120 });
    // Unaligned, the same hour touches 121 thirty-second buckets: the next round step.
    assert.deepEqual(bucketGrid(span(T0 + 1n, T0 + HOUR + 1n), undefined, 11_000).stepMs, 60_000);
    assert.equal(bucketGrid(span(T0, T0 + 24n * HOUR), undefined, 11_000).stepMs, 900_000);
    assert.equal(bucketGrid(span(T0, T0 + 7n * 24n * HOUR), undefined, 11_000).stepMs, 7_200_000);
    const year = bucketGrid(span(T0, T0 + 365n * 24n * HOUR), undefined, 11_000);
    assert.ok(year.count <= 120 && year.stepMs % 86_400_000 === 0, JSON.stringify(year));
    assert.deepEqual(bucketGrid(span(T0, T0 + 1n), undefined, 11_000), { stepMs: 1_000, firstIndex: Number(T0 / 1_000n), count: 1 });
  });

  it('aligns buckets to multiples of the step and covers both ends of the range', () => {
    // 10:00:00.500 to 10:00:02.500 in 1 s buckets: 10:00:00, :01 and :02.
    assert.deepEqual(bucketGrid(span(T0 + 500n, T0 + 2_500n), 1, 11_000), { stepMs: 1_000, firstIndex: Number(T0 / 1_000n), count: 3 });
    // The end is exclusive: a range ending on a bucket boundary does not reach into the next bucket.
    assert.equal(bucketGrid(span(T0, T0 + 2_000n), 1, 11_000).count, 2);
    assert.equal(bucketGrid(span(T0, T0 + 1_000n), 0.25, 11_000).count, 4);
  });

  it('refuses a step that would make too many buckets', () => {
    assert.throws(
      () => bucketGrid(span(T0, T0 + HOUR), 0.1, 11_000),
      (error: unknown) => isAppError(error) && error.code === 'QUERY_INVALID' && error.message === 'stepSeconds: the range would have 36000 buckets; at most 11000 (use a larger step)',
    );
  });
});
