import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { logsAlertQuerySchema, type LogsAlertQuery, type MetricSeries } from '@sightline/contract';
import { TEST_QUERY_CONFIG } from '../../../../test/support/api-app.ts';
import { openRowSinkStore, type RowSinkStore } from '../../../../test/support/row-sink-store.ts';
import { sampleScope } from '../../../../test/support/sample-rows.ts';
import type { AnyValue, Attributes } from '../../../signals/any-value.ts';
import type { LogRow } from '../../../signals/log-record.ts';
import { queryRuleSeries } from './query-rule-series.ts';

const SEC = 1_000_000_000n;
/** An hour ago, at a multiple of 5 minutes (rows must be recent: older ones expire). */
const T = Math.floor(Date.now() / 300_000) * 300 - 3600;
/** Asked from T+30 s: the start moves back to T, so the first minute step is whole. */
const RANGE = { startNs: BigInt(T + 30) * SEC, endNs: BigInt(T + 300) * SEC };
const STEP = 60;
const STEPS = 5;
const WEIRD_KEY = 'we"ird\\key\nx';
const WEIRD_BODY = 'said "hi" \\ at C:\\tmp\nnext line 100%';

interface Fact {
  readonly at: number;
  readonly service: string;
  readonly severity: number;
  readonly text: string;
  readonly body: string;
  readonly attributes?: Record<string, string | number>;
  readonly host?: string;
}

const FACTS: Fact[] = [
  { at: 5, service: 'api', severity: 17, text: 'ERROR', body: 'timeout talking to db', attributes: { 'http.route': '/orders', 'http.status_code': 500 } },
  { at: 20, service: 'api', severity: 9, text: 'INFO', body: 'request served', attributes: { 'http.route': '/orders' } },
  { at: 61, service: 'api', severity: 17, text: 'error', body: 'Timeout TALKING to cache', attributes: { 'http.route': '/cart', 'http.status_code': 503 } },
  { at: 62, service: 'api', severity: 13, text: '', body: 'slow request', host: 'vm-2' },
  { at: 130, service: 'worker', severity: 13, text: 'warning', body: WEIRD_BODY, attributes: { [WEIRD_KEY]: 'a "quoted"\\ value' } },
  { at: 135, service: 'worker', severity: 21, text: '', body: 'crashed', attributes: { [WEIRD_KEY]: 'other' } },
  { at: 250, service: 'api', severity: 17, text: 'ERROR', body: 'timeout talking to db', attributes: { 'http.route': '/orders' } },
  { at: 299, service: 'api', severity: 5, text: '', body: 'debug noise' },
  // Outside: before the aligned start, at the end (exclusive), after it.
  { at: -1, service: 'api', severity: 17, text: 'ERROR', body: 'timeout talking to db' },
  { at: 300, service: 'api', severity: 17, text: 'ERROR', body: 'timeout talking to db' },
  { at: 400, service: 'worker', severity: 17, text: 'ERROR', body: 'late' },
];

function valueOf(value: string | number): AnyValue {
  return typeof value === 'number' ? { kind: 'int', value: BigInt(value) } : { kind: 'string', value };
}

function attributesOf(record: Record<string, string | number>): Attributes {
  return Object.entries(record).map(([key, value]) => ({ key, value: valueOf(value) }));
}

function logRow(fact: Fact, index: number): LogRow {
  const timeNs = BigInt(T + fact.at) * SEC + BigInt(index);
  return {
    timeUnixNano: timeNs,
    observedTimeUnixNano: timeNs,
    severityNumber: fact.severity,
    severityText: fact.text,
    body: { kind: 'string', value: fact.body },
    attributes: attributesOf(fact.attributes ?? {}),
    droppedAttributesCount: 0,
    flags: 0,
    traceId: new Uint8Array(0),
    spanId: new Uint8Array(0),
    eventName: '',
    resource: { attributes: attributesOf({ 'service.name': fact.service, 'host.name': fact.host ?? 'vm-1' }), droppedAttributesCount: 0, schemaUrl: '' },
    scope: sampleScope,
  };
}

/** Counts per step of the facts that `keep` selects, in the range's five steps (every step present). */
function expectedCounts(keep: (fact: Fact) => boolean): number[] {
  const counts = new Array<number>(STEPS).fill(0);
  for (const fact of FACTS) if (fact.at >= 0 && fact.at < 300 && keep(fact)) counts[Math.floor(fact.at / STEP)]! += 1;
  return counts;
}

const times = Array.from({ length: STEPS }, (_, step) => (T + step * STEP) * 1000);
const pointsOf = (counts: readonly number[]) => counts.map((v, step) => ({ t: times[step]!, v }));

