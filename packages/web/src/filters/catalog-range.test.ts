import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogRangeOf } from './catalog-range.ts';

describe('catalog range', () => {
  it('widens a range to whole minutes, so nearby ranges share one key', () => {
    const a = catalogRangeOf({ startMs: 120_500, endMs: 300_100 });
    assert.deepEqual(a, { startMs: 120_000, endMs: 360_000, key: '120000|360000' });
    assert.equal(catalogRangeOf({ startMs: 130_000, endMs: 310_000 }).key, a.key);
  });
});
