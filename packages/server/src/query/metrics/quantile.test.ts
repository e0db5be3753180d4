import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exponentialQuantile, histogramQuantile } from './quantile.ts';

describe('histogramQuantile (PromQL histogram_quantile semantics)', () => {
  const bounds = [10, 50, 100];

  it('interpolates linearly inside the bucket holding the rank', () => {
    assert.equal(histogramQuantile(0.5, bounds, [3, 5, 9, 1]), 50 + 50 * (1 / 9));
    assert.equal(histogramQuantile(0.1, bounds, [4, 0, 0, 0]), 1);
    assert.equal(histogramQuantile(1, bounds, [1, 1, 0, 0]), 50);
  });

  it('answers the highest finite bound when the rank is in the +Inf bucket', () => {
    assert.equal(histogramQuantile(0.99, bounds, [3, 5, 9, 1]), 100);
  });

  it('uses the first bound when it is not positive', () => {
    assert.equal(histogramQuantile(0.5, [-1, 5], [2, 2, 0]), -1);
  });

  it('is NaN without observations or finite bounds', () => {
    assert.ok(Number.isNaN(histogramQuantile(0.5, bounds, [0, 0, 0, 0])));
    assert.ok(Number.isNaN(histogramQuantile(0.5, [], [5])));
    assert.ok(Number.isNaN(histogramQuantile(0.5, bounds, [1, 2])));
  });
});

describe('exponentialQuantile', () => {
  it('walks negative buckets, the zero bucket and positive buckets in value order', () => {
    const buckets = { scale: 0, zeroCount: 2, negative: new Map([[0, 2]]), positive: new Map([[1, 2]]) };
    assert.equal(exponentialQuantile(0.25, buckets), -1.25);
    assert.equal(exponentialQuantile(0.5, buckets), 0);
    assert.equal(exponentialQuantile(1, buckets), 4);
  });

  it('uses bucket bounds base^i with base 2^(2^-scale)', () => {
    const buckets = { scale: 1, zeroCount: 0, negative: new Map<number, number>(), positive: new Map([[2, 4]]) };
    // Bucket 2 at scale 1 covers (2, 2^1.5].
    assert.equal(exponentialQuantile(0.5, buckets), 2 + (2 ** 1.5 - 2) * 0.5);
  });

  it('is NaN when empty', () => {
    assert.ok(Number.isNaN(exponentialQuantile(0.5, { scale: 0, zeroCount: 0, negative: new Map(), positive: new Map() })));
  });
});
