import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ApmOperationsResponse, ApmServiceSeriesResponse, ApmServicesResponse, ApmServiceSummary, RedStats } from '@sightline/contract';
import { call, testApp, TEST_APM_CONFIG, getOk } from '../../test/support/api-app.ts';
import { assertClose, insertSpanMetrics, nearestRank } from '../../test/support/apm-metric-rows.ts';
import {
  DATA_MINUTES,
  exactApdex,
  expectedOf,
  H0,
  OVERFLOW,
  scenarioBatches,
  scenarioSpans,
  type Expected,
  type FakeSpan,
} from '../../test/support/apm-service-scenario.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { planSources } from '../query/apm/apm-range.ts';

const spans = scenarioSpans();
const checkoutRequests = (s: FakeSpan) => s.service === 'checkout' && s.isEntry;
/** One hour of the minute tables; ranges are [start, end) in unix seconds. */
const SHORT = { startS: H0 + 3600, endS: H0 + 7200 };
/** 4 h 26 min with ragged ends: whole hours from the hourly rollup, the ends from the minute table. */
const LONG = { startS: H0 + 17 * 60, endS: H0 + 4 * 3600 + 43 * 60 };

function query(range: { startS: number; endS: number }, extra = ''): string {
  return `start=${range.startS * 1000}&end=${range.endS * 1000}${extra}`;
}

function assertStats(actual: RedStats, expected: Expected, seconds: number, what: string): void {
  assert.equal(actual.calls, expected.calls, `${what} calls`);
  assert.equal(actual.errors, expected.errors, `${what} errors`);
  assert.equal(actual.rate, expected.calls / seconds, `${what} rate`);
  assert.equal(actual.errorRate, expected.errors / expected.calls, `${what} error rate`);
  const sum = expected.durations.reduce((a, b) => a + b, 0);
  assertClose(actual.avgMs, sum / expected.calls, `${what} avg`, 1e-9);
  assertClose(actual.maxMs, Math.max(...expected.durations), `${what} max`, 1e-9);
  assertClose(actual.p50Ms, nearestRank(expected.durations, 0.5), `${what} p50`);
  assertClose(actual.p90Ms, nearestRank(expected.durations, 0.9), `${what} p90`);
  assertClose(actual.p95Ms, nearestRank(expected.durations, 0.95), `${what} p95`);
  assertClose(actual.p99Ms, nearestRank(expected.durations, 0.99), `${what} p99`);
}

