import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertPreviewResponse } from '@sightline/contract';
import { formFromDefinition, newRuleForm } from './rule-form.ts';
import { groupName, judgements, judgementSummary, previewChartData } from './preview-chart.ts';
import { previewInputOf } from './preview-request.ts';

const MIN = 60_000;
const T0 = 1_700_000_040_000; // a whole minute

const response: AlertPreviewResponse = {
  stepSeconds: 60,
  series: [
    {
      labels: { queue: 'orders' },
      points: [
        { t: T0, v: 40 },
        { t: T0 + 2 * MIN, v: 95 },
      ],
    },
    { labels: { queue: 'mail', host: 'a' }, points: [{ t: T0 + MIN, v: Number.NaN }] },
  ],
  groups: [
    { labels: { queue: 'mail', host: 'a' }, value: null, severity: null },
    { labels: { queue: 'orders' }, value: 93.24, severity: 'critical' },
    { labels: { queue: 'zz' }, value: 12, severity: null },
    { labels: { queue: 'aa' }, value: 81, severity: 'warning' },
  ],
};

describe('previewChartData', () => {
  it('aligns each group on the step grid with gaps, and adds a flat line per threshold', () => {
    const chart = previewChartData(
      response,
      {
        comparison: 'above',
        thresholds: [
          { severity: 'critical', value: 90 },
          { severity: 'warning', value: 80 },
        ],
      },
      { startMs: T0, endMs: T0 + 3 * MIN },
    );
    assert.deepEqual(chart.xs, [T0 / 1000, T0 / 1000 + 60, T0 / 1000 + 120]);
    assert.deepEqual(
      chart.lines.map((l) => [l.label, l.color, l.values, l.threshold]),
      [
        ['{host="a", queue="mail"}', 'var(--chart-ok)', [null, null, null], undefined],
        ['{queue="orders"}', 'var(--chart-p99)', [40, undefined, 95], undefined],
        ['critical > 90', 'var(--danger)', [90, 90, 90], 'critical'],
        ['warning > 80', 'var(--warn)', [80, 80, 80], 'warning'],
      ],
    );
    assert.deepEqual(chart.yRange, [0, 104.5]);
  });

  it('joins points a scrape interval apart across empty steps, and breaks the line where data is missing', () => {
    const at = (minutes: readonly number[]) => minutes.map((m) => ({ t: T0 + m * MIN, v: m }));
    const chart = previewChartData(
      { stepSeconds: 60, series: [{ labels: {}, points: at([0, 2, 4, 12, 14]) }], groups: [] },
      { comparison: 'above', thresholds: [] },
      { startMs: T0, endMs: T0 + 16 * MIN },
    );
    const empty = null;
    const joined = undefined;
    assert.deepEqual(chart.lines[0]?.values, [0, joined, 2, joined, 4, empty, empty, empty, empty, empty, empty, empty, 12, joined, 14, empty]);
  });

  it('keeps a threshold above every value in view, and negative values too', () => {
    const chart = previewChartData(
      { stepSeconds: 60, series: [{ labels: {}, points: [{ t: T0, v: -10 }] }], groups: [] },
      { comparison: 'below_or_equal', thresholds: [{ severity: 'info', value: 30 }] },
      { startMs: T0, endMs: T0 + MIN },
    );
    assert.deepEqual(chart.yRange, [-14, 34]);
    assert.equal(chart.lines[1]?.label, 'info ≤ 30');
    const empty = previewChartData({ stepSeconds: 60, series: [], groups: [] }, { comparison: 'above', thresholds: [] }, { startMs: T0, endMs: T0 + MIN });
    assert.deepEqual(empty.yRange, [0, 1.1]);
  });
});

describe('judgements', () => {
  it('says per group whether it would fire, most severe first', () => {
    assert.deepEqual(
      judgements(response.groups).map((j) => [j.group, j.text]),
      [
        ['{queue="orders"}', 'would fire: critical (value 93.2)'],
        ['{queue="aa"}', 'would fire: warning (value 81)'],
        ['{host="a", queue="mail"}', 'no data'],
        ['{queue="zz"}', 'ok (value 12)'],
      ],
    );
    assert.equal(judgementSummary(response.groups), '2 of 4 groups would fire now');
    assert.equal(judgementSummary([{ labels: {}, value: 3, severity: null }]), 'would not fire now');
    assert.equal(judgementSummary([]), 'no data to judge');
    assert.equal(groupName({}), 'all');
  });
});

describe('previewInputOf', () => {
  it('waits for a complete query', () => {
    assert.equal(previewInputOf(newRuleForm()), undefined);
  });

  it('previews the series with a stand-in condition until the condition is complete', () => {
    const form = newRuleForm();
    const withMetric = { ...form, metric: { ...form.metric, metric: 'checkout.queue.depth' } };
    const partial = previewInputOf(withMetric);
    assert.equal(partial?.judged, false);
    assert.equal(partial?.query.kind, 'metric');
    const complete = previewInputOf({
      ...withMetric,
      thresholds: [
        { severity: 'warning', value: '7' },
        { severity: 'critical', value: '' },
      ],
    });
    assert.equal(complete?.judged, true);
    assert.deepEqual(complete?.condition, { comparison: 'above', match: 'at_least_once', windowSeconds: 300, thresholds: [{ severity: 'warning', value: 7 }] });
    assert.equal(previewInputOf({ ...withMetric, thresholds: [{ severity: 'warning', value: '7' }], window: 'x' })?.judged, false);
  });

  it('previews an existing rule as it is', () => {
    const form = formFromDefinition({
      name: 'r',
      enabled: true,
      query: { kind: 'exceptions', groupBy: ['service'] },
      condition: { comparison: 'above', match: 'in_total', windowSeconds: 600, thresholds: [{ severity: 'critical', value: 10 }] },
      forSeconds: 0,
      intervalSeconds: 60,
      noData: { enabled: false, afterSeconds: 600, severity: 'warning' },
      labels: {},
      title: 't',
      description: '',
      notify: { channels: [], repeatIntervalSeconds: 3600, sendResolved: true },
    });
    assert.deepEqual(previewInputOf(form), {
      query: { kind: 'exceptions', groupBy: ['service'] },
      condition: { comparison: 'above', match: 'in_total', windowSeconds: 600, thresholds: [{ severity: 'critical', value: 10 }] },
      judged: true,
    });
  });
});
