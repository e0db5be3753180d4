import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertCondition, MetricPoint } from '@sightline/contract';
import { judgeSeries, windowPoints } from './condition.ts';

const END = 1_700_000_000_000;
const STEP = 60;

/** Points one step apart whose last step starts one step before END. */
function points(...values: number[]): MetricPoint[] {
  return values.map((v, index) => ({ t: END - (values.length - index) * STEP * 1000, v }));
}

function condition(partial: Partial<AlertCondition>): AlertCondition {
  return {
    comparison: 'above',
    match: 'at_least_once',
    windowSeconds: 300,
    thresholds: [
      { severity: 'warning', value: 80 },
      { severity: 'critical', value: 90 },
    ],
    ...partial,
  };
}

describe('judging a window', () => {
  it('takes the steps starting in [end − window, end)', () => {
    const series = points(1, 2, 3, 4, 5, 6, 7);
    assert.deepEqual(
      windowPoints(series, END, 300, STEP).map((point) => point.v),
      [3, 4, 5, 6, 7],
    );
    // A step starting exactly at the window end belongs to the next window.
    assert.deepEqual(windowPoints([...series, { t: END, v: 8 }], END, 300, STEP).length, 5);
  });

  it('takes the overlapping step when steps are longer than the window', () => {
    const coarse: MetricPoint[] = [
      { t: END - 1200_000, v: 1 },
      { t: END - 600_000, v: 2 },
    ];
    assert.deepEqual(
      windowPoints(coarse, END, 120, 600).map((point) => point.v),
      [2],
    );
  });

  it('reduces at_least_once to the most extreme point in the breaching direction', () => {
    assert.deepEqual(judgeSeries(condition({}), points(10, 95, 85, 20, 30), END, STEP), { value: 95, breached: { severity: 'critical', value: 90 } });
    const below = condition({ comparison: 'below', thresholds: [{ severity: 'warning', value: 5 }] });
    assert.deepEqual(judgeSeries(below, points(10, 3, 8, 4, 9), END, STEP), { value: 3, breached: { severity: 'warning', value: 5 } });
  });

  it('breaches all_the_time only when every point breaches, showing the least extreme one', () => {
    assert.deepEqual(judgeSeries(condition({ match: 'all_the_time' }), points(95, 85, 99, 91, 92), END, STEP), {
      value: 85,
      breached: { severity: 'warning', value: 80 },
    });
    assert.deepEqual(judgeSeries(condition({ match: 'all_the_time' }), points(95, 85, 99, 70, 92), END, STEP), { value: 70, breached: null });
  });

  it('compares the average, the total and the last point', () => {
    const series = points(70, 80, 90, 100, 60);
    assert.deepEqual(judgeSeries(condition({ match: 'on_average' }), series, END, STEP), { value: 80, breached: null });
    assert.deepEqual(judgeSeries(condition({ match: 'on_average', comparison: 'above_or_equal' }), series, END, STEP), {
      value: 80,
      breached: { severity: 'warning', value: 80 },
    });
    assert.deepEqual(judgeSeries(condition({ match: 'in_total', thresholds: [{ severity: 'info', value: 300 }] }), series, END, STEP), {
      value: 400,
      breached: { severity: 'info', value: 300 },
    });
    assert.deepEqual(judgeSeries(condition({ match: 'last' }), series, END, STEP), { value: 60, breached: null });
  });

  it('lets the most severe breached threshold win, whatever their order', () => {
    const thresholds = [
      { severity: 'info' as const, value: 50 },
      { severity: 'critical' as const, value: 90 },
      { severity: 'warning' as const, value: 70 },
    ];
    assert.equal(judgeSeries(condition({ match: 'last', thresholds }), points(75), END, STEP).breached?.severity, 'warning');
    assert.equal(judgeSeries(condition({ match: 'last', thresholds }), points(95), END, STEP).breached?.severity, 'critical');
    assert.equal(judgeSeries(condition({ match: 'last', thresholds }), points(55), END, STEP).breached?.severity, 'info');
  });

  it('handles equality comparisons', () => {
    const equal = condition({ comparison: 'equal', thresholds: [{ severity: 'critical', value: 0 }] });
    assert.deepEqual(judgeSeries(equal, points(1, 0, 1), END, STEP), { value: 0, breached: { severity: 'critical', value: 0 } });
    assert.deepEqual(judgeSeries({ ...equal, match: 'all_the_time' }, points(1, 0, 1), END, STEP), { value: 1, breached: null });
    const notEqual = condition({ comparison: 'not_equal', thresholds: [{ severity: 'warning', value: 1 }] });
    assert.deepEqual(judgeSeries(notEqual, points(1, 2, 1), END, STEP), { value: 2, breached: { severity: 'warning', value: 1 } });
  });

  it('has no value and no breach for an empty window', () => {
    const old: MetricPoint[] = [{ t: END - 3600_000, v: 1000 }];
    assert.deepEqual(judgeSeries(condition({}), old, END, STEP), { value: null, breached: null });
  });
});
