import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PanelQueryResponse } from '@sightline/contract';
import { chartData, hasPoints, latestValues, missingMetricsText, panelStep, seriesLabel } from './panel-series.ts';

const MIN = 60_000;
const T0 = 1_700_000_040_000; // a whole minute

function response(series: PanelQueryResponse['series'], stepSeconds = 60): PanelQueryResponse {
  return { stepSeconds, series, missingMetrics: [] };
}

describe('seriesLabel', () => {
  it('prefers the legend name, then the labels, then the fallback', () => {
    assert.equal(seriesLabel({ name: 'cpu 0', labels: { cpu: '0' } }, 'x'), 'cpu 0');
    assert.equal(seriesLabel({ name: '', labels: { mode: 'idle', cpu: '0' } }, 'x'), '{cpu="0", mode="idle"}');
    assert.equal(seriesLabel({ name: ' ', labels: {} }, 'Load'), 'Load');
  });
});

describe('chartData', () => {
  it("puts every series on the range's steps with gaps where a step has no point", () => {
    const data = chartData(
      response([
        {
          name: 'a',
          labels: {},
          points: [
            { t: T0, v: 1 },
            { t: T0 + 2 * MIN, v: 3 },
          ],
        },
        { name: 'b', labels: {}, points: [{ t: T0 + MIN, v: 5 }] },
      ]),
      { startMs: T0 + 10_000, endMs: T0 + 3 * MIN },
      'panel',
    );
    assert.deepEqual(data.xs, [T0 / 1000, T0 / 1000 + 60, T0 / 1000 + 120]);
    assert.deepEqual(
      data.lines.map((l) => [l.label, l.values]),
      [
        ['a', [1, null, 3]],
        ['b', [null, 5, null]],
      ],
    );
    assert.notEqual(data.lines[0]?.color, data.lines[1]?.color);
  });

  it('keeps points off the step grid', () => {
    const data = chartData(response([{ name: 'a', labels: {}, points: [{ t: T0 + 30_000, v: 2 }] }]), { startMs: T0, endMs: T0 + MIN }, 'p');
    assert.deepEqual(data.xs, [T0 / 1000, T0 / 1000 + 30]);
    assert.deepEqual(data.lines[0]?.values, [null, 2]);
  });
});

describe('latestValues and hasPoints', () => {
  it("takes each series' newest value", () => {
    const answer = response([
      {
        name: 'used',
        labels: {},
        points: [
          { t: T0 + MIN, v: 7 },
          { t: T0, v: 4 },
        ],
      },
      { name: 'none', labels: {}, points: [] },
      { name: '', labels: { host: 'db' }, points: [{ t: T0, v: 1 }] },
    ]);
    assert.deepEqual(latestValues(answer, 'Memory'), [
      { label: 'used', value: 7, t: T0 + MIN },
      { label: '{host="db"}', value: 1, t: T0 },
    ]);
    assert.equal(hasPoints(answer), true);
    assert.equal(hasPoints(response([{ name: 'none', labels: {}, points: [] }])), false);
    assert.equal(hasPoints(response([])), false);
  });
});

describe('panelStep', () => {
  it('asks for about 120 points, in whole minutes from two minutes on', () => {
    assert.equal(panelStep({ startMs: 0, endMs: 15 * MIN }), 15);
    assert.equal(panelStep({ startMs: 0, endMs: 60 * MIN }), 30);
    assert.equal(panelStep({ startMs: 0, endMs: 3 * 60 * MIN }), 120);
    assert.equal(panelStep({ startMs: 0, endMs: 24 * 60 * MIN }), 720);
  });
});

describe('missingMetricsText', () => {
  it('names the metrics that are not collected', () => {
    assert.equal(missingMetricsText([]), '');
    assert.equal(missingMetricsText(['pg_up']), 'Metric pg_up is not being collected.');
    assert.equal(missingMetricsText(['a', 'b', 'a']), 'Metrics a and b are not being collected.');
    assert.equal(missingMetricsText(['a', 'b', 'c']), 'Metrics a, b and c are not being collected.');
  });
});
