import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ApmApdexSettingsResponse, ApmServiceSeriesResponse, ApmServicesResponse } from '@sightline/contract';
import { call, testApp } from '../../test/support/api-app.ts';
import { insertSpanMetrics } from '../../test/support/apm-metric-rows.ts';
import { exactApdex, expectedOf, H0, scenarioBatches, scenarioSpans } from '../../test/support/apm-service-scenario.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const spans = scenarioSpans();
const RANGE = { startS: H0, endS: H0 + 3600 };
const range = `start=${RANGE.startS * 1000}&end=${RANGE.endS * 1000}`;

describe('APM apdex thresholds: default, per service, used by the services table and series', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    for (const batch of scenarioBatches(spans)) await insertSpanMetrics(temp.store, batch);
    app = testApp(temp.store, {}, undefined, { apm: { defaultApdexThresholdMs: 400 } });
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const put = async (service: string, payload: unknown) => {
    const response = await app.inject({ method: 'PUT', url: `/api/v1/apm/services/${encodeURIComponent(service)}/apdex`, payload: payload as object });
    return { status: response.statusCode, body: response.json<ApmApdexSettingsResponse & { error: { code: string; message: string } }>() };
  };
  const settings = async () => (await call<ApmApdexSettingsResponse>(app, 'GET', '/api/v1/apm/apdex')).body;
  const checkoutApdex = async () => {
    const body = (await call<ApmServicesResponse>(app, 'GET', `/api/v1/apm/services?${range}`)).body;
    const checkout = body.services.find((s) => s.name === 'checkout');
    assert.ok(checkout);
    return { thresholdMs: checkout.apdexThresholdMs, apdex: checkout.apdex };
  };
  const checkoutRequests = expectedOf(spans, RANGE.startS, RANGE.endS, (s) => s.service === 'checkout' && s.isEntry);

  it('starts with the configured default and no service thresholds', async () => {
    assert.deepEqual(await settings(), { defaultThresholdMs: 400, services: {} });
    assert.deepEqual(await checkoutApdex(), { thresholdMs: 400, apdex: exactApdex(checkoutRequests, 400) });
  });

  it('sets a service threshold, which the services table and the series then use', async () => {
    const reply = await put('checkout', { thresholdMs: 100 });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { defaultThresholdMs: 400, services: { checkout: 100 } });
    assert.deepEqual(await checkoutApdex(), { thresholdMs: 100, apdex: exactApdex(checkoutRequests, 100) });
    const series = (await call<ApmServiceSeriesResponse>(app, 'GET', `/api/v1/apm/services/checkout/series?${range}&step=3600`)).body;
    assert.equal(series.apdexThresholdMs, 100);
    assert.deepEqual(series.apdex, [exactApdex(checkoutRequests, 100)]);
  });

  it('keeps the latest of several updates and other services on the default', async () => {
    await put('checkout', { thresholdMs: 2000 });
    await put('checkout', { thresholdMs: 500 });
    await put('payments', { thresholdMs: 250.5 });
    assert.deepEqual(await settings(), { defaultThresholdMs: 400, services: { checkout: 500, payments: 250.5 } });
    assert.deepEqual(await checkoutApdex(), { thresholdMs: 500, apdex: exactApdex(checkoutRequests, 500) });
  });

  it('clears a threshold with null, back to the default', async () => {
    const reply = await put('checkout', { thresholdMs: null });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.services, { payments: 250.5 });
    assert.deepEqual(await checkoutApdex(), { thresholdMs: 400, apdex: exactApdex(checkoutRequests, 400) });
  });

  it('rejects bad bodies with 400 and the error shape, changing nothing', async () => {
    for (const payload of [{}, { thresholdMs: 0 }, { thresholdMs: -5 }, { thresholdMs: 'fast' }, { thresholdMs: 600_001 }]) {
      const reply = await put('checkout', payload);
      assert.equal(reply.status, 400, JSON.stringify(payload));
      assert.equal(reply.body.error.code, 'QUERY_INVALID');
      assert.match(reply.body.error.message, /thresholdMs/);
    }
    const notJson = await app.inject({ method: 'PUT', url: '/api/v1/apm/services/checkout/apdex', payload: '{', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json<{ error: { code: string } }>().error.code, 'QUERY_INVALID');
    assert.deepEqual((await settings()).services, { payments: 250.5 });
  });
});
