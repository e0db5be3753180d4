import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apmAlertQuerySchema, exceptionsAlertQuerySchema, type ApmAlertQuery, type ExceptionsAlertQuery, type MetricSeries } from '@sightline/contract';
import { Registry } from 'prom-client';
import { TEST_APM_CONFIG, TEST_QUERY_CONFIG } from '../../../../test/support/api-app.ts';
import { seededRandom } from '../../../../test/support/apm-metric-rows.ts';
import { idBytes, sampleSpan } from '../../../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../../../test/support/temp-store.ts';
import { IngestMetrics } from '../../../pipeline/ingest-metrics.ts';
import { IngestPipeline } from '../../../pipeline/ingest-pipeline.ts';
import { SPAN_FLAG_HAS_IS_REMOTE, SPAN_FLAG_IS_REMOTE } from '../../../pipeline/span-metrics/entry-spans.ts';
import { SpanMetricsStage } from '../../../pipeline/span-metrics/span-metrics-stage.ts';
import type { Attributes } from '../../../signals/any-value.ts';
import type { ResourceInfo } from '../../../signals/resource.ts';
import { SpanKind, StatusCode, type SpanRow } from '../../../signals/span.ts';
import { insertTarget } from '../../../storage/encode/encode-rows.ts';
import { INSERT_TABLES } from '../../../storage/schema/tables.ts';
import { encodeTracesWithAggregates } from '../../../workers/decode-encode.ts';
import { exceptionGroups } from '../../apm/exception-groups.ts';
import { operationsTable } from '../../apm/operations-table.ts';
import { serviceSeries } from '../../apm/service-series.ts';
import { servicesTable } from '../../apm/services-table.ts';
import { queryRuleSeries } from './query-rule-series.ts';
import type { TimeRange } from '../../time-range.ts';

const SEC = 1_000_000_000n;
const HOUR = 3600;
/** Six whole hours ago (recent: older rows expire at once), then four hours of spans. */
const H = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 6 * HOUR;
const MINUTES = 240;
const WEIRD_TYPE = 'Err"or\\X\n\' OR 1=1';

/** One span as plain facts: what every expected count is computed from. */
interface Fact {
  readonly minute: number;
  readonly service: string;
  readonly operation: string;
  readonly entry: boolean;
  readonly error: boolean;
  readonly exceptionType?: string;
}

