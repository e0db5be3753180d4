import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { openRowSinkStore, type RowSinkStore } from '../../../test/support/row-sink-store.ts';
import { AppError, ErrorCodes } from '../../errors.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import { sql } from '../../storage/sql.ts';
import { prometheusScrapeConfigSchema, type PrometheusScrapeConfigInput } from './scrape-config.ts';
import { PrometheusScrapeManager } from './scrape-manager.ts';
import { createScrapeMetrics } from './scrape-metrics.ts';
import type { RuntimeScrapeTarget } from './scrape-targets.ts';

const TEXT = [
  '# HELP shop_orders_total Orders placed.',
  '# TYPE shop_orders_total counter',
  'shop_orders_total{kind="card",job="inner"} 42',
  'shop_orders_total{kind="cash",job="inner"} 7',
  '# HELP shop_queue_depth Items waiting.',
  '# TYPE shop_queue_depth gauge',
  'shop_queue_depth{queue="a \\"quoted\\" name"} 3.5',
  '# TYPE shop_latency_seconds histogram',
  'shop_latency_seconds_bucket{le="0.1"} 3',
  'shop_latency_seconds_bucket{le="1"} 8',
  'shop_latency_seconds_bucket{le="+Inf"} 10',
  'shop_latency_seconds_sum 6.5',
  'shop_latency_seconds_count 10',
  '# TYPE shop_rpc_seconds summary',
  'shop_rpc_seconds{quantile="0.5"} 0.2',
  'shop_rpc_seconds{quantile="0.9"} 0.7',
  'shop_rpc_seconds_sum 30',
  'shop_rpc_seconds_count 100',
  'shop_debug_info 1',
  '',
].join('\n');

const OPENMETRICS = [
  '# TYPE om_jobs counter',
  '# HELP om_jobs Jobs run.',
  '# UNIT om_jobs_seconds seconds',
  'om_jobs_total{queue="q1"} 5 # {trace_id="0102030405060708090a0b0c0d0e0f10"} 1',
  'om_jobs_created{queue="q1"} 1700000000.5',
  '# EOF',
  '',
].join('\n');

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface Exporter {
  readonly server: Server;
  readonly address: string;
  requests: number;
}

