import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ApmDependenciesResponse, ApmDependency, DependencyType } from '@sightline/contract';
import { call, testApp, TEST_APM_CONFIG } from '../../test/support/api-app.ts';
import { dependencyGroup, insertDependencyMetrics, type DependencyKey } from '../../test/support/apm-dependency-rows.ts';
import { assertClose, nearestRank, seededRandom } from '../../test/support/apm-metric-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import type { DependencyGroup } from '../signals/span-metrics.ts';

/** Thirty whole minutes ago: recent, minute-aligned. */
const M0 = Math.floor(Date.now() / 60_000) * 60 - 30 * 60;
const MINUTES = 10;
const OVERFLOW = '__overflow__';

interface Series {
  readonly key: Omit<DependencyKey, 'minute'>;
  /** Calls per minute, their duration range (ms), and how many of each minute's calls failed. */
  readonly perMinute: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly errorsPerMinute: number;
  readonly minutes?: readonly number[];
}

const checkout = (type: DependencyType, system: string, target: string, operation: string, extra: Partial<DependencyKey> = {}) =>
  ({ service: 'checkout', type, system, target, operation, environment: 'prod', ...extra }) as const;

const SERIES: readonly Series[] = [
  { key: checkout('db', 'postgresql', 'orders', 'SELECT'), perMinute: 9, minMs: 1, maxMs: 40, errorsPerMinute: 1 },
  { key: checkout('db', 'postgresql', 'orders', 'INSERT'), perMinute: 3, minMs: 80, maxMs: 300, errorsPerMinute: 0 },
  { key: checkout('db', 'redis', '', 'GET'), perMinute: 20, minMs: 0.2, maxMs: 3, errorsPerMinute: 0 },
  { key: checkout('db', 'postgresql', 'orders', 'SELECT', { environment: 'staging' }), perMinute: 2, minMs: 5, maxMs: 6, errorsPerMinute: 2 },
  { key: checkout('external', 'http', 'payments:8080', 'POST'), perMinute: 4, minMs: 20, maxMs: 900, errorsPerMinute: 1 },
  { key: checkout('external', 'grpc', 'inventory:50051', 'inventory.Inventory/Reserve'), perMinute: 2, minMs: 3, maxMs: 30, errorsPerMinute: 0 },
  { key: checkout('external', 'http', OVERFLOW, 'GET'), perMinute: 5, minMs: 1, maxMs: 2, errorsPerMinute: 0, minutes: [3, 4] },
  { key: checkout('messaging', 'kafka', 'orders', 'publish', { spanKind: 4 }), perMinute: 6, minMs: 0.5, maxMs: 4, errorsPerMinute: 0 },
  { key: { service: 'shipping', type: 'db', system: 'postgresql', target: 'shipments', operation: 'SELECT' }, perMinute: 3, minMs: 1, maxMs: 2, errorsPerMinute: 0 },
];

interface Truth {
  readonly key: Omit<DependencyKey, 'minute'>;
  readonly durations: number[];
  errors: number;
}

function generate(): { rows: DependencyGroup[]; truths: Truth[] } {
  const random = seededRandom(7);
  const rows: DependencyGroup[] = [];
  const truths: Truth[] = [];
  for (const series of SERIES) {
    const truth: Truth = { key: series.key, durations: [], errors: 0 };
    for (const index of series.minutes ?? Array.from({ length: MINUTES }, (_, i) => i)) {
      const durations = Array.from({ length: series.perMinute }, () => Math.round(series.minMs * (series.maxMs / series.minMs) ** random() * 1000) / 1000);
      rows.push(dependencyGroup({ ...series.key, minute: M0 + index * 60 }, durations, series.errorsPerMinute));
      truth.durations.push(...durations);
      truth.errors += series.errorsPerMinute;
    }
    truths.push(truth);
  }
  return { rows, truths };
}

const { rows, truths } = generate();

/** Expected rows of checkout's dependencies of a type, merged over environments unless one is given. */
function expected(type: DependencyType, environment?: string): Truth[] {
  const merged = new Map<string, Truth>();
  for (const truth of truths) {
    const { key } = truth;
    if (key.service !== 'checkout' || key.type !== type || (environment !== undefined && key.environment !== environment)) continue;
    const id = [key.system, key.target, key.operation, key.spanKind ?? 3].join('|');
    const into = merged.get(id) ?? { key: { ...key, environment: '' }, durations: [], errors: 0 };
    into.durations.push(...truth.durations);
    into.errors += truth.errors;
    merged.set(id, into);
  }
  const total = (truth: Truth) => truth.durations.reduce((a, b) => a + b, 0);
  return [...merged.values()].sort((a, b) => total(b) - total(a));
}

