import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignToSteps, secondsInRange, stepGrid } from './step-grid.ts';

describe('step grid', () => {
  it('aligns steps to multiples of the step, so the first and last may reach outside the range', () => {
    const range = { startS: 10 * 3600 + 17 * 60, endS: 14 * 3600 + 43 * 60 };
    const grid = stepGrid(range, 3600);
    assert.deepEqual({ startS: grid.startS, count: grid.count }, { startS: 10 * 3600, count: 5 });
    assert.deepEqual(
      Array.from({ length: grid.count }, (_, index) => secondsInRange(grid, index)),
      [43 * 60, 3600, 3600, 3600, 43 * 60],
    );
  });

  it('has exactly the range when it is a whole number of steps', () => {
    const grid = stepGrid({ startS: 1200, endS: 4800 }, 120);
    assert.deepEqual({ startS: grid.startS, count: grid.count }, { startS: 1200, count: 30 });
    assert.equal(secondsInRange(grid, 29), 120);
  });

  it('puts row values at their steps and the fallback elsewhere', () => {
    const grid = stepGrid({ startS: 0, endS: 300 }, 60);
    const rows = new Map([[1, 7], [3, 9]]);
    assert.deepEqual(alignToSteps(grid, rows, (value, index) => value * 10 + index, null), [null, 71, null, 93, null]);
  });
});
