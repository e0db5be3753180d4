import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sparklineArea, sparklinePoints } from './sparkline-path.ts';

describe('sparkline geometry', () => {
  const box = { width: 100, height: 20, pad: 0 };

  it('spreads values over the width and scales to the largest', () => {
    assert.equal(sparklinePoints([0, 5, 10], box), '0,20 50,10 100,0');
  });

  it('shares a scale when given a max', () => {
    assert.equal(sparklinePoints([0, 5], { ...box, max: 10 }), '0,20 100,10');
  });

  it('draws flat lines for all zeros and a point for one value', () => {
    assert.equal(sparklinePoints([0, 0], box), '0,20 100,20');
    assert.equal(sparklinePoints([3], box), '50,0');
    assert.equal(sparklinePoints([], box), '');
  });

  it('closes the area along the baseline', () => {
    assert.equal(sparklineArea([0, 10], box), 'M0,20L0,20L100,0L100,20Z');
    assert.equal(sparklineArea([], box), '');
  });
});
