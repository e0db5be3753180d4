import type { PrometheusTarget } from '@sightline/contract';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sortRows } from '../apm/table-sort.ts';
import {
  byJobThenUrl,
  DEFAULT_TARGET_SORT,
  formatAgo,
  formatSamples,
  formatScrapeDuration,
  parseTargetForm,
  readTargetsView,
  shownLabels,
  targetSortValue,
  targetsSummary,
  writeTargetsView,
} from './targets-view.ts';

function target(overrides: Partial<PrometheusTarget>): PrometheusTarget {
  return {
    id: 'id',
    job: 'node',
    url: 'http://10.0.0.1:9100/metrics',
    labels: { job: 'node', instance: '10.0.0.1:9100' },
    source: 'config',
    health: 'up',
    intervalSeconds: 15,
    lastScrapeMs: 1_000,
    lastDurationMs: 12,
    lastError: null,
    samples: 100,
    ...overrides,
  };
}

describe('targetsSummary', () => {
  it('counts targets and the down and unscraped ones', () => {
    assert.equal(targetsSummary([]), '0 targets');
    assert.equal(targetsSummary([target({})]), '1 target');
    const five = [target({}), target({}), target({}), target({ health: 'down' }), target({ health: 'up' })];
    assert.equal(targetsSummary(five), '5 targets · 1 down');
    assert.equal(targetsSummary([target({ health: 'unknown' }), target({ health: 'down' })]), '2 targets · 1 down · 1 not scraped yet');
  });
});

describe('formats', () => {
  it('says how long ago a scrape was', () => {
    const now = 10_000_000;
    assert.equal(formatAgo(null, now), 'never');
    assert.equal(formatAgo(now - 200, now), 'just now');
    assert.equal(formatAgo(now - 4_000, now), '4 s ago');
    assert.equal(formatAgo(now - 185_000, now), '3 min ago');
    assert.equal(formatAgo(now - 2 * 3_600_000, now), '2 h ago');
    assert.equal(formatAgo(now - 5 * 86_400_000, now), '5 d ago');
    assert.equal(formatAgo(now + 5_000, now), 'just now', 'a clock slightly ahead is not the future');
  });

  it('formats durations and sample counts', () => {
    assert.equal(formatScrapeDuration(null), '–');
    assert.equal(formatScrapeDuration(0.42), '0.4 ms');
    assert.equal(formatScrapeDuration(12.4), '12 ms');
    assert.equal(formatScrapeDuration(1_254), '1.25 s');
    assert.equal(formatSamples(null), '–');
    assert.equal(formatSamples(12_345), '12,345');
  });

  it('shows labels other than job, sorted', () => {
    assert.deepEqual(shownLabels({ job: 'node', zone: 'b', instance: 'h:1' }), [
      ['instance', 'h:1'],
      ['zone', 'b'],
    ]);
  });
});

describe('sorting', () => {
  it('keeps a job’s targets together and puts down targets first by health', () => {
    const rows = [
      target({ id: 'b2', job: 'b', url: 'http://z' }),
      target({ id: 'a1', job: 'a', url: 'http://y', health: 'unknown', samples: null }),
      target({ id: 'b1', job: 'b', url: 'http://a', health: 'down' }),
    ];
    assert.deepEqual(
      sortRows(rows, targetSortValue('job'), 'asc', byJobThenUrl).map((t) => t.id),
      ['a1', 'b1', 'b2'],
    );
    assert.deepEqual(
      sortRows(rows, targetSortValue('health'), 'desc', byJobThenUrl).map((t) => t.id),
      ['b1', 'a1', 'b2'],
    );
    assert.deepEqual(
      sortRows(rows, targetSortValue('samples'), 'desc', byJobThenUrl).map((t) => t.id),
      ['b1', 'b2', 'a1'],
      'no samples last',
    );
  });

  it('keeps the sort in the URL, leaving the default out', () => {
    const params = new URLSearchParams('range=1h');
    writeTargetsView(params, DEFAULT_TARGET_SORT);
    assert.equal(params.toString(), 'range=1h');
    writeTargetsView(params, { column: 'health', order: 'desc' });
    assert.equal(params.toString(), 'range=1h&sort=health');
    assert.deepEqual(readTargetsView(params), { column: 'health', order: 'desc' });
    assert.deepEqual(readTargetsView(new URLSearchParams('sort=nope')), DEFAULT_TARGET_SORT);
  });
});

describe('parseTargetForm', () => {
  it('builds the request body from the fields', () => {
    assert.deepEqual(parseTargetForm({ job: ' node ', address: ' 10.0.0.5:9100 ', metricsPath: '' }), {
      ok: true,
      body: { job: 'node', target: '10.0.0.5:9100' },
    });
    assert.deepEqual(parseTargetForm({ job: 'app', address: 'app.local:8080', metricsPath: '/actuator/prometheus' }), {
      ok: true,
      body: { job: 'app', target: 'app.local:8080', metrics_path: '/actuator/prometheus' },
    });
    assert.deepEqual(parseTargetForm({ job: 'v6', address: '[::1]:9100', metricsPath: '' }), { ok: true, body: { job: 'v6', target: '[::1]:9100' } });
  });

  it('takes scheme and path from a pasted URL, a typed path winning', () => {
    assert.deepEqual(parseTargetForm({ job: 'x', address: 'https://h:9443/custom', metricsPath: '' }), {
      ok: true,
      body: { job: 'x', target: 'h:9443', scheme: 'https', metrics_path: '/custom' },
    });
    assert.deepEqual(parseTargetForm({ job: 'x', address: 'http://h:9100/', metricsPath: '/m' }), {
      ok: true,
      body: { job: 'x', target: 'h:9100', scheme: 'http', metrics_path: '/m' },
    });
  });

  it('says what is wrong with each field', () => {
    assert.deepEqual(parseTargetForm({ job: ' ', address: '', metricsPath: 'metrics' }), {
      ok: false,
      problems: { job: 'Enter a job name.', address: 'Enter the exporter’s host:port.', metricsPath: 'The path starts with “/”.' },
    });
    const bad = parseTargetForm({ job: 'x', address: 'not a host', metricsPath: '' });
    assert.equal(bad.ok, false);
    assert.deepEqual(Object.keys(bad.ok ? {} : bad.problems), ['address']);
  });
});
