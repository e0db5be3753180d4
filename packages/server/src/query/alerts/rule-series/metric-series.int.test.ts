import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { metricAlertQuerySchema, type MetricAlertQuery } from '@sightline/contract';
import { TEST_QUERY_CONFIG } from '../../../../test/support/api-app.ts';
import { metricPoints, SEC, T0 } from '../../../../test/support/api-metric-data.ts';
import { openRowSinkStore, type RowSinkStore } from '../../../../test/support/row-sink-store.ts';
import { sampleResource, sampleScope } from '../../../../test/support/sample-rows.ts';
import { ErrorCodes, isAppError } from '../../../errors.ts';
import type { NumberPoint } from '../../../signals/metric-point.ts';
import { queryMetric } from '../../metrics/query-metric.ts';
import type { TimeRange } from '../../time-range.ts';
import { queryRuleSeries } from './query-rule-series.ts';

const STEP = 60;
const MINUTE_START = (T0 / (60n * SEC)) * 60n * SEC;
/** Asked from 17 s past a whole minute: the rule series moves the start back to the minute. */
const RANGE: TimeRange = { startNs: MINUTE_START + 17n * SEC, endNs: T0 + 300n * SEC };
const ALIGNED: TimeRange = { startNs: MINUTE_START, endNs: RANGE.endNs };
const WEIRD = 'we"ird\\q\nx\' OR 1=1';

function queueDepth(queue: string, atNs: bigint, value: number): NumberPoint {
  return {
    metric: { name: 'queue.depth', description: '', unit: '', type: 'gauge', temporality: 0, isMonotonic: false, metadata: [] },
    resource: sampleResource,
    scope: sampleScope,
    attributes: [{ key: 'queue', value: { kind: 'string', value: queue } }],
    startTimeUnixNano: 0n,
    timeUnixNano: atNs,
    flags: 0,
    kind: 'number',
    value: { kind: 'int', value: BigInt(value) },
    exemplars: [],
  };
}

describe('rule series: metrics through the metrics query module', () => {
  let temp: RowSinkStore;
  before(async () => {
    temp = await openRowSinkStore();
    await temp.sink.write('metrics', 'prometheus_scrape', [...metricPoints, queueDepth(WEIRD, T0 + 30n * SEC, 7), queueDepth('plain', T0 + 30n * SEC, 3), queueDepth('early', MINUTE_START + 5n * SEC, 11)]);
  });
  after(async () => {
    await temp.dispose();
  });

  const rule = (query: Partial<MetricAlertQuery> & { metric: string }, range = RANGE, step = STEP) =>
    queryRuleSeries(temp.store, TEST_QUERY_CONFIG, metricAlertQuerySchema.parse({ kind: 'metric', ...query }), range, step);

  const direct = (query: MetricAlertQuery, range: TimeRange, step: number) =>
    queryMetric(temp.store, TEST_QUERY_CONFIG, {
      ...range,
      name: query.metric,
      stepSeconds: step,
      filters: query.filters,
      groupBy: query.groupBy,
      aggregation: query.aggregation,
      ...(query.function === undefined ? {} : { function: query.function }),
      ...(query.quantile === undefined ? {} : { quantile: query.quantile }),
    });

  const cases: (Partial<MetricAlertQuery> & { metric: string })[] = [
    { metric: 'cpu.temp', groupBy: ['host'], aggregation: 'max' },
    { metric: 'cpu.temp', filters: [{ label: 'host', op: 'equals', value: 'a' }], aggregation: 'avg' },
    { metric: 'http.requests', groupBy: ['route'], function: 'rate' },
    { metric: 'http.requests', function: 'increase' },
    { metric: 'bytes.sent', groupBy: ['peer'] },
    { metric: 'latency', groupBy: ['route'], quantile: 0.9 },
    { metric: 'exp.latency', quantile: 0.5 },
    { metric: 'rpc.duration', quantile: 0.99 },
  ];

  it('gives exactly what queryMetric gives over the aligned range and step', async () => {
    for (const each of cases) {
      const result = await rule(each);
      const expected = await direct(metricAlertQuerySchema.parse({ kind: 'metric', ...each }), ALIGNED, STEP);
      assert.equal(result.stepSeconds, STEP);
      assert.deepEqual(result.series, expected.series, JSON.stringify(each));
      assert.ok(result.series.length > 0, `${each.metric} has data`);
      for (const series of result.series) for (const point of series.points) assert.equal(point.t % (STEP * 1000), 0);
    }
  });

  it('includes data between the aligned start and the asked start in the first step', async () => {
    const query = { metric: 'queue.depth', filters: [{ label: 'queue', op: 'equals' as const, value: 'early' }] };
    assert.deepEqual((await rule(query)).series, [{ labels: {}, points: [{ t: Number(MINUTE_START / 1_000_000n), v: 11 }] }]);
    const unaligned = await direct(metricAlertQuerySchema.parse({ kind: 'metric', ...query }), RANGE, STEP);
    assert.deepEqual(unaligned.series, [], 'the point lies before the asked start');
  });

  it('treats quotes, backslashes and newlines in label filters as data', async () => {
    const equal = await rule({ metric: 'queue.depth', filters: [{ label: 'queue', op: 'equals', value: WEIRD }], groupBy: ['queue'] });
    assert.deepEqual(equal.series.map((s) => [s.labels, s.points.map((p) => p.v)]), [[{ queue: WEIRD }, [7]]]);
    const other = await rule({ metric: 'queue.depth', filters: [{ label: 'queue', op: 'not_equals', value: WEIRD }], groupBy: ['queue'] });
    assert.deepEqual(other.series.map((s) => s.labels.queue).sort(), ['early', 'plain']);
  });

  it('returns no series, not an error, for a metric never stored', async () => {
    assert.deepEqual(await rule({ metric: 'never.stored' }), { stepSeconds: STEP, series: [] });
    assert.deepEqual(await rule({ metric: 'never.stored', function: 'rate', groupBy: ['x'] }), { stepSeconds: STEP, series: [] });
  });

  it('reports an invalid combination as QUERY_INVALID', async () => {
    await assert.rejects(rule({ metric: 'cpu.temp', function: 'rate' }), (error: unknown) => isAppError(error) && error.code === ErrorCodes.QUERY_INVALID);
  });

  it('widens the step on a long preview range and says which step it used', async () => {
    const day: TimeRange = { startNs: RANGE.endNs - 86_400n * SEC, endNs: RANGE.endNs };
    const result = await rule({ metric: 'cpu.temp', groupBy: ['host'], aggregation: 'max' }, day, 10);
    assert.equal(result.stepSeconds, 60);
    const stepNs = 60n * SEC;
    const expected = await direct(metricAlertQuerySchema.parse({ kind: 'metric', metric: 'cpu.temp', groupBy: ['host'], aggregation: 'max' }), { startNs: (day.startNs / stepNs) * stepNs, endNs: day.endNs }, 60);
    assert.deepEqual(result.series, expected.series);
  });
});
