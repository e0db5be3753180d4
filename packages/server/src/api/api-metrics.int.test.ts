import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { LabelKeysResponse, LabelValuesResponse, MetricListResponse, MetricQueryRequest, MetricQueryResponse, MetricSeries } from '@sightline/contract';
import { call, ms, testApp } from '../../test/support/api-app.ts';
import { insertMetrics } from '../../test/support/api-insert.ts';
import { metricPoints, SEC, T0 } from '../../test/support/api-metric-data.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const range = { start: ms(T0), end: ms(T0 + 300n * SEC) };
const qs = `start=${range.start}&end=${range.end}`;

/** Points from [step index, value] pairs. */
function points(values: [number, number][]): MetricSeries['points'] {
  return values.map(([step, v]) => ({ t: range.start + step * 60_000, v }));
}

describe('metrics API', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertMetrics(temp.store, metricPoints.slice(0, 12));
    await insertMetrics(temp.store, metricPoints.slice(12));
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const query = async (body: Partial<MetricQueryRequest>): Promise<MetricSeries[]> => {
    const reply = await call<MetricQueryResponse>(app, 'POST', '/api/v1/metrics/query', { ...range, stepSeconds: 60, ...body });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.series;
  };

  it('lists metrics with their type, unit, temporality and monotonicity', async () => {
    const reply = await call<MetricListResponse>(app, 'GET', `/api/v1/metrics?${qs}`);
    assert.equal(reply.status, 200);
    assert.deepEqual(
      reply.body.metrics.map((m) => [m.name, m.type, m.unit, m.temporality, m.monotonic]),
      [
        ['bytes.sent', 'sum', 'By', 1, true],
        ['cpu.temp', 'gauge', 'Cel', 0, false],
        ['exp.cum', 'exponential_histogram', 'ms', 2, false],
        ['exp.latency', 'exponential_histogram', 'ms', 1, false],
        ['http.requests', 'sum', '{request}', 2, true],
        ['latency', 'histogram', 'ms', 1, false],
        ['latency.cum', 'histogram', 's', 2, false],
        ['rpc.duration', 'summary', 'ms', 0, false],
      ],
    );
    assert.equal(reply.body.metrics[1]?.description, 'CPU temperature');
    const future = await call<MetricListResponse>(app, 'GET', `/api/v1/metrics?start=${range.end + 7_200_000}&end=${range.end + 9_000_000}`);
    assert.deepEqual(future.body, { metrics: [] });
    const prefixed = await call<MetricListResponse>(app, 'GET', `/api/v1/metrics?${qs}&prefix=latency`);
    assert.deepEqual(prefixed.body.metrics.map((m) => m.name), ['latency', 'latency.cum']);
  });

  it('lists label keys and values, overall and per metric', async () => {
    assert.deepEqual((await call<LabelKeysResponse>(app, 'GET', `/api/v1/metrics/labels?${qs}&metric=http.requests`)).body, { keys: ['route', 'service.name'] });
    assert.deepEqual((await call<LabelKeysResponse>(app, 'GET', `/api/v1/metrics/labels?${qs}`)).body, { keys: ['host', 'peer', 'pod', 'route', 'service.name'] });
    assert.deepEqual((await call<LabelValuesResponse>(app, 'GET', `/api/v1/metrics/labels/route/values?${qs}&metric=latency`)).body, { values: ['/a', '/b'] });
    assert.deepEqual((await call<LabelValuesResponse>(app, 'GET', `/api/v1/metrics/labels/service.name/values?${qs}`)).body, { values: ['checkout', 'payments'] });
  });

  it('aggregates gauges (last value per series and step) per group', async () => {
    assert.deepEqual(await query({ name: 'cpu.temp', aggregation: 'max' }), [{ labels: {}, points: points([[0, 55], [1, 60.5]]) }]);
    assert.deepEqual(await query({ name: 'cpu.temp', aggregation: 'avg' }), [{ labels: {}, points: points([[0, 47.5], [1, 60.5]]) }]);
    assert.deepEqual(await query({ name: 'cpu.temp', aggregation: 'count' }), [{ labels: {}, points: points([[0, 2], [1, 1]]) }]);
    assert.deepEqual(await query({ name: 'cpu.temp', groupBy: ['host'] }), [
      { labels: { host: 'a' }, points: points([[0, 55], [1, 60.5]]) },
      { labels: { host: 'b' }, points: points([[0, 40]]) },
    ]);
  });

  it('computes increase and rate of a cumulative counter across a restart', async () => {
    const increaseA = points([[0, 10], [1, 20], [2, 5], [3, 20], [4, 15]]);
    assert.deepEqual(await query({ name: 'http.requests', function: 'increase', groupBy: ['route'] }), [
      { labels: { route: '/a' }, points: increaseA },
      { labels: { route: '/b' }, points: points([[0, 3], [1, 3]]) },
    ]);
    assert.deepEqual(await query({ name: 'http.requests', function: 'increase' }), [{ labels: {}, points: points([[0, 13], [1, 23], [2, 5], [3, 20], [4, 15]]) }]);
    assert.deepEqual(await query({ name: 'http.requests', function: 'rate', filters: [{ label: 'route', op: 'regex', value: '/a|/c' }] }), [
      { labels: {}, points: increaseA.map((p) => ({ t: p.t, v: p.v / 60 })) },
    ]);
    assert.deepEqual(await query({ name: 'http.requests', groupBy: ['route'], filters: [{ label: 'route', op: 'not_equals', value: '/b' }] }), [
      { labels: { route: '/a' }, points: points([[0, 110], [1, 130], [2, 5], [3, 25], [4, 40]]) },
    ]);
    assert.deepEqual(await query({ name: 'http.requests', function: 'increase', groupBy: ['service.name', 'route'], filters: [{ label: 'service.name', op: 'equals', value: 'payments' }, { label: 'route', op: 'exists' }] }), [
      { labels: { 'service.name': 'payments', route: '/b' }, points: points([[0, 3], [1, 3]]) },
    ]);
  });

  it('sums delta counters per step; rate divides by the step', async () => {
    assert.deepEqual(await query({ name: 'bytes.sent' }), [{ labels: {}, points: points([[0, 22], [1, 1]]) }]);
    assert.deepEqual(await query({ name: 'bytes.sent', function: 'rate', groupBy: ['peer'] }), [
      { labels: { peer: 'x' }, points: points([[0, 12 / 60], [1, 1 / 60]]) },
      { labels: { peer: 'y' }, points: points([[0, 10 / 60]]) },
    ]);
  });

  it('interpolates histogram quantiles from merged delta buckets', async () => {
    // Step 0 merged buckets (≤10, ≤50, ≤100, +Inf) = [3, 5, 9, 1]: rank 9 falls in (50, 100] at 1 of 9.
    assert.deepEqual(await query({ name: 'latency', quantile: 0.5 }), [{ labels: {}, points: points([[0, 50 + 50 * (1 / 9)]]) }]);
    assert.deepEqual(await query({ name: 'latency', quantile: 0.99 }), [{ labels: {}, points: points([[0, 100]]) }]);
    assert.deepEqual(await query({ name: 'latency', quantile: 0.5, groupBy: ['route'] }), [
      { labels: { route: '/a' }, points: points([[0, 10 + 40 * (4.5 / 5)]]) },
      { labels: { route: '/b' }, points: points([[0, 50 + 50 * (1.5 / 4)]]) },
    ]);
    assert.deepEqual(await query({ name: 'latency' }), [{ labels: {}, points: points([[0, 18]]) }]);
  });

  it('takes increases of cumulative histograms, a drop in count restarting the series', async () => {
    // Step 0: [3,2,0] − [1,1,0] = [2,1,0] → rank 1.5 in (0, 1]; step 1: reset to [1,0,0] → rank 0.5 in (0, 1].
    assert.deepEqual(await query({ name: 'latency.cum', quantile: 0.5 }), [{ labels: {}, points: points([[0, 0.75], [1, 0.5]]) }]);
    assert.deepEqual(await query({ name: 'latency.cum', function: 'increase' }), [{ labels: {}, points: points([[0, 3], [1, 1]]) }]);
  });

  it('computes exponential histogram quantiles across scales, zero and negative buckets', async () => {
    // Step 0 at scale 0: (1,2]:1, (2,4]:2+2 (scale-1 bucket 2 folded into 1), (4,8]:1; rank 1.5 → 2 + 2·(0.5/4).
    // Step 1: [-2,-1):2, zero:2, (2,4]:2; rank 1.5 → −2 + 1·(1.5/2).
    assert.deepEqual(await query({ name: 'exp.latency', quantile: 0.25 }), [{ labels: {}, points: points([[0, 2.25], [1, -1.25]]) }]);
    // Cumulative: [3,1,1] − [1,1] = (1,2]:2, (4,8]:1 → rank 1.5 → 1 + 1·(1.5/2).
    assert.deepEqual(await query({ name: 'exp.cum', quantile: 0.5 }), [{ labels: {}, points: points([[0, 1.75]]) }]);
  });

  it('reports a summary quantile only where it is stored', async () => {
    assert.deepEqual(await query({ name: 'rpc.duration', quantile: 0.99 }), [{ labels: {}, points: points([[0, 60]]) }]);
    assert.deepEqual(await query({ name: 'rpc.duration', quantile: 0.9 }), []);
    assert.deepEqual(await query({ name: 'rpc.duration' }), [{ labels: {}, points: points([[0, 120]]) }]);
  });

  it('rejects queries that do not fit the metric or the request schema', async () => {
    const cases: [Partial<MetricQueryRequest> & Record<string, unknown>, number, string, string][] = [
      [{ name: 'cpu.temp', function: 'rate' }, 400, 'QUERY_INVALID', 'function: rate applies to counters (monotonic sums); cpu.temp is a gauge'],
      [{ name: 'cpu.temp', quantile: 0.5 }, 400, 'QUERY_INVALID', 'quantile: applies to histograms and summaries; cpu.temp is a gauge'],
      [{ name: 'latency', quantile: 0.5, function: 'rate' }, 400, 'QUERY_INVALID', 'function: does not combine with quantile'],
      [{ name: 'cpu.temp', stepSeconds: 0.001 }, 400, 'QUERY_INVALID', 'stepSeconds: the range would have 300000 steps; at most 11000 (use a larger step)'],
      [{ name: 'cpu.temp', aggregation: 'median' as 'sum' }, 400, 'QUERY_INVALID', 'aggregation: Invalid option: expected one of "sum"|"avg"|"min"|"max"|"count"'],
      [{ name: 'cpu.temp', filters: [{ label: 'host', op: 'equals' }] }, 400, 'QUERY_INVALID', 'filters.0.value: is required for equals'],
      [{ name: 'nope' }, 404, 'NOT_FOUND', 'metric nope not found'],
    ];
    for (const [body, status, code, message] of cases) {
      const reply = await call(app, 'POST', '/api/v1/metrics/query', { ...range, stepSeconds: 60, ...body });
      assert.deepEqual(reply, { status, body: { error: { code, message } } }, JSON.stringify(body));
    }
    const regex = await call<{ error: { code: string; message: string } }>(app, 'POST', '/api/v1/metrics/query', {
      ...range,
      stepSeconds: 60,
      name: 'cpu.temp',
      filters: [{ label: 'host', op: 'regex', value: 'a(' }],
    });
    assert.equal(regex.status, 400);
    assert.equal(regex.body.error.code, 'QUERY_INVALID');
    assert.match(regex.body.error.message, /^filters: invalid regular expression/);
    const missing = await call(app, 'GET', '/api/v1/metrics/labels?metric=x');
    assert.deepEqual(missing, { status: 400, body: { error: { code: 'QUERY_INVALID', message: 'start: is required; end: is required' } } });
  });
});