async function exporter(handler: Handler): Promise<Exporter> {
  const state = { requests: 0 };
  const server = createServer((request, response) => {
    state.requests += 1;
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { server, address: `127.0.0.1:${port}` });
}

function serve(body: string, contentType: string): Handler {
  return (_request, response) => response.writeHead(200, { 'content-type': contentType }).end(body);
}

function requireAuth(expected: string, body: string): Handler {
  return (request, response) => {
    if (request.headers.authorization !== expected) response.writeHead(401).end('unauthorized');
    else serve(body, 'text/plain; version=0.0.4')(request, response);
  };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

interface StoredSeries {
  name: string;
  type: string;
  temporality: number;
  is_monotonic: boolean;
  description: string;
  unit: string;
  attributes: Record<string, string>;
  resource: Record<string, string>;
  scope: string;
}

describe('Prometheus scrape manager against real exporters, into a real store', () => {
  let temp: RowSinkStore;
  const exporters = {} as Record<'text' | 'om' | 'basic' | 'bearer' | 'stopping' | 'broken' | 'failing' | 'runtime', Exporter>;
  let manager: PrometheusScrapeManager;
  const registry = new Registry();
  const runtime: RuntimeScrapeTarget[] = [];

  async function series(name: string, job?: string): Promise<StoredSeries[]> {
    const rows = await temp.store.query<StoredSeries>(sql`
      SELECT metric_name AS name, type, temporality, is_monotonic, description, unit, attributes, resource_attributes AS resource, scope_name AS scope
      FROM metric_series FINAL WHERE metric_name = ${name} ORDER BY toString(attributes)`);
    return job === undefined ? rows : rows.filter((row) => row.attributes.job === job);
  }

  async function lastNumber(name: string, job: string): Promise<number[]> {
    const rows = await temp.store.query<{ value: number }>(sql`
      SELECT argMax(p.value, p.timestamp) AS value FROM metric_points_number AS p
      INNER JOIN (SELECT fingerprint, attributes FROM metric_series FINAL WHERE metric_name = ${name}) AS s ON s.fingerprint = p.fingerprint
      WHERE p.metric_name = ${name} AND s.attributes['job'] = ${job}
      GROUP BY p.fingerprint, toString(s.attributes) ORDER BY toString(s.attributes)`);
    return rows.map((row) => row.value);
  }

  const health = (job: string) => {
    const found = manager.health().find((target) => target.job === job);
    assert.ok(found, `target of job ${job}`);
    return found;
  };

  before(async () => {
    temp = await openRowSinkStore();
    exporters.text = await exporter(serve(TEXT, 'text/plain; version=0.0.4; charset=utf-8'));
    exporters.om = await exporter(serve(OPENMETRICS, 'application/openmetrics-text; version=1.0.0; charset=utf-8'));
    exporters.basic = await exporter(requireAuth(`Basic ${Buffer.from('scraper:s3cret').toString('base64')}`, 'secured_metric 1\n'));
    exporters.bearer = await exporter(requireAuth('Bearer tok-123', 'bearer_metric 2\n'));
    exporters.stopping = await exporter(serve('# TYPE stopping_gauge gauge\nstopping_gauge 9\n', 'text/plain'));
    exporters.broken = await exporter(serve('fine 1\nbroken{ 2\n', 'text/plain'));
    exporters.failing = await exporter((_request, response) => response.writeHead(503).end('down for maintenance'));
    exporters.runtime = await exporter(serve('runtime_gauge 11\n', 'text/plain'));
    const input: PrometheusScrapeConfigInput = {
      // Long intervals: these tests scrape on demand (scrapeAll); the last one checks the schedule.
      global: { scrape_interval: '1h', scrape_timeout: '5s' },
      scrape_configs: [
        {
          job_name: 'shop',
          static_configs: [{ targets: [exporters.text.address], labels: { env: 'test' } }],
          metric_relabel_configs: [
            { source_labels: ['__name__'], regex: 'shop_debug_.*', action: 'drop' },
            { source_labels: ['kind'], regex: 'ca(.*)', target_label: 'kind_suffix', replacement: 'x$1' },
          ],
        },
        { job_name: 'shop-honor', honor_labels: true, static_configs: [{ targets: [exporters.text.address] }], metric_relabel_configs: [{ source_labels: ['__name__'], regex: 'shop_orders_total', action: 'keep' }] },
        { job_name: 'om', static_configs: [{ targets: [exporters.om.address] }] },
        { job_name: 'basic', basic_auth: { username: 'scraper', password: 's3cret' }, static_configs: [{ targets: [exporters.basic.address] }] },
        { job_name: 'bearer', bearer_token: 'tok-123', static_configs: [{ targets: [exporters.bearer.address] }] },
        { job_name: 'no-auth', static_configs: [{ targets: [exporters.bearer.address] }] },
        { job_name: 'stopping', static_configs: [{ targets: [exporters.stopping.address] }] },
        { job_name: 'broken', static_configs: [{ targets: [exporters.broken.address] }] },
        { job_name: 'failing', static_configs: [{ targets: [exporters.failing.address] }] },
        {
          job_name: 'relabeled-away',
          static_configs: [{ targets: [exporters.text.address] }],
          relabel_configs: [{ source_labels: ['__address__'], regex: '127\\..*', action: 'drop' }],
        },
      ],
    };
    manager = new PrometheusScrapeManager({
      config: prometheusScrapeConfigSchema.parse(input),
      sink: temp.sink,
      metrics: createScrapeMetrics(registry),
      runtimeTargets: () => Promise.resolve([...runtime]),
    });
    await manager.start();
    await manager.scrapeAll();
  });

  after(async () => {
    await manager.stop();
    for (const each of Object.values(exporters)) if (each.server.listening) await close(each.server);
    await temp.dispose();
  });

  it('lists every target but the one relabel_configs dropped, all up except the failing ones', () => {
    const byJob = Object.fromEntries(manager.health().map((target) => [target.job, target.health]));
    assert.deepEqual(byJob, { basic: 'up', bearer: 'up', 'no-auth': 'down', broken: 'down', failing: 'down', om: 'up', shop: 'up', 'shop-honor': 'up', stopping: 'up' });
    const shop = health('shop');
    assert.equal(shop.url, `http://${exporters.text.address}/metrics`);
    assert.deepEqual(shop.labels, { job: 'shop', env: 'test', instance: exporters.text.address });
    assert.equal(shop.samples, 12, '13 samples less the dropped debug one');
    assert.equal(shop.lastError, null);
    assert.ok(shop.lastScrapeMs !== null && shop.lastDurationMs !== null);
  });

  it('stores counters as monotonic cumulative sums with every label, exported_job and the resource', async () => {
    const stored = await series('shop_orders_total', 'shop');
    assert.deepEqual(
      stored.map((s) => [s.type, s.temporality, s.is_monotonic, s.description, s.attributes]),
      [
        ['sum', 2, true, 'Orders placed.', { kind: 'card', kind_suffix: 'xrd', exported_job: 'inner', job: 'shop', env: 'test', instance: exporters.text.address }],
        ['sum', 2, true, 'Orders placed.', { kind: 'cash', kind_suffix: 'xsh', exported_job: 'inner', job: 'shop', env: 'test', instance: exporters.text.address }],
      ],
    );
    const port = exporters.text.address.split(':')[1];
    assert.deepEqual(stored[0]!.resource, { 'service.name': 'shop', 'service.instance.id': exporters.text.address, 'server.address': '127.0.0.1', 'server.port': port, 'url.scheme': 'http' });
    assert.equal(stored[0]!.scope, 'sightline/prometheus-scrape');
    assert.deepEqual(await lastNumber('shop_orders_total', 'shop'), [42, 7]);
  });

  it('honor_labels keeps the scraped job; metric_relabel keep leaves only the kept series', async () => {
    const honored = await series('shop_orders_total', 'inner');
    assert.deepEqual(honored.map((s) => [s.attributes.kind, s.resource['service.name'], s.attributes.exported_job]), [['card', 'inner', undefined], ['cash', 'inner', undefined]]);
    assert.equal(health('shop-honor').samples, 2);
    assert.deepEqual(await series('shop_queue_depth', 'shop-honor'), []);
  });

  it('stores gauges, drops the relabeled-away series and keeps escaped label values', async () => {
    const queue = await series('shop_queue_depth', 'shop');
    assert.deepEqual(queue.map((s) => [s.type, s.attributes.queue]), [['gauge', 'a "quoted" name']]);
    assert.deepEqual(await lastNumber('shop_queue_depth', 'shop'), [3.5]);
    assert.deepEqual(await series('shop_debug_info'), []);
  });

  it('stores a classic histogram as one point with per-bucket counts', async () => {
    const rows = await temp.store.query<{ type: string; count: string; sum: number; buckets: string[]; bounds: number[]; attributes: Record<string, string> }>(sql`
      SELECT s.type AS type, toString(p.count) AS count, p.sum AS sum, arrayMap(x -> toString(x), p.bucket_counts) AS buckets, p.explicit_bounds AS bounds, s.attributes AS attributes
      FROM metric_points_histogram AS p INNER JOIN (SELECT * FROM metric_series FINAL) AS s ON s.fingerprint = p.fingerprint
      WHERE p.metric_name = 'shop_latency_seconds' AND s.attributes['job'] = 'shop'`);
    assert.deepEqual(rows, [{ type: 'histogram', count: '10', sum: 6.5, buckets: ['3', '5', '2'], bounds: [0.1, 1], attributes: { job: 'shop', env: 'test', instance: exporters.text.address } }]);
  });

  it('stores a summary with its quantiles, sum and count', async () => {
    const rows = await temp.store.query<{ count: string; sum: number; quantiles: number[]; values: number[] }>(sql`
      SELECT toString(count) AS count, sum, quantiles, quantile_values AS values FROM metric_points_summary
      WHERE metric_name = 'shop_rpc_seconds' AND fingerprint IN (SELECT fingerprint FROM metric_series FINAL WHERE attributes['job'] = 'shop')`);
    assert.deepEqual(rows, [{ count: '100', sum: 30, quantiles: [0.5, 0.9], values: [0.2, 0.7] }]);
  });

  it('parses OpenMetrics by Content-Type: _created as the start time, exemplar kept', async () => {
    const rows = await temp.store.query<{ start: string; value: number; exemplars: string[]; type: string }>(sql`
      SELECT toString(toUnixTimestamp64Milli(p.start_timestamp)) AS start, p.value AS value, p.exemplars AS exemplars, s.type AS type
      FROM metric_points_number AS p INNER JOIN (SELECT * FROM metric_series FINAL) AS s ON s.fingerprint = p.fingerprint
      WHERE p.metric_name = 'om_jobs_total'`);
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]!.start, rows[0]!.value, rows[0]!.type], ['1700000000500', 5, 'sum']);
    assert.match(rows[0]!.exemplars[0] ?? '', /"traceId":"0102030405060708090a0b0c0d0e0f10"/);
  });

  it('sends basic auth and bearer tokens; without them the target is down with the HTTP status', async () => {
    assert.deepEqual(await lastNumber('secured_metric', 'basic'), [1]);
    assert.deepEqual(await lastNumber('bearer_metric', 'bearer'), [2]);
    assert.match(health('no-auth').lastError ?? '', /HTTP status 401/);
    assert.equal(exporters.basic.requests, 1);
  });

  it('writes up, scrape_duration_seconds and the sample counts for every target', async () => {
    assert.deepEqual(await lastNumber('up', 'shop'), [1]);
    assert.deepEqual(await lastNumber('up', 'failing'), [0]);
    assert.deepEqual(await lastNumber('scrape_samples_scraped', 'shop'), [13]);
    assert.deepEqual(await lastNumber('scrape_samples_post_metric_relabeling', 'shop'), [12]);
    assert.deepEqual(await lastNumber('scrape_samples_scraped', 'failing'), [0]);
    const duration = await lastNumber('scrape_duration_seconds', 'shop');
    assert.equal(duration.length, 1);
    assert.ok(duration[0]! >= 0);
    const up = await series('up', 'shop');
    assert.deepEqual(up[0]!.attributes, { job: 'shop', env: 'test', instance: exporters.text.address });
  });

  it('reports parse errors and HTTP errors with their text', () => {
    assert.match(health('broken').lastError ?? '', /^parse error: line 2: /);
    assert.match(health('failing').lastError ?? '', /HTTP status 503/);
  });

  it('marks a target that stops down (up 0) with the connection error', async () => {
    assert.deepEqual(await lastNumber('up', 'stopping'), [1]);
    await close(exporters.stopping.server);
    await manager.scrapeAll();
    assert.equal(health('stopping').health, 'down');
    // The first try may find the kept-alive connection closed; later ones are refused.
    assert.match(health('stopping').lastError ?? '', /ECONNREFUSED|other side closed/);
    assert.deepEqual(await lastNumber('up', 'stopping'), [0]);
    await manager.scrapeAll();
    assert.match(health('stopping').lastError ?? '', /^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    assert.equal(health('stopping').samples, 0);
  });

  it('adds and removes runtime targets on changed()', async () => {
    runtime.push({ id: 'rt-1', job: 'added', target: exporters.runtime.address, labels: { team: 'core' }, metricsPath: '/metrics', scheme: 'http', intervalSeconds: 3600 });
    await manager.changed();
    const added = health('added');
    assert.deepEqual([added.id, added.source, added.health, added.labels], ['rt-1', 'api', 'unknown', { job: 'added', team: 'core', instance: exporters.runtime.address }]);
    await manager.scrapeAll();
    assert.deepEqual(await lastNumber('runtime_gauge', 'added'), [11]);
    runtime.length = 0;
    await manager.changed();
    assert.equal(manager.health().some((target) => target.job === 'added'), false);
  });

  it('counts and reports a scrape the store refused', async () => {
    const refusing: RowSink = {
      write: () => Promise.reject(new AppError(ErrorCodes.INGEST_OVERLOADED, 'pending budget spent', { retryAfterSeconds: 1 })),
    };
    const local = new Registry();
    const refused = new PrometheusScrapeManager({
      config: prometheusScrapeConfigSchema.parse({ global: { scrape_interval: '1h' }, scrape_configs: [{ job_name: 'refused', static_configs: [{ targets: [exporters.text.address] }] }] }),
      sink: refusing,
      metrics: createScrapeMetrics(local),
    });
    await refused.start();
    await refused.scrapeAll();
    const [target] = refused.health();
    assert.equal(target?.health, 'up', 'the target itself answered');
    assert.match(target?.lastError ?? '', /the store refused the scrape's \d+ points \(INGEST_OVERLOADED: pending budget spent\)/);
    await refused.stop();
    assert.deepEqual(refused.health(), [], 'a stopped manager lists nothing');
    const text = await local.metrics();
    assert.match(text, /sightline_scrape_write_failures_total\{job="refused"\} 1/);
    assert.match(text, /sightline_scrape_points_not_stored_total\{job="refused"\} \d+/);
  });

  it('scrapes on its own schedule and stops cleanly', async () => {
    const scheduled = new PrometheusScrapeManager({
      config: prometheusScrapeConfigSchema.parse({ scrape_configs: [{ job_name: 'scheduled', scrape_interval: '50ms', scrape_timeout: '50ms', static_configs: [{ targets: [exporters.runtime.address] }] }] }),
      sink: temp.sink,
      metrics: createScrapeMetrics(new Registry()),
    });
    const before = exporters.runtime.requests;
    await scheduled.start();
    // Polls for the outcome; the deadline only keeps a broken schedule from hanging the run.
    const deadline = Date.now() + 30_000;
    while (exporters.runtime.requests < before + 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(exporters.runtime.requests >= before + 3, 'three scheduled scrapes');
    await scheduled.stop();
    const afterStop = exporters.runtime.requests;
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(exporters.runtime.requests, afterStop, 'no scrape after stop');
    assert.ok((await lastNumber('runtime_gauge', 'scheduled')).length === 1);
  });
});
