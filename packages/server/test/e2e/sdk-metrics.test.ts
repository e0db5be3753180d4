import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExportResultCode } from '@opentelemetry/core';
import { AggregationTemporality, DataPointType, type ExponentialHistogram, type MetricData } from '@opentelemetry/sdk-metrics';
import type { MetricInfo, MetricQueryRequest, MetricSeries } from '@sightline/contract';
import { ApiError, SdkApi, type MsRange } from '../support/sdk-api.ts';
import {
  metricNames,
  metricResourceAttributes,
  LATENCY_VALUES,
  PAYLOAD_VALUES,
  runMetricScenario,
  summaryRequestJson,
  type MetricNames,
  type MetricRun,
} from '../support/sdk-metric-scenario.ts';
import { captureSdkWarnings, describeResult, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { serverForSuite } from '../support/server-process.ts';

/** One step covers the whole query range, so each series has exactly one point, at the range start. */
const STEP_SECONDS = 3600;

function metricsNamed(run: MetricRun, name: string): MetricData[] {
  return run.collected.flatMap((resource) => resource.scopeMetrics).flatMap((scope) => scope.metrics).filter((metric) => metric.descriptor.name === name);
}

describe('metrics from the OpenTelemetry JS SDK come back exactly, over every OTLP transport', () => {
  const server = serverForSuite('sdk-metrics');
  const warnings = captureSdkWarnings();
  const testStart = Date.now();
  let api: SdkApi;
  const range = (): MsRange => ({ start: testStart - 60_000, end: Date.now() + 60_000 });

  before(() => {
    api = new SdkApi(server().ports.api);
  });
  after(() => warnings.stop());

  /** Runs a query over one step of the whole range (or from `from`); returns its series and the step's time. */
  async function query(service: string, request: Omit<MetricQueryRequest, 'start' | 'end' | 'stepSeconds'>, from?: number): Promise<{ series: MetricSeries[]; t: number }> {
    const { start: rangeStart, end } = range();
    const start = from ?? rangeStart;
    const filters = [{ label: 'service.name', op: 'equals' as const, value: service }, ...(request.filters ?? [])];
    const response = await api.queryMetric({ ...request, start, end, stepSeconds: STEP_SECONDS, filters });
    assert.equal(response.stepSeconds, STEP_SECONDS);
    assert.equal(response.metric.name, request.name);
    return { series: response.series, t: start };
  }

  /** The value of a query that must give one series with one point. */
  async function single(service: string, request: Omit<MetricQueryRequest, 'start' | 'end' | 'stepSeconds'>, from?: number): Promise<number> {
    const { series, t } = await query(service, request, from);
    assert.equal(series.length, 1, `one series for ${JSON.stringify(request)}`);
    assert.deepEqual(series[0]!.points.map((point) => point.t), [t]);
    return series[0]!.points[0]!.v;
  }

  for (const transport of SDK_TRANSPORTS) {
    describe(`over ${transport.protocol}`, () => {
      const service = `sdk-metrics-${transport.id}`;
      const names: MetricNames = metricNames(`e2e.${transport.id}`);
      let run: MetricRun;

      it('exports every collection, cumulative and delta, with SUCCESS and no warning from the SDK', async () => {
        const warningsBefore = warnings.messages.length;
        const cumulativeExporter = transport.metricExporter(server().ports, 'cumulative');
        const deltaExporter = transport.metricExporter(server().ports, 'delta');
        try {
          run = await runMetricScenario(service, names, cumulativeExporter, deltaExporter);
        } finally {
          await Promise.all([cumulativeExporter.shutdown(), deltaExporter.shutdown()]);
        }
        assert.deepEqual(run.results.map(describeResult), ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
        assert.ok(run.results.every((result) => result.code === ExportResultCode.SUCCESS));
        assert.deepEqual(warnings.messages.slice(warningsBefore), [], 'no partial success or other warning while exporting');
        // The exporters' temporality preference reached the readers (guards the expectations below).
        assert.ok(metricsNamed(run, names.requestsDelta).every((metric) => metric.aggregationTemporality === AggregationTemporality.DELTA));
        assert.ok(metricsNamed(run, names.requests).every((metric) => metric.aggregationTemporality === AggregationTemporality.CUMULATIVE));
        for (const name of [names.payload, names.payloadDelta]) {
          assert.ok(metricsNamed(run, name).every((metric) => metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM));
        }
        assert.ok(metricsNamed(run, names.payloadDelta).every((metric) => metric.aggregationTemporality === AggregationTemporality.DELTA));
      });

      it('lists every metric with its exact type, unit, description, temporality and monotonicity', async () => {
        const ours = (await api.listMetrics(range())).filter((metric) => metric.name.startsWith(`e2e.${transport.id}.`));
        const expected: MetricInfo[] = [
          { name: names.requests, type: 'sum', unit: '{request}', description: 'Requests served', temporality: 2, monotonic: true },
          { name: names.requestsDelta, type: 'sum', unit: '{request}', description: 'Requests served (delta)', temporality: 1, monotonic: true },
          { name: names.active, type: 'sum', unit: '{request}', description: 'Requests in flight', temporality: 2, monotonic: false },
          { name: names.temperature, type: 'gauge', unit: 'Cel', description: 'CPU temperature', temporality: 0, monotonic: false },
          { name: names.latency, type: 'histogram', unit: 'ms', description: 'Request duration', temporality: 2, monotonic: false },
          { name: names.latencyDelta, type: 'histogram', unit: 'ms', description: 'Request duration', temporality: 1, monotonic: false },
          { name: names.payload, type: 'exponential_histogram', unit: 'By', description: 'Payload size', temporality: 2, monotonic: false },
          { name: names.payloadDelta, type: 'exponential_histogram', unit: 'By', description: 'Payload size', temporality: 1, monotonic: false },
        ];
        assert.deepEqual(ours, expected.sort((a, b) => (a.name < b.name ? -1 : 1)));
      });

      it('lists the label keys and values of each metric: resource attributes and point attributes', async () => {
        const resourceKeys = Object.keys(metricResourceAttributes(service));
        const sorted = (keys: string[]): string[] => [...keys].sort();
        assert.deepEqual(await api.labelKeys(range(), names.requests), sorted([...resourceKeys, 'http.route']));
        assert.deepEqual(await api.labelKeys(range(), names.temperature), sorted([...resourceKeys, 'cpu']));
        assert.deepEqual(await api.labelKeys(range(), names.active), sorted(resourceKeys));
        assert.deepEqual(await api.labelValues('http.route', range(), names.requests), ['/cart', '/checkout']);
        assert.deepEqual(await api.labelValues('cpu', range(), names.temperature), ['0', '1']);
        assert.deepEqual(await api.labelValues('host.cores', range(), names.payload), ['8']);
        assert.deepEqual(await api.labelValues('service.name', range(), names.latency), [service]);
        const allKeys = await api.labelKeys(range());
        assert.ok(['http.route', 'cpu', ...resourceKeys].every((key) => allKeys.includes(key)), allKeys.join());
      });

      it('counts counter increases exactly, for cumulative and delta temporality', async () => {
        const { series, t } = await query(service, { name: names.requests, function: 'increase', groupBy: ['http.route'] });
        assert.deepEqual(series, [
          { labels: { 'http.route': '/cart' }, points: [{ t, v: 1 }] },
          { labels: { 'http.route': '/checkout' }, points: [{ t, v: 8 }] },
        ]);
        assert.equal(await single(service, { name: names.requests, function: 'increase' }), 9);
        assert.equal(await single(service, { name: names.requests }), 9, 'the last cumulative values, summed');
        assert.ok(Math.abs((await single(service, { name: names.requests, function: 'rate' })) - 9 / STEP_SECONDS) < 1e-12);
        assert.equal(await single(service, { name: names.requests, function: 'increase', filters: [{ label: 'http.route', op: 'regex', value: '/check.*' }] }), 8);

        const delta = await query(service, { name: names.requestsDelta, function: 'increase', groupBy: ['http.route'] });
        assert.deepEqual(delta.series, [
          { labels: { 'http.route': '/cart' }, points: [{ t: delta.t, v: 2 }] },
          { labels: { 'http.route': '/checkout' }, points: [{ t: delta.t, v: 7 }] },
        ]);
        assert.equal(await single(service, { name: names.requestsDelta }), 9, 'delta points add up');
      });

      it('returns the last value of the up-down counter and the gauge, and refuses counter functions on them', async () => {
        assert.equal(await single(service, { name: names.active }), 8);
        const { series, t } = await query(service, { name: names.temperature, groupBy: ['cpu'] });
        assert.deepEqual(series, [
          { labels: { cpu: '0' }, points: [{ t, v: 80.125 }] },
          { labels: { cpu: '1' }, points: [{ t, v: 65.25 }] },
        ]);
        assert.equal(await single(service, { name: names.temperature, aggregation: 'max' }), 80.125);
        assert.equal(await single(service, { name: names.temperature, aggregation: 'min' }), 65.25);
        assert.equal(await single(service, { name: names.temperature, aggregation: 'avg' }), (80.125 + 65.25) / 2);
        assert.equal(await single(service, { name: names.temperature, aggregation: 'count' }), 2);
        assert.equal(await single(service, { name: names.temperature, filters: [{ label: 'cpu', op: 'equals', value: '1' }] }), 65.25);
        for (const name of [names.active, names.temperature]) {
          await assert.rejects(api.queryMetric({ ...range(), name, stepSeconds: STEP_SECONDS, function: 'increase' }), (error: unknown) => {
            assert.ok(error instanceof ApiError);
            assert.equal(error.status, 400);
            assert.equal(error.body.error.code, 'QUERY_INVALID');
            return true;
          });
        }
      });

      it('serves histogram counts and quantiles consistent with the recorded values', async () => {
        // Recorded 1, 7, 7, 30, 250, 8 into buckets (…5] (5,10] (10,25] (25,100] (100,…): 1, 3, 0, 1, 1.
        for (const name of [names.latency, names.latencyDelta]) {
          assert.equal(await single(service, { name }), 6, `${name} observation count`);
          assert.equal(await single(service, { name, function: 'increase' }), 6, `${name} observation increase`);
          // Rank 3 of 6 falls in (5, 10] holding observations 2..4: 5 + 5 · 2/3.
          assert.ok(Math.abs((await single(service, { name, quantile: 0.5 })) - 25 / 3) < 1e-9, `${name} median`);
          // Rank 4.5 falls in (25, 100] holding observation 5: 25 + 75 · 0.5.
          assert.equal(await single(service, { name, quantile: 0.75 }), 62.5, `${name} p75`);
        }
      });

      it('counts only what happened inside a range that starts between the two exports', async () => {
        const from = run.betweenMs;
        const { series, t } = await query(service, { name: names.requests, function: 'increase', groupBy: ['http.route'] }, from);
        assert.deepEqual(series, [
          { labels: { 'http.route': '/cart' }, points: [{ t, v: 0 }] },
          { labels: { 'http.route': '/checkout' }, points: [{ t, v: 5 }] },
        ]);
        assert.equal(await single(service, { name: names.requestsDelta, function: 'increase' }, from), 6);
        assert.equal(await single(service, { name: names.active }, from), 8);
        for (const name of [names.latency, names.latencyDelta]) {
          // Cumulative: the second point minus the first, read from before the range; delta: the second point.
          const inWindow = name === names.latency ? [8] : LATENCY_VALUES.slice(2);
          assert.equal(await single(service, { name, function: 'increase' }, from), inWindow.length, `${name} observations in the range`);
        }
        // Only 8 was recorded in the range: rank 0.5 of 1 in (5, 10].
        assert.equal(await single(service, { name: names.latency, quantile: 0.5 }, from), 7.5);
        assert.equal(await single(service, { name: names.latency }, from), LATENCY_VALUES.length, 'the last cumulative count');
      });

      it('serves exponential histogram counts and quantiles inside the bucket of the true value, cumulative and delta', async () => {
        for (const name of [names.payload, names.payloadDelta]) {
          const points = metricsNamed(run, name).flatMap((metric) => metric.dataPoints.map((point) => point.value as ExponentialHistogram));
          // The second collection saw 100 000 and lowered the scale: the server must align both points.
          assert.equal(points.length, 2);
          assert.ok(points[1]!.scale < points[0]!.scale, `${name} scales ${points.map((point) => point.scale).join(', ')}`);
          const scale = Math.min(...points.map((point) => point.scale));
          const base = 2 ** (2 ** -scale);
          /** Index i of the bucket (base^i, base^(i+1)] holding the value. */
          const bucketOf = (value: number): number => Math.ceil(Math.log2(value) * 2 ** scale) - 1;
          const assertInBucketOf = async (quantile: number, value: number): Promise<void> => {
            const result = await single(service, { name, quantile });
            const [lower, upper] = [base ** bucketOf(value), base ** (bucketOf(value) + 1)];
            assert.ok(result > lower && result <= upper, `${name} q${quantile} = ${result}, expected in (${lower}, ${upper}] (bucket of ${value}, scale ${scale})`);
          };
          assert.equal(await single(service, { name }), PAYLOAD_VALUES.length, `${name} observation count`);
          assert.equal(await single(service, { name, function: 'increase' }), PAYLOAD_VALUES.length, `${name} observation increase`);
          // Sorted: 0, 1..100, 100 000 (102). Rank 51 is the 51st observation, the value 50.
          await assertInBucketOf(0.5, 50);
          // Rank 1.02 lies just past the zero bucket, in the bucket holding 1; rank 101.898 in the top one.
          await assertInBucketOf(0.01, 1);
          await assertInBucketOf(0.999, 100_000);
          // Rank 0.51 lies in the zero bucket.
          assert.equal(await single(service, { name, quantile: 0.005 }), 0, `${name} zero bucket`);
        }
      });
    });
  }

  it('stores a hand-written OTLP/JSON Summary (the JS SDK cannot make one) and serves its quantiles and counts', async () => {
    const service = 'sdk-metrics-summary';
    const name = 'e2e.summary.rpc.latency';
    const now = BigInt(Date.now()) * 1_000_000n;
    const body = summaryRequestJson(service, name, now - 60_000_000_000n, [
      { timeUnixNano: now - 2_000_000_123n, count: 10, sum: 12.5, quantiles: [[0.5, 0.9], [0.99, 3.2]] },
      { timeUnixNano: now - 1_000_000_456n, count: 25, sum: 30, quantiles: [[0.5, 1.1], [0.99, 2.8]] },
    ]);
    const response = await fetch(`http://127.0.0.1:${server().ports.http}/v1/metrics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(response.status, 200);
    const answer = (await response.json()) as { partialSuccess?: { rejectedDataPoints?: string | number } };
    assert.equal(Number(answer.partialSuccess?.rejectedDataPoints ?? 0), 0);

    const listed = (await api.listMetrics(range())).find((metric) => metric.name === name);
    assert.deepEqual(listed, { name, type: 'summary', unit: 's', description: 'RPC latency quantiles from a Prometheus summary', temporality: 0, monotonic: false });
    assert.deepEqual(await api.labelKeys(range(), name), ['host.cores', 'rpc.method', 'service.name']);
    assert.deepEqual(await api.labelValues('rpc.method', range(), name), ['GetOrder']);
    assert.equal(await single(service, { name, quantile: 0.5 }), 1.1);
    assert.equal(await single(service, { name, quantile: 0.99 }), 2.8);
    assert.equal(await single(service, { name }), 25, 'the last observation count');
    assert.equal(await single(service, { name, function: 'increase' }), 25, 'observations since the start time');
    const { series } = await query(service, { name, quantile: 0.75 });
    assert.deepEqual(series, [], 'a quantile the summary does not carry has no value');
  });
});