function strings(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

function resourceOf(service: string, environment: string): ResourceInfo {
  return { attributes: strings({ 'service.name': service, 'deployment.environment.name': environment }), droppedAttributesCount: 0, schemaUrl: '' };
}

const SHOP = resourceOf('shop', 'prod');
const MAILER = resourceOf('mailer', 'staging');

/** One request per minute: shop's GET /cart (with a database call each) and POST /pay, mailer's consumed messages. */
function scenario(): { requests: SpanRow[][]; facts: Fact[] } {
  const random = seededRandom(11);
  const facts: Fact[] = [];
  const requests: SpanRow[][] = [];
  let id = 1;
  const hex = (bytes: number) => (id++).toString(16).padStart(bytes * 2, '0');
  const ms = (min: number, max: number) => BigInt(Math.round((min + (max - min) * random()) * 1e6));
  for (let m = 0; m < MINUTES; m++) {
    const spans: SpanRow[] = [];
    const minute = H + m * 60;
    const span = (fields: Partial<SpanRow> & { name: string; resource: ResourceInfo }, startS: number, duration: bigint, fact: Omit<Fact, 'minute' | 'operation'>): SpanRow => {
      const start = BigInt(minute + startS) * SEC;
      const exception =
        fact.exceptionType === undefined
          ? []
          : [{ name: 'exception', timeUnixNano: start + 1_000_000n, droppedAttributesCount: 0, attributes: strings({ 'exception.type': fact.exceptionType, 'exception.message': `failed at minute ${m}` }) }];
      const row = sampleSpan({ traceId: idBytes(hex(16)), spanId: idBytes(hex(8)), attributes: [], startTimeUnixNano: start, endTimeUnixNano: start + duration, events: exception, statusCode: fact.error ? StatusCode.ERROR : StatusCode.UNSET, ...fields });
      spans.push(row);
      facts.push({ minute, operation: fields.name, ...fact });
      return row;
    };
    const carts = m % 13 === 7 ? 0 : 1 + (m % 4);
    for (let i = 0; i < carts; i++) {
      const error = i === 0 && m % 5 === 0;
      const root = span({ name: 'GET /cart', kind: SpanKind.SERVER, resource: SHOP }, i * 7, ms(5, 900), {
        service: 'shop',
        entry: true,
        error,
        ...(error ? { exceptionType: m % 10 === 0 ? WEIRD_TYPE : 'TimeoutError' } : {}),
      });
      span({ name: 'SELECT cart', kind: SpanKind.CLIENT, resource: SHOP, traceId: root.traceId, parentSpanId: root.spanId }, i * 7, ms(1, 20), { service: 'shop', entry: false, error: error && m % 2 === 0 });
    }
    if (m % 2 === 1) {
      const error = m % 6 === 1;
      span({ name: 'POST /pay', kind: SpanKind.SERVER, resource: SHOP }, 40, ms(20, 400), { service: 'shop', entry: true, error, ...(error ? { exceptionType: 'CardDeclined' } : {}) });
    }
    if (m % 3 === 0) {
      span({ name: 'send mail', kind: SpanKind.CONSUMER, resource: MAILER, parentSpanId: idBytes(hex(8)), flags: 1 | SPAN_FLAG_HAS_IS_REMOTE | SPAN_FLAG_IS_REMOTE }, 50, ms(100, 2000), {
        service: 'mailer',
        entry: true,
        error: false,
      });
    }
    requests.push(spans);
  }
  return { requests, facts };
}

const { requests, facts } = scenario();

/** Through the real pipeline: raw spans, exceptions, and the span-metrics stage's aggregates (hourly rollups by view). */
async function ingest(temp: TempStore): Promise<void> {
  const targets = new Map(INSERT_TABLES.map((table) => [table.name, insertTarget(table)]));
  const stage = new SpanMetricsStage({ maxServices: 64, maxOperationsPerService: 64, capWindowSeconds: 60 }, new Registry());
  const options = { batchMaxRows: 10_000, batchMinRows: 1, batchMaxAgeMs: 20, aggregateBatchMaxAgeMs: 20, maxPendingBytes: 64_000_000, retryAfterSeconds: 1 };
  const pipeline = new IngestPipeline(temp.store, targets, options, new IngestMetrics(new Registry()), undefined, (batch) =>
    batch.spanMetrics === undefined ? [] : stage.chunksFor(batch.spanMetrics),
  );
  await Promise.all(requests.map((rows) => pipeline.admit(1000).commit(encodeTracesWithAggregates({ rows, rejected: 0, rejectionMessage: '' }, { normalizeSpanNames: true }))));
  await pipeline.close();
}

const rangeOf = (startS: number, endS: number): TimeRange => ({ startNs: BigInt(startS) * SEC, endNs: BigInt(endS) * SEC });
/** The second hour: minute steps include minutes without shop requests (m % 13 = 7). */
const SHORT = { startS: H + HOUR, endS: H + 2 * HOUR };
/** All four hours: hour steps read the hourly rollups. */
const LONG = { startS: H, endS: H + 4 * HOUR };

/** Expected points from an API array (one value per step from `startS`): null means no point. */
function pointsFrom(startS: number, stepSeconds: number, values: readonly (number | null)[]): MetricSeries['points'] {
  return values.flatMap((v, index) => (v === null ? [] : [{ t: (startS + index * stepSeconds) * 1000, v }]));
}

/** Facts per step of [startS, endS). */
function perStep(startS: number, endS: number, step: number, keep: (fact: Fact) => boolean): number[] {
  const counts = new Array<number>(Math.ceil((endS - startS) / step)).fill(0);
  for (const fact of facts) if (fact.minute >= startS && fact.minute < endS && keep(fact)) counts[Math.floor((fact.minute - startS) / step)]! += 1;
  return counts;
}

describe('rule series: APM measures and exceptions from spans ingested through the pipeline', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
    await ingest(temp);
  });
  after(async () => {
    await temp.dispose();
  });

  const apm = (query: Partial<ApmAlertQuery> & Pick<ApmAlertQuery, 'measure'>, range: { startS: number; endS: number }, step: number) =>
    queryRuleSeries(temp.store, TEST_QUERY_CONFIG, apmAlertQuerySchema.parse({ kind: 'apm', ...query }), rangeOf(range.startS, range.endS), step);
  const exceptions = (query: Partial<ExceptionsAlertQuery>, range: { startS: number; endS: number }, step: number) =>
    queryRuleSeries(temp.store, TEST_QUERY_CONFIG, exceptionsAlertQuerySchema.parse({ kind: 'exceptions', ...query }), rangeOf(range.startS, range.endS), step);
  const only = (series: MetricSeries[]): MetricSeries => {
    assert.equal(series.length, 1, JSON.stringify(series.map((s) => s.labels)));
    return series[0]!;
  };

  it('agrees with the service chart API for a service’s requests, per minute', async () => {
    const api = await serviceSeries(temp.store, TEST_QUERY_CONFIG, TEST_APM_CONFIG, { range: SHORT, service: 'shop', stepSeconds: 60 });
    assert.equal(api.stepSeconds, 60);
    assert.ok(api.calls.includes(0) && api.p50Ms.includes(null), 'the hour has minutes without requests');
    const expect = async (measure: ApmAlertQuery['measure'], values: readonly (number | null)[]) => {
      const result = await apm({ measure, service: 'shop' }, SHORT, 60);
      assert.equal(result.stepSeconds, 60);
      assert.deepEqual(only(result.series), { labels: {}, points: pointsFrom(SHORT.startS, 60, values) }, measure);
    };
    await expect('request_rate', api.rate);
    await expect('error_count', api.errors);
    await expect('error_rate', api.errorRate.map((rate) => (rate === null ? null : rate * 100)));
    await expect('latency_p50', api.p50Ms);
    await expect('latency_p99', api.p99Ms);
    assert.deepEqual(api.calls, perStep(SHORT.startS, SHORT.endS, 60, (f) => f.service === 'shop' && f.entry), 'requests are the entry spans');
  });

  it('agrees with the services table over a whole step (rate, errors, error rate, average and percentiles)', async () => {
    const table = await servicesTable(temp.store, TEST_QUERY_CONFIG, TEST_APM_CONFIG, { range: SHORT });
    const shop = table.services.find((s) => s.name === 'shop');
    assert.ok(shop !== undefined);
    const value = async (measure: ApmAlertQuery['measure']) => only((await apm({ measure, service: 'shop' }, SHORT, HOUR)).series).points.map((p) => p.v);
    assert.deepEqual(await value('request_rate'), [shop.rate]);
    assert.deepEqual(await value('error_count'), [shop.errors]);
    assert.deepEqual(await value('error_rate'), [shop.errorRate * 100]);
    const close = (actual: number[], expected: number | null, what: string) => {
      assert.equal(actual.length, 1);
      assert.ok(expected !== null && Math.abs(actual[0]! - expected) <= 1e-9 * expected, `${what}: ${actual[0]} vs ${expected}`);
    };
    close(await value('latency_avg'), shop.avgMs, 'avg');
    close(await value('latency_p50'), shop.p50Ms, 'p50');
    close(await value('latency_p95'), shop.p95Ms, 'p95');
    close(await value('latency_p99'), shop.p99Ms, 'p99');
  });

  it('reads hour steps from the hourly rollups and agrees with the service chart API', async () => {
    const api = await serviceSeries(temp.store, TEST_QUERY_CONFIG, TEST_APM_CONFIG, { range: LONG, service: 'shop', stepSeconds: HOUR });
    assert.equal(api.stepSeconds, HOUR);
    assert.deepEqual(only((await apm({ measure: 'request_rate', service: 'shop' }, LONG, HOUR)).series).points, pointsFrom(LONG.startS, HOUR, api.rate));
    assert.deepEqual(only((await apm({ measure: 'latency_p99', service: 'shop' }, LONG, HOUR)).series).points, pointsFrom(LONG.startS, HOUR, api.p99Ms));
  });

  it('counts exactly at steps that are not whole hours on long ranges (minute tables)', async () => {
    const step = 300;
    const result = await apm({ measure: 'span_count', service: 'shop' }, LONG, step);
    assert.equal(result.stepSeconds, step);
    assert.deepEqual(only(result.series).points, pointsFrom(LONG.startS, step, perStep(LONG.startS, LONG.endS, step, (f) => f.service === 'shop')));
    const rate = await apm({ measure: 'request_rate', service: 'shop' }, LONG, step);
    assert.deepEqual(only(rate.series).points, pointsFrom(LONG.startS, step, perStep(LONG.startS, LONG.endS, step, (f) => f.service === 'shop' && f.entry).map((n) => n / step)));
  });

  it('agrees with the operation chart API and the operations table for one operation', async () => {
    const api = await serviceSeries(temp.store, TEST_QUERY_CONFIG, TEST_APM_CONFIG, { range: SHORT, service: 'shop', operation: 'SELECT cart', stepSeconds: 60 });
    const query = { service: 'shop', operation: 'SELECT cart' };
    assert.deepEqual(only((await apm({ measure: 'request_rate', ...query }, SHORT, 60)).series).points, pointsFrom(SHORT.startS, 60, api.rate));
    assert.deepEqual(only((await apm({ measure: 'latency_p50', ...query }, SHORT, 60)).series).points, pointsFrom(SHORT.startS, 60, api.p50Ms));
    const [operation] = (await operationsTable(temp.store, TEST_QUERY_CONFIG, { range: SHORT, service: 'shop', limit: 10 })).filter((o) => o.name === 'SELECT cart');
    assert.ok(operation !== undefined && !operation.entryPoint);
    const whole = async (measure: ApmAlertQuery['measure']) => only((await apm({ measure, ...query }, SHORT, HOUR)).series).points.map((p) => p.v);
    assert.deepEqual(await whole('span_count'), [operation.calls]);
    assert.deepEqual(await whole('error_rate'), [operation.errorRate * 100]);
    assert.deepEqual(await whole('latency_p95'), [operation.p95Ms]);
    assert.deepEqual(await whole('latency_avg'), [operation.avgMs]);
  });

  it('groups by service and by operation, zero-filling counts', async () => {
    const byService = await apm({ measure: 'error_count', groupBy: ['service'] }, SHORT, 60);
    const expectedErrors = (service: string) => perStep(SHORT.startS, SHORT.endS, 60, (f) => f.service === service && f.entry && f.error);
    assert.deepEqual(
      byService.series.map((s) => [s.labels, s.points.map((p) => p.v)]),
      [
        [{ service: 'mailer' }, expectedErrors('mailer')],
        [{ service: 'shop' }, expectedErrors('shop')],
      ],
    );
    const byOperation = await apm({ measure: 'span_count', service: 'shop', groupBy: ['operation'] }, SHORT, 60);
    const table = await operationsTable(temp.store, TEST_QUERY_CONFIG, { range: SHORT, service: 'shop', limit: 10 });
    assert.deepEqual(byOperation.series.map((s) => s.labels.operation), ['GET /cart', 'POST /pay', 'SELECT cart']);
    for (const series of byOperation.series) {
      const operation = series.labels.operation;
      assert.deepEqual(series.points, pointsFrom(SHORT.startS, 60, perStep(SHORT.startS, SHORT.endS, 60, (f) => f.service === 'shop' && f.operation === operation)));
      assert.equal(series.points.reduce((sum, p) => sum + p.v, 0), table.find((o) => o.name === operation)?.calls);
    }
  });

  it('filters by environment; nothing matched gives no series', async () => {
    const staging = await apm({ measure: 'request_rate', environment: 'staging', groupBy: ['service'] }, SHORT, 60);
    assert.deepEqual(staging.series.map((s) => s.labels), [{ service: 'mailer' }]);
    assert.deepEqual((await apm({ measure: 'request_rate', environment: 'nowhere' }, SHORT, 60)).series, []);
    assert.deepEqual((await apm({ measure: 'request_rate', service: "shop' OR '1'='1" }, SHORT, 60)).series, []);
    assert.deepEqual((await apm({ measure: 'span_count', service: 'shop' }, { startS: H - HOUR, endS: H }, 60)).series, [], 'before any span');
  });

  it('rounds steps to whole minutes for the per-minute aggregates', async () => {
    const result = await apm({ measure: 'span_count', service: 'mailer' }, SHORT, 90);
    assert.equal(result.stepSeconds, 120);
    assert.deepEqual(only(result.series).points, pointsFrom(SHORT.startS, 120, perStep(SHORT.startS, SHORT.endS, 120, (f) => f.service === 'mailer')));
  });

  it('counts exceptions per step and group, as the exceptions API counts them', async () => {
    const result = await exceptions({ groupBy: ['service', 'exception_type'] }, SHORT, 60);
    const expected = (type: string) => perStep(SHORT.startS, SHORT.endS, 60, (f) => f.exceptionType === type);
    assert.deepEqual(
      result.series.map((s) => [s.labels, s.points.map((p) => p.v)]),
      [
        [{ service: 'shop', exception_type: 'CardDeclined' }, expected('CardDeclined')],
        [{ service: 'shop', exception_type: 'TimeoutError' }, expected('TimeoutError')],
        [{ service: 'shop', exception_type: WEIRD_TYPE }, expected(WEIRD_TYPE)],
      ].sort((a, b) => JSON.stringify(a[0]).localeCompare(JSON.stringify(b[0]))),
    );
    const groups = await exceptionGroups(temp.store, TEST_QUERY_CONFIG, { range: SHORT, limit: 100 });
    for (const series of result.series) {
      const total = groups.filter((g) => g.service === series.labels.service && g.type === series.labels.exception_type).reduce((sum, g) => sum + g.count, 0);
      assert.equal(series.points.reduce((sum, p) => sum + p.v, 0), total, series.labels.exception_type);
    }
  });

  it('filters exceptions by type (as data) and service; nothing matched gives no series', async () => {
    const weird = await exceptions({ exceptionType: WEIRD_TYPE }, SHORT, 300);
    assert.deepEqual(only(weird.series).points.map((p) => p.v), perStep(SHORT.startS, SHORT.endS, 300, (f) => f.exceptionType === WEIRD_TYPE));
    assert.deepEqual((await exceptions({ service: 'mailer' }, SHORT, 60)).series, []);
    const all = only((await exceptions({ service: 'shop' }, LONG, HOUR)).series);
    assert.deepEqual(all.points.map((p) => p.v), perStep(LONG.startS, LONG.endS, HOUR, (f) => f.exceptionType !== undefined));
  });
});
