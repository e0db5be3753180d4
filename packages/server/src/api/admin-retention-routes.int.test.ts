import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RetentionResponse } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { TEST_APM_CONFIG, TEST_QUERY_CONFIG } from '../../test/support/api-app.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { applyStoredRetention } from '../query/retention/retention-control.ts';
import { ChdbStore } from '../storage/chdb/chdb-store.ts';
import type { Retention } from '../storage/schema/retention.ts';
import { ALL_TABLES } from '../storage/schema/tables.ts';
import { sql } from '../storage/sql.ts';
import type { Store } from '../storage/store.ts';
import { createApiServer } from './api-server.ts';

interface ErrorBody {
  error: { code: string; message: string };
}

function app(store: Store, retention: Retention): FastifyInstance {
  return createApiServer({ store, query: TEST_QUERY_CONFIG, apm: TEST_APM_CONFIG, selfMetrics: () => '', retention });
}

async function request<T>(target: FastifyInstance, method: 'GET' | 'PUT', payload?: unknown): Promise<{ status: number; body: T }> {
  const response = await target.inject({ method, url: '/api/v1/admin/retention', ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<T>() };
}

const tablesOf = (signal: string): string[] => ALL_TABLES.filter((table) => table.ttl?.signal === signal).map((table) => table.name).sort();

describe('retention API (GET/PUT) on a real store', () => {
  let temp: TempStore;
  let store: Store;
  let api: FastifyInstance;
  const config: Retention = { traces: 15, logs: 15, metrics: 30 };

  const createQuery = async (table: string): Promise<string> => {
    const [row] = await store.query<{ q: string }>(sql`SELECT create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name = ${table}`);
    return row?.q ?? '';
  };
  const get = async (): Promise<RetentionResponse> => {
    const reply = await request<RetentionResponse>(api, 'GET');
    assert.equal(reply.status, 200);
    return reply.body;
  };

  before(async () => {
    temp = await openTempStore();
    store = temp.store;
    api = app(store, config);
  });
  after(async () => {
    await store.close();
    await temp.dispose();
  });

  it('reports the configured retention before any change, and which setting wins', async () => {
    const body = await get();
    assert.deepEqual(body.logs, { days: 15, source: 'config', configDays: 15 });
    assert.deepEqual(body.metrics, { days: 30, source: 'config', configDays: 30 });
    assert.equal(body.lastChange, null);
    assert.match(body.precedence, /wins over the configuration file/);
  });

  it('rejects bad bodies with 400 and changes nothing', async () => {
    for (const bad of [{}, { logsDays: 0 }, { logsDays: 3651 }, { logsDays: 2.5 }, { logsDays: '7' }, { logs: 7 }, [7]]) {
      const reply = await request<ErrorBody>(api, 'PUT', bad);
      assert.equal(reply.status, 400, JSON.stringify(bad));
      assert.equal(reply.body.error.code, 'QUERY_INVALID');
    }
    assert.equal((await get()).lastChange, null);
    assert.match(await createQuery('logs'), /TTL toDateTime\(timestamp\) \+ toIntervalDay\(15\)/);
  });

  it('PUT stores a runtime setting and changes the TTL of that signal’s tables at once', async () => {
    const reply = await request<RetentionResponse>(api, 'PUT', { logsDays: 3 });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.logs, { days: 3, source: 'runtime', configDays: 15 });
    assert.deepEqual(reply.body.traces, { days: 15, source: 'config', configDays: 15 });
    const change = reply.body.lastChange;
    assert.equal(change?.state, 'applied');
    assert.equal(change.trigger, 'api');
    assert.equal(change.error, null);
    assert.ok(change.appliedAt !== null);
    assert.deepEqual(change.retention, { traces: 15, logs: 3, metrics: 30 });
    assert.deepEqual([...change.tablesChanged].sort(), tablesOf('logs'));
    const logs = await createQuery('logs');
    assert.match(logs, /TTL toDateTime\(timestamp\) \+ toIntervalDay\(3\)/);
    // Existing parts are re-dated in the background, without rewriting data.
    assert.match(logs, /materialize_ttl_recalculate_only = 1/);
    const mutations = await store.query<{ n: string }>(sql`SELECT count() AS n FROM system.mutations WHERE table = 'logs' AND command LIKE '%MATERIALIZE TTL%'`);
    assert.equal(mutations[0]?.n, '1');
    assert.match(await createQuery('spans'), /toIntervalDay\(15\)/);
    assert.deepEqual(await get(), { ...reply.body, expiryPendingTables: (await get()).expiryPendingTables });
  });

  it('traces retention also changes the derived APM tables', async () => {
    const reply = await request<RetentionResponse>(api, 'PUT', { tracesDays: 7 });
    assert.equal(reply.status, 200);
    const changed = [...(reply.body.lastChange?.tablesChanged ?? [])].sort();
    assert.deepEqual(changed, tablesOf('traces'));
    assert.ok(changed.includes('spans') && changed.includes('apm_service_metrics_1d'));
    assert.match(await createQuery('apm_span_metrics_1h'), /TTL time \+ toIntervalDay\(7\)/);
    assert.equal(reply.body.logs.days, 3, 'the earlier logs setting stays');
  });

  it('the stored setting survives a new store object and wins over the configuration at start-up', async () => {
    await store.close();
    store = new ChdbStore({ dataDir: temp.dataDir, querySessions: 1, maxServerMemoryBytes: 2 * 1024 ** 3, queryLimits: { maxMemoryBytes: 1024 ** 3, maxExecutionSeconds: 30 } });
    const restarted: Retention = { traces: 15, logs: 20, metrics: 45 };
    const applied = await applyStoredRetention(store, restarted);
    assert.deepEqual(applied, { traces: 7, logs: 3, metrics: 45 });
    assert.match(await createQuery('logs'), /toIntervalDay\(3\)/);
    assert.match(await createQuery('metric_points_number'), /toIntervalDay\(45\)/);
    api = app(store, restarted);
    const body = await get();
    assert.deepEqual(body.logs, { days: 3, source: 'runtime', configDays: 20 });
    assert.deepEqual(body.metrics, { days: 45, source: 'config', configDays: 45 });
    assert.equal(body.lastChange?.trigger, 'startup');
    assert.deepEqual([...(body.lastChange?.tablesChanged ?? [])].sort(), tablesOf('metrics'));
  });

  it('null removes the runtime setting: the configured value applies again', async () => {
    const reply = await request<RetentionResponse>(api, 'PUT', { logsDays: null });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.logs, { days: 20, source: 'config', configDays: 20 });
    assert.equal(reply.body.traces.source, 'runtime');
    assert.match(await createQuery('logs'), /toIntervalDay\(20\)/);
  });

  it('concurrent changes are applied one after the other and both are kept', async () => {
    const [first, second] = await Promise.all([request<RetentionResponse>(api, 'PUT', { metricsDays: 60 }), request<RetentionResponse>(api, 'PUT', { logsDays: 9 })]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    const body = await get();
    assert.equal(body.metrics.days, 60);
    assert.equal(body.logs.days, 9);
    assert.match(await createQuery('metric_series'), /toIntervalDay\(60\)/);
    assert.match(await createQuery('logs'), /toIntervalDay\(9\)/);
  });
});
