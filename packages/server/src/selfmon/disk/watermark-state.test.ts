import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WatermarkState } from '@sightline/contract';
import { nextWatermarkState, watermarkLevel } from './watermark-state.ts';

const marks = { softWatermarkPercent: 80, hardWatermarkPercent: 92, hysteresisPercent: 2 };

function walk(usages: readonly number[], from: WatermarkState = 'ok'): WatermarkState[] {
  const states: WatermarkState[] = [];
  let state = from;
  for (const used of usages) {
    state = nextWatermarkState(state, used, marks);
    states.push(state);
  }
  return states;
}

describe('watermark state', () => {
  it('enters each mark as soon as usage reaches it', () => {
    assert.deepEqual(walk([10, 79.9, 80, 91.9, 92, 99]), ['ok', 'ok', 'soft', 'soft', 'hard', 'hard']);
    assert.equal(nextWatermarkState('ok', 95, marks), 'hard');
  });

  it('leaves the hard mark only once usage is the hysteresis below it', () => {
    assert.deepEqual(walk([93, 91, 90.01, 90, 89.99]), ['hard', 'hard', 'hard', 'hard', 'soft']);
  });

  it('leaves the soft mark only once usage is the hysteresis below it', () => {
    assert.deepEqual(walk([81, 79, 78.5, 78, 77.9]), ['soft', 'soft', 'soft', 'soft', 'ok']);
  });

  it('does not flap while usage hovers at a mark', () => {
    assert.deepEqual(walk([92, 91.5, 92.1, 91.2, 92, 91]), ['hard', 'hard', 'hard', 'hard', 'hard', 'hard']);
    assert.deepEqual(walk([80, 79.5, 80.2, 78.9]), ['soft', 'soft', 'soft', 'soft']);
  });

  it('goes from hard straight to ok when usage falls far', () => {
    assert.deepEqual(walk([95, 40]), ['hard', 'ok']);
  });

  it('without hysteresis, follows the marks exactly', () => {
    const exact = { ...marks, hysteresisPercent: 0 };
    assert.equal(nextWatermarkState('hard', 91.99, exact), 'soft');
    assert.equal(nextWatermarkState('soft', 79.99, exact), 'ok');
  });

  it('maps states to gauge levels', () => {
    assert.deepEqual((['ok', 'soft', 'hard'] as const).map(watermarkLevel), [0, 1, 2]);
  });
});