describe('rule series: log counts', () => {
  let temp: RowSinkStore;
  before(async () => {
    temp = await openRowSinkStore();
    await temp.sink.write('logs', 'file_log', FACTS.map(logRow));
  });
  after(async () => {
    await temp.dispose();
  });

  const run = async (query: Partial<LogsAlertQuery>, range = RANGE, step = STEP): Promise<{ stepSeconds: number; series: MetricSeries[] }> =>
    queryRuleSeries(temp.store, TEST_QUERY_CONFIG, logsAlertQuerySchema.parse({ kind: 'logs', ...query }), range, step);
  const byLabels = (series: MetricSeries[]) => Object.fromEntries(series.map((s) => [JSON.stringify(s.labels), s.points.map((p) => p.v)]));

  it('counts every record per step from the aligned start, zeros included', async () => {
    const result = await run({});
    assert.equal(result.stepSeconds, STEP);
    assert.deepEqual(result.series, [{ labels: {}, points: pointsOf(expectedCounts(() => true)) }]);
    assert.deepEqual(expectedCounts(() => true), [2, 2, 2, 0, 2]);
  });

  it('filters by service, minimum severity and body (case-insensitive)', async () => {
    const result = await run({ service: 'api', severityMin: 17, bodyContains: 'TIMEOUT talking' });
    const expected = expectedCounts((f) => f.service === 'api' && f.severity >= 17 && f.body.toLowerCase().includes('timeout talking'));
    assert.deepEqual(expected, [1, 1, 0, 0, 1]);
    assert.deepEqual(result.series, [{ labels: {}, points: pointsOf(expected) }]);
  });

  it('groups by service and severity (text as sent, upper-cased; else the level of the number)', async () => {
    const result = await run({ groupBy: ['service', 'severity'] });
    assert.deepEqual(byLabels(result.series), {
      '{"service":"api","severity":"DEBUG"}': [0, 0, 0, 0, 1],
      '{"service":"api","severity":"ERROR"}': [1, 1, 0, 0, 1],
      '{"service":"api","severity":"INFO"}': [1, 0, 0, 0, 0],
      '{"service":"api","severity":"WARN"}': [0, 1, 0, 0, 0],
      '{"service":"worker","severity":"FATAL"}': [0, 0, 1, 0, 0],
      '{"service":"worker","severity":"WARNING"}': [0, 0, 1, 0, 0],
    });
    for (const series of result.series) assert.deepEqual(series.points.map((p) => p.t), times);
  });

  it('groups by record and resource attributes; records without one have no such label', async () => {
    const result = await run({ service: 'api', groupBy: ['http.route', 'resource.host.name', 'http.status_code'] });
    assert.deepEqual(byLabels(result.series), {
      '{"resource.host.name":"vm-1"}': [0, 0, 0, 0, 1],
      '{"resource.host.name":"vm-2"}': [0, 1, 0, 0, 0],
      '{"http.route":"/cart","resource.host.name":"vm-1","http.status_code":"503"}': [0, 1, 0, 0, 0],
      '{"http.route":"/orders","resource.host.name":"vm-1"}': [1, 0, 0, 0, 1],
      '{"http.route":"/orders","resource.host.name":"vm-1","http.status_code":"500"}': [1, 0, 0, 0, 0],
    });
  });

  it('treats quotes, backslashes, newlines and wildcards in filters and keys as data', async () => {
    const body = await run({ bodyContains: 'said "hi" \\ at c:\\TMP\nnext line 100%' });
    assert.deepEqual(byLabels(body.series), { '{}': [0, 0, 1, 0, 0] });
    assert.deepEqual((await run({ bodyContains: 'said "hi" \\\\' })).series, [], 'a doubled backslash is not in the body');
    assert.deepEqual((await run({ bodyContains: '%' })).series.map((s) => s.points.map((p) => p.v)), [[0, 0, 1, 0, 0]], '% is literal');
    const attribute = await run({ attributes: [{ key: WEIRD_KEY, op: 'equals', value: 'a "quoted"\\ value' }], groupBy: [WEIRD_KEY] });
    assert.deepEqual(byLabels(attribute.series), { [JSON.stringify({ [WEIRD_KEY]: 'a "quoted"\\ value' })]: [0, 0, 1, 0, 0] });
    const grouped = await run({ service: 'worker', groupBy: [WEIRD_KEY] });
    assert.equal(grouped.series.length, 2);
    const injection = await run({ service: "api' OR '1'='1" });
    assert.deepEqual(injection.series, []);
  });

  it('filters by resource attributes', async () => {
    const result = await run({ resourceAttributes: [{ key: 'host.name', op: 'equals', value: 'vm-2' }] });
    assert.deepEqual(byLabels(result.series), { '{}': [0, 1, 0, 0, 0] });
  });

  it('returns no series when nothing matched in the whole range', async () => {
    assert.deepEqual((await run({ service: 'nobody' })).series, []);
    assert.deepEqual((await run({ bodyContains: 'late' })).series, [], 'the only match is after the range');
  });

  it('widens the step on long ranges and still counts every record once', async () => {
    const day = { startNs: BigInt(T - 86_400 + 3600) * SEC, endNs: BigInt(T + 3600) * SEC };
    const result = await run({}, day, 1);
    assert.ok(result.stepSeconds > 1);
    const [series] = result.series;
    assert.ok(series !== undefined);
    assert.ok(series.points.length <= 1500);
    assert.equal(series.points.reduce((sum, p) => sum + p.v, 0), FACTS.length);
    for (const point of series.points) assert.equal(point.t % (result.stepSeconds * 1000), 0, 'steps start at multiples of the step');
  });
});
