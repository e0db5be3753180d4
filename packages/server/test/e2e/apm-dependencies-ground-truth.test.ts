import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apmDependenciesResponseSchema, apmServiceMapResponseSchema, type ApmDependency, type DependencyType } from '@sightline/contract';
import { assertClose, nearestRank } from '../support/apm-metric-rows.ts';
import { buildDependencyScenario, MINUTES, ORDERS, SHIPPING, WEB, type SentCall } from '../support/apm-dependency-scenario.ts';
import { captureSdkWarnings, describeResult, exportThrough, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { apiGet, serverForSuite } from '../support/server-process.ts';

/** Twenty minutes ago, on a whole minute. */
const START_S = Math.floor(Date.now() / 60_000) * 60 - 20 * 60;
const scenario = buildDependencyScenario(START_S);
const SECONDS = MINUTES * 60;
const range = `start=${START_S * 1000}&end=${scenario.endS * 1000}`;

function sent(service: string, kind: SentCall['kind']): SentCall[] {
  return scenario.calls.filter((call) => call.service === service && call.kind === kind);
}

/** Exact calls, errors and rate; p99 within 1% of the nearest-rank value of what was sent. */
function assertCalls(actual: ApmDependency | undefined, calls: readonly SentCall[], what: string): void {
  assert.ok(actual, `${what}: listed`);
  const errors = calls.filter((call) => call.error).length;
  assert.deepEqual([actual.calls, actual.errors], [calls.length, errors], `${what}: calls, errors`);
  assert.equal(actual.rate, calls.length / SECONDS, `${what}: rate`);
  assertClose(actual.p99Ms, nearestRank(calls.map((call) => call.durationMs), 0.99), `${what}: p99`);
}

describe('APM dependencies and service map match the spans sent through the OpenTelemetry SDK', () => {
  const server = serverForSuite('apm-dependencies');
  const warnings = captureSdkWarnings();
  after(() => warnings.stop());

  const dependencies = async (service: string, type: DependencyType): Promise<ApmDependency[]> =>
    (await apiGet(server(), apmDependenciesResponseSchema, `/apm/services/${service}/dependencies?type=${type}&${range}`)).dependencies;

  before(async () => {
    for (const [service, spans] of scenario.byService) {
      const exporter = SDK_TRANSPORTS[0]!.traceExporter({ grpc: server().ports.grpc, http: server().ports.http });
      assert.equal(describeResult(await exportThrough(exporter, spans)), 'SUCCESS', service);
      await exporter.shutdown();
    }
    assert.deepEqual(warnings.messages, []);
  });

  it('lists database calls under both naming conventions as one, without connection-pool spans', async () => {
    const db = await dependencies(ORDERS, 'db');
    assert.deepEqual(db.map((d) => [d.system, d.target, d.operation]), [['postgresql', 'shop', 'SELECT']]);
    assertCalls(db[0], sent(ORDERS, 'db'), 'postgresql');
  });

  it('lists external calls by host and port, old and new attribute names alike', async () => {
    const external = await dependencies(WEB, 'external');
    const byTarget = new Map(external.map((d) => [d.target, d]));
    assert.deepEqual([...byTarget.keys()].sort(), ['api.payments.test:443', 'orders.internal:8080']);
    assertCalls(byTarget.get('orders.internal:8080'), sent(WEB, 'http-orders'), 'orders over http');
    assertCalls(byTarget.get('api.payments.test:443'), sent(WEB, 'http-payments'), 'payments api');
  });

  it('lists messages produced and consumed', async () => {
    const produced = await dependencies(ORDERS, 'messaging');
    assert.deepEqual(produced.map((d) => [d.system, d.target, d.operation]), [['kafka', 'orders', 'publish']]);
    assertCalls(produced[0], sent(ORDERS, 'publish'), 'publish');
    const consumed = await dependencies(SHIPPING, 'messaging');
    assert.deepEqual(consumed.map((d) => [d.system, d.target, d.operation]), [['kafka', 'orders', 'process']]);
    assertCalls(consumed[0], sent(SHIPPING, 'consume'), 'consume');
  });

  it('draws the service map: services, the database, the topic and the external API, with exact edges', async () => {
    const map = await apiGet(server(), apmServiceMapResponseSchema, `/apm/service-map?${range}`);
    assert.deepEqual(map.nodes.map((n) => n.id).sort(), [
      'database:postgresql/shop',
      'external:api.payments.test:443',
      `messaging:kafka/orders`,
      `service:${ORDERS}`,
      `service:${SHIPPING}`,
      `service:${WEB}`,
    ]);
    const edges = new Map(map.edges.map((e) => [`${e.source} -> ${e.target}`, e]));
    assert.deepEqual([...edges.keys()].sort(), [
      `messaging:kafka/orders -> service:${SHIPPING}`,
      `service:${ORDERS} -> database:postgresql/shop`,
      `service:${ORDERS} -> messaging:kafka/orders`,
      `service:${WEB} -> external:api.payments.test:443`,
      `service:${WEB} -> service:${ORDERS}`,
    ]);
    const toOrders = edges.get(`service:${WEB} -> service:${ORDERS}`);
    const httpCalls = sent(WEB, 'http-orders');
    assert.deepEqual([toOrders?.calls, toOrders?.errors], [httpCalls.length, httpCalls.filter((c) => c.error).length]);
    const toDb = edges.get(`service:${ORDERS} -> database:postgresql/shop`);
    assert.deepEqual([toDb?.calls, toDb?.errors], [sent(ORDERS, 'db').length, sent(ORDERS, 'db').filter((c) => c.error).length]);
    const consumed = edges.get(`messaging:kafka/orders -> service:${SHIPPING}`);
    assert.equal(consumed?.calls, sent(SHIPPING, 'consume').length);
  });
});