describe('APM services API over the span-metrics aggregates', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    for (const batch of scenarioBatches(spans)) await insertSpanMetrics(temp.store, batch);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const get = <T>(url: string): Promise<T> => getOk<T>(app, url);
  const service = (body: ApmServicesResponse, name: string): ApmServiceSummary => {
    const found = body.services.find((s) => s.name === name);
    assert.ok(found, `service ${name} listed`);
    return found;
  };

  it('lists each service’s requests with exact counts, rates, percentiles within 1% and apdex', async () => {
    const body = await get<ApmServicesResponse>(`/api/v1/apm/services?${query(SHORT)}`);
    assert.deepEqual(body.services.map((s) => [s.name, s.active]), [['checkout', true], ['legacy', false], ['payments', true]]);
    const checkout = service(body, 'checkout');
    const expected = expectedOf(spans, SHORT.startS, SHORT.endS, checkoutRequests);
    assertStats(checkout, expected, 3600, 'checkout');
    assert.equal(checkout.apdexThresholdMs, TEST_APM_CONFIG.defaultApdexThresholdMs);
    assert.equal(checkout.apdex, exactApdex(expected, 500));
    const payments = expectedOf(spans, SHORT.startS, SHORT.endS, (s) => s.service === 'payments');
    assertStats(service(body, 'payments'), payments, 3600, 'payments');
  });

  it('gives sparklines of requests and errors per step that add up to the totals', async () => {
    const checkout = service(await get<ApmServicesResponse>(`/api/v1/apm/services?${query(SHORT)}`), 'checkout');
    const { startMs, stepSeconds, calls, errors } = checkout.sparkline;
    assert.equal(stepSeconds, 120);
    assert.equal(startMs, SHORT.startS * 1000);
    assert.equal(calls.length, 30);
    calls.forEach((value, index) => {
      const from = SHORT.startS + index * stepSeconds;
      assert.equal(value, expectedOf(spans, from, from + stepSeconds, checkoutRequests).calls, `step ${index}`);
    });
    assert.equal(errors.reduce((a, b) => a + b, 0), checkout.errors);
  });

  it('lists services quiet in the range as inactive with empty statistics', async () => {
    const legacy = service(await get<ApmServicesResponse>(`/api/v1/apm/services?${query(SHORT)}`), 'legacy');
    assert.equal(legacy.calls, 0);
    assert.equal(legacy.rate, 0);
    assert.equal(legacy.errorRate, 0);
    assert.equal(legacy.p50Ms, null);
    assert.equal(legacy.maxMs, null);
    assert.equal(legacy.apdex, null);
    assert.ok(legacy.sparkline.calls.every((value) => value === 0));
  });

  it('filters by deployment environment', async () => {
    const body = await get<ApmServicesResponse>(`/api/v1/apm/services?${query(SHORT, '&environment=staging')}`);
    assert.deepEqual(body.services.map((s) => [s.name, s.active]), [['payments', true]]);
    assert.deepEqual(body.overflow, []);
    const none = await get<ApmServicesResponse>(`/api/v1/apm/services?${query(SHORT, '&environment=nowhere')}`);
    assert.deepEqual(none.services, []);
  });

  it('reads whole hours from the hourly rollup on long ranges and gets the same totals', async () => {
    assert.ok(planSources(LONG).hour.length > 0, 'the long range reads the hourly table');
    const body = await get<ApmServicesResponse>(`/api/v1/apm/services?${query(LONG)}`);
    const seconds = LONG.endS - LONG.startS;
    assertStats(service(body, 'checkout'), expectedOf(spans, LONG.startS, LONG.endS, checkoutRequests), seconds, 'checkout (long)');
    assertStats(service(body, 'payments'), expectedOf(spans, LONG.startS, LONG.endS, (s) => s.service === 'payments'), seconds, 'payments (long)');
    const sparkline = service(body, 'checkout').sparkline;
    assert.equal(sparkline.stepSeconds % 3600, 0);
    assert.equal(sparkline.calls.reduce((a, b) => a + b, 0), expectedOf(spans, LONG.startS, LONG.endS, checkoutRequests).calls);
  });

  it('reports overflowed services and operations instead of listing them', async () => {
    const all = { startS: H0, endS: H0 + DATA_MINUTES * 60 };
    const body = await get<ApmServicesResponse>(`/api/v1/apm/services?${query(all)}`);
    assert.ok(body.services.every((s) => s.name !== OVERFLOW));
    assert.deepEqual(body.overflow, [
      { service: OVERFLOW, dimension: 'service', firstSeenMs: (H0 + 100 * 60) * 1000, lastSeenMs: (H0 + 109 * 60) * 1000, spans: 10, limit: 256 },
      { service: 'checkout', dimension: 'operation', firstSeenMs: (H0 + 200 * 60) * 1000, lastSeenMs: (H0 + 204 * 60) * 1000, spans: 5, limit: 2048 },
    ]);
    const ops = await get<ApmOperationsResponse>(`/api/v1/apm/services/checkout/operations?${query(all)}`);
    assert.deepEqual(ops.overflow.map((n) => [n.service, n.dimension, n.spans]), [['checkout', 'operation', 5]]);
    assert.ok(ops.operations.every((o) => o.name !== OVERFLOW));
  });

  it('lists every operation of a service, busiest first, with kind and entry point', async () => {
    const body = await get<ApmOperationsResponse>(`/api/v1/apm/services/checkout/operations?${query(SHORT)}`);
    assert.equal(body.service, 'checkout');
    assert.deepEqual(body.operations.map((o) => [o.name, o.spanKind, o.entryPoint]), [['GET /cart', 2, true], ['SELECT cart', 3, false]]);
    const [cart, select] = body.operations;
    assert.ok(cart !== undefined && select !== undefined);
    assertStats(cart, expectedOf(spans, SHORT.startS, SHORT.endS, (s) => s.operation === 'GET /cart'), 3600, 'GET /cart');
    assertStats(select, expectedOf(spans, SHORT.startS, SHORT.endS, (s) => s.operation === 'SELECT cart'), 3600, 'SELECT cart');
  });

  it('charts a service’s requests per step, null where there were none', async () => {
    const body = await get<ApmServiceSeriesResponse>(`/api/v1/apm/services/checkout/series?${query(SHORT, '&step=60')}`);
    assert.equal(body.stepSeconds, 60);
    assert.equal(body.startMs, SHORT.startS * 1000);
    assert.equal(body.operation, null);
    assert.equal(body.calls.length, 60);
    body.calls.forEach((calls, index) => {
      const from = SHORT.startS + index * 60;
      const expected = expectedOf(spans, from, from + 60, checkoutRequests);
      assert.equal(calls, expected.calls, `step ${index}`);
      assert.equal(body.errors[index], expected.errors);
      assert.equal(body.rate[index], expected.calls / 60);
      if (expected.calls === 0) {
        assert.deepEqual([body.errorRate[index], body.p50Ms[index], body.p99Ms[index], body.apdex[index]], [null, null, null, null]);
      } else {
        assert.equal(body.errorRate[index], expected.errors / expected.calls);
        assertClose(body.p50Ms[index] ?? null, nearestRank(expected.durations, 0.5), `p50 of step ${index}`);
        assertClose(body.p90Ms[index] ?? null, nearestRank(expected.durations, 0.9), `p90 of step ${index}`);
        assert.equal(body.apdex[index], exactApdex(expected, 500));
      }
    });
    assert.ok(body.calls.includes(0), 'the scenario has gaps');
  });

  it('charts one operation (whatever its kind) when asked', async () => {
    const body = await get<ApmServiceSeriesResponse>(`/api/v1/apm/services/checkout/series?${query(SHORT, '&operation=SELECT%20cart&step=600')}`);
    assert.equal(body.operation, 'SELECT cart');
    assert.equal(body.stepSeconds, 600);
    assert.deepEqual(body.calls, Array.from({ length: 6 }, () => 20));
    assert.ok(body.p50Ms.every((value) => value !== null && value >= 1 && value <= 20));
  });

  it('answers 400 with the error shape for a bad range', async () => {
    for (const path of ['/api/v1/apm/services', '/api/v1/apm/services/checkout/series', '/api/v1/apm/services/checkout/operations', '/api/v1/apm/services/checkout/instances', '/api/v1/apm/services/checkout/errors']) {
      const missing = await call<{ error: { code: string; message: string } }>(app, 'GET', `${path}?end=${SHORT.endS * 1000}`);
      assert.equal(missing.status, 400, path);
      assert.equal(missing.body.error.code, 'QUERY_INVALID');
      assert.match(missing.body.error.message, /start/);
      const reversed = await call<{ error: { code: string; message: string } }>(app, 'GET', `${path}?start=${SHORT.endS * 1000}&end=${SHORT.endS * 1000}`);
      assert.equal(reversed.status, 400, path);
      assert.match(reversed.body.error.message, /end: must be after start/);
    }
    const badStep = await call(app, 'GET', `/api/v1/apm/services/checkout/series?${query(SHORT, '&step=-5')}`);
    assert.equal(badStep.status, 400);
  });
});