function assertDependency(actual: ApmDependency | undefined, truth: Truth, seconds: number): void {
  assert.ok(actual !== undefined, `missing ${truth.key.target} ${truth.key.operation}`);
  const what = `${truth.key.system} ${truth.key.target} ${truth.key.operation}`;
  assert.deepEqual(
    [actual.system, actual.target, actual.operation, actual.spanKind],
    [truth.key.system, truth.key.target, truth.key.operation, truth.key.spanKind ?? 3],
  );
  const calls = truth.durations.length;
  assert.equal(actual.calls, calls, `${what} calls`);
  assert.equal(actual.errors, truth.errors, `${what} errors`);
  assert.equal(actual.rate, calls / seconds, `${what} rate`);
  assert.equal(actual.errorRate, truth.errors / calls, `${what} error rate`);
  assertClose(actual.avgMs, truth.durations.reduce((a, b) => a + b, 0) / calls, `${what} avg`, 1e-6);
  assertClose(actual.maxMs, Math.max(...truth.durations), `${what} max`, 1e-6);
  for (const [q, value] of [[0.5, actual.p50Ms], [0.9, actual.p90Ms], [0.95, actual.p95Ms], [0.99, actual.p99Ms]] as const) {
    assertClose(value, nearestRank(truth.durations, q), `${what} p${q * 100}`);
  }
}

describe('APM dependencies API: db, external and messaging calls of a service', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertDependencyMetrics(temp.store, rows);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const range = { startS: M0 - 600, endS: M0 + 1200 };
  const get = async (url: string): Promise<ApmDependenciesResponse> => {
    const reply = await call<ApmDependenciesResponse>(app, 'GET', url);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body;
  };
  const url = (type: string, r = range, extra = '') =>
    `/api/v1/apm/services/checkout/dependencies?type=${type}&start=${r.startS * 1000}&end=${r.endS * 1000}${extra}`;

  for (const type of ['db', 'external', 'messaging'] as const) {
    it(`lists ${type} calls grouped by system, target, operation and kind, most total time first`, async () => {
      const body = await get(url(type));
      assert.equal(body.service, 'checkout');
      assert.equal(body.type, type);
      const want = expected(type);
      assert.deepEqual(
        body.dependencies.map((d) => `${d.system}/${d.target}/${d.operation}`),
        want.map((t) => `${t.key.system}/${t.key.target}/${t.key.operation}`),
      );
      want.forEach((truth, index) => assertDependency(body.dependencies[index], truth, range.endS - range.startS));
      assert.ok(body.dependencies.every((d) => d.type === type));
    });
  }

  it('keeps one environment when asked', async () => {
    const body = await get(url('db', range, '&environment=prod'));
    const want = expected('db', 'prod');
    assert.equal(body.dependencies.length, want.length);
    want.forEach((truth, index) => assertDependency(body.dependencies[index], truth, range.endS - range.startS));
    assert.deepEqual((await get(url('db', range, '&environment=nowhere'))).dependencies, []);
  });

  it('gives the same statistics over a long range read from the hourly rollup', async () => {
    const long = { startS: M0 - 5 * 3600 - 17 * 60, endS: M0 + 1200 };
    const body = await get(url('db', long));
    expected('db').forEach((truth, index) => assertDependency(body.dependencies[index], truth, long.endS - long.startS));
  });

  it('tells when dependency targets overflowed the per-service cap', async () => {
    const external = await get(url('external'));
    assert.deepEqual(external.overflow, [
      {
        service: 'checkout',
        dimension: 'dependency',
        firstSeenMs: (M0 + 180) * 1000,
        lastSeenMs: (M0 + 240) * 1000,
        spans: 10,
        limit: TEST_APM_CONFIG.maxOperationsPerService,
      },
    ]);
    assert.deepEqual((await get(url('db'))).overflow, []);
  });

  it('answers an empty list for a service without calls', async () => {
    const reply = await call<ApmDependenciesResponse>(app, 'GET', url('db').replace('/checkout/', '/nobody/'));
    assert.deepEqual(reply.body, { service: 'nobody', type: 'db', dependencies: [], overflow: [] });
  });

  it('rejects a bad type, a missing range or a reversed one with 400', async () => {
    for (const bad of [
      url('queue'),
      `/api/v1/apm/services/checkout/dependencies?start=${range.startS * 1000}&end=${range.endS * 1000}`,
      `/api/v1/apm/services/checkout/dependencies?type=db&end=${range.endS * 1000}`,
      url('db', { startS: range.endS, endS: range.startS }),
    ]) {
      const reply = await call<{ error: { code: string } }>(app, 'GET', bad);
      assert.equal(reply.status, 400, bad);
      assert.equal(reply.body.error.code, 'QUERY_INVALID');
    }
  });
});
