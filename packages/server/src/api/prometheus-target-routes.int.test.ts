import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import type { PrometheusTarget, PrometheusTargetsResponse } from '@sightline/contract';
import { TEST_APM_CONFIG, TEST_QUERY_CONFIG } from '../../test/support/api-app.ts';
import { openRowSinkStore, type RowSinkStore } from '../../test/support/row-sink-store.ts';
import { readPrometheusTargets } from '../query/prometheus-targets/target-settings.ts';
import { prometheusScrapeConfigSchema } from '../receivers/prometheus/scrape-config.ts';
import { PrometheusScrapeManager } from '../receivers/prometheus/scrape-manager.ts';
import { createScrapeMetrics } from '../receivers/prometheus/scrape-metrics.ts';
import { createApiServer, type ApiDeps } from './api-server.ts';

interface ErrorBody {
  error: { code: string; message: string };
}

function app(deps: Pick<ApiDeps, 'store' | 'scrapeTargets'>): FastifyInstance {
  return createApiServer({ query: TEST_QUERY_CONFIG, apm: TEST_APM_CONFIG, selfMetrics: () => '', ...deps });
}

async function request<T>(target: FastifyInstance, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object): Promise<{ status: number; body: T }> {
  const response = await target.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  return { status: response.statusCode, body: (response.body === '' ? undefined : response.json()) as T };
}

describe('Prometheus targets API (list, add, delete) with a real scrape manager and store', () => {
  let temp: RowSinkStore;
  let exporter: Server;
  let address: string;
  let manager: PrometheusScrapeManager;
  let api: FastifyInstance;

  const list = async () => (await request<PrometheusTargetsResponse>(api, 'GET', '/api/v1/prometheus/targets')).body.targets;

  before(async () => {
    temp = await openRowSinkStore();
    exporter = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('# TYPE demo gauge\ndemo{a="1"} 1\ndemo{a="2"} 2\n'));
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    address = `127.0.0.1:${(exporter.address() as AddressInfo).port}`;
    manager = new PrometheusScrapeManager({
      config: prometheusScrapeConfigSchema.parse({ global: { scrape_interval: '1h' }, scrape_configs: [{ job_name: 'configured', static_configs: [{ targets: [address] }] }] }),
      sink: temp.sink,
      metrics: createScrapeMetrics(new Registry()),
      runtimeTargets: () => readPrometheusTargets(temp.store, TEST_QUERY_CONFIG),
    });
    await manager.start();
    await manager.scrapeAll();
    api = app({ store: temp.store, scrapeTargets: manager });
  });

  after(async () => {
    await api.close();
    await manager.stop();
    exporter.closeAllConnections();
    await new Promise((resolve) => exporter.close(resolve));
    await temp.dispose();
  });

  let created: PrometheusTarget;

  it('lists the configured target with its health', async () => {
    const targets = await list();
    assert.equal(targets.length, 1);
    const [configured] = targets;
    assert.deepEqual(
      { ...configured, lastScrapeMs: typeof configured?.lastScrapeMs, lastDurationMs: typeof configured?.lastDurationMs, id: configured?.id.startsWith('config-') },
      {
        id: true,
        job: 'configured',
        url: `http://${address}/metrics`,
        labels: { job: 'configured', instance: address },
        source: 'config',
        health: 'up',
        intervalSeconds: 3600,
        lastScrapeMs: 'number',
        lastDurationMs: 'number',
        lastError: null,
        samples: 2,
      },
    );
  });

  it('adds a runtime target (201), which the manager then scrapes', async () => {
    const reply = await request<PrometheusTarget>(api, 'POST', '/api/v1/prometheus/targets', {
      job: 'added',
      target: address,
      labels: { team: 'core' },
      metrics_path: '/metrics',
      interval: '2m',
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    created = reply.body;
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      { ...created, id: '' },
      {
        id: '',
        job: 'added',
        url: `http://${address}/metrics`,
        labels: { job: 'added', team: 'core', instance: address },
        source: 'api',
        health: 'unknown',
        intervalSeconds: 120,
        lastScrapeMs: null,
        lastDurationMs: null,
        lastError: null,
        samples: null,
      },
    );
    await manager.scrapeAll();
    const added = (await list()).find((target) => target.id === created.id);
    assert.equal(added?.health, 'up');
    assert.equal(added?.samples, 2);
  });

  it('keeps runtime targets in the store: an API without a manager lists them with unknown health', async () => {
    const bare = app({ store: temp.store });
    try {
      const targets = (await request<PrometheusTargetsResponse>(bare, 'GET', '/api/v1/prometheus/targets')).body.targets;
      assert.deepEqual(
        targets.map((target) => [target.id, target.source, target.health, target.url]),
        [[created.id, 'api', 'unknown', `http://${address}/metrics`]],
      );
    } finally {
      await bare.close();
    }
  });

  it('rejects a duplicate with 409 CONFLICT', async () => {
    const reply = await request<ErrorBody>(api, 'POST', '/api/v1/prometheus/targets', { job: 'added', target: address, labels: { other: 'x' } });
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error.code, 'CONFLICT');
    assert.match(reply.body.error.message, new RegExp(created.id));
  });

  it('rejects bad bodies with 400 naming the field, storing nothing', async () => {
    const cases: [object, RegExp][] = [
      [{ target: address }, /job/],
      [{ job: 'x', target: 'http://host:1/metrics' }, /target: expected host:port/],
      [{ job: 'x', target: address, interval: 'often' }, /interval: invalid interval 'often'/],
      [{ job: 'x', target: address, interval: '2h' }, /interval must be between/],
      [{ job: 'x', target: address, labels: { __meta: 'x' } }, /labels/],
      [{ job: 'x', target: address, scheme: 'ftp' }, /scheme/],
      [{ job: 'x', target: address, metrics_path: 'metrics' }, /metrics_path/],
      [{ job: 'x', target: address, extra: 1 }, /extra/],
    ];
    for (const [payload, message] of cases) {
      const reply = await request<ErrorBody>(api, 'POST', '/api/v1/prometheus/targets', payload);
      assert.equal(reply.status, 400, JSON.stringify(payload));
      assert.equal(reply.body.error.code, 'QUERY_INVALID');
      assert.match(reply.body.error.message, message, JSON.stringify(payload));
    }
    assert.equal((await list()).length, 2);
  });

  it('refuses to delete a configured target (409) and answers 404 for unknown ids', async () => {
    const configured = (await list()).find((target) => target.source === 'config');
    assert.ok(configured);
    const refused = await request<ErrorBody>(api, 'DELETE', `/api/v1/prometheus/targets/${configured.id}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'CONFLICT');
    assert.match(refused.body.error.message, /configuration file/);
    const unknown = await request<ErrorBody>(api, 'DELETE', '/api/v1/prometheus/targets/no-such-id');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'NOT_FOUND');
  });

  it('deletes a runtime target (204): gone from the list, the store and the manager', async () => {
    const reply = await request<undefined>(api, 'DELETE', `/api/v1/prometheus/targets/${created.id}`);
    assert.equal(reply.status, 204);
    assert.deepEqual((await list()).map((target) => target.source), ['config']);
    assert.deepEqual(await readPrometheusTargets(temp.store, TEST_QUERY_CONFIG), []);
    assert.equal(manager.health().some((target) => target.id === created.id), false);
    const again = await request<ErrorBody>(api, 'DELETE', `/api/v1/prometheus/targets/${created.id}`);
    assert.equal(again.status, 404);
  });
});
