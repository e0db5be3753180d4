import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { dashboardDefinitionSchema } from '@sightline/contract';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { TEST_QUERY_CONFIG } from '../../test/support/api-app.ts';
import { insertSpans } from '../../test/support/api-insert.ts';
import { BASE_TIME_NS, sampleLog, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { SIGHTLINE_HEALTH_DASHBOARD } from '../dashboards/sightline-health.ts';
import { RowWriter } from '../ingest/row-writer.ts';
import { IngestMetrics } from '../pipeline/ingest-metrics.ts';
import { IngestPipeline, type PipelineOptions } from '../pipeline/ingest-pipeline.ts';
import type { RowSink } from '../pipeline/row-sink.ts';
import { readEngineStats } from '../query/engine/engine-stats.ts';
import { queryPanel } from '../query/dashboards/panel-query.ts';
import { readNewestRowTimes } from '../query/selfmon/newest-row-times.ts';
import { prometheusScrapeConfigSchema } from '../receivers/prometheus/scrape-config.ts';
import { PrometheusScrapeManager } from '../receivers/prometheus/scrape-manager.ts';
import { createScrapeMetrics } from '../receivers/prometheus/scrape-metrics.ts';
import { sql } from '../storage/sql.ts';
import { insertTarget } from '../storage/encode/encode-rows.ts';
import { INSERT_TABLES } from '../storage/schema/tables.ts';
import type { InsertTarget } from '../storage/store.ts';
import { registerEngineMetrics } from './engine-metrics.ts';
import { createQueryMetrics } from './query-metrics.ts';
import { observeQueries } from '../storage/observed-queries.ts';
import { StoreLogShipper } from './log-shipper.ts';
import { createLogger } from './logger.ts';
import { SelfMonitor, type CollectOutcome } from './self-monitor.ts';

const OPTIONS: PipelineOptions = {
  batchMaxRows: 10_000,
  batchMinRows: 1,
  batchMaxAgeMs: 20,
  aggregateBatchMaxAgeMs: 20,
  maxPendingBytes: 64 * 1024 * 1024,
  retryAfterSeconds: 1,
};
const IDENTITY = { instanceId: 'selfmon-test:8080', hostName: 'selfmon-test', version: '0.1.0' };

/** The process's parts as main.ts wires them, over one real store and one registry. */
interface Rig {
  readonly temp: TempStore;
  readonly registry: Registry;
  readonly pipeline: IngestPipeline;
  readonly writer: RowWriter;
  /** A pipeline with a one-byte budget: refuses a write while another request holds its budget. */
  readonly tight: IngestPipeline;
  readonly tightWriter: RowWriter;
  readonly exporter: Server;
  readonly scrape: PrometheusScrapeManager;
  readonly shipper: StoreLogShipper;
  readonly monitor: SelfMonitor;
}

describe('self-monitoring into the store', () => {
  let rig: Rig;
  let sink: RowSink;
  let clockMs = Date.now() - 45_000;
  const outcomes: CollectOutcome[] = [];
  let overloadedOutcome: CollectOutcome;

  before(async () => {
    const temp = await openTempStore();
    const { store } = temp;
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'sightline_' });
    const ingest = new IngestMetrics(registry);
    registerEngineMetrics(registry, () => readEngineStats(store));
    // API reads are timed as main.ts does: one real read so the queries panel has a point.
    await observeQueries(store, createQueryMetrics(registry)).query(sql`SELECT 1`);
    const targets = new Map<string, InsertTarget>(INSERT_TABLES.map((table) => [table.name, insertTarget(table)]));
    const pipeline = new IngestPipeline(store, targets, OPTIONS, ingest);
    const writer = new RowWriter(pipeline, ingest);
    const tight = new IngestPipeline(store, targets, { ...OPTIONS, maxPendingBytes: 1 }, ingest);
    const tightWriter = new RowWriter(tight, ingest);
    sink = writer;
    const switching: RowSink = { write: (signal, protocol, rows) => sink.write(signal, protocol, rows) };

    // Sightline's own /metrics as a Prometheus target of its scraper: real `up` series.
    const exporter = createServer((_request, response) => {
      void registry.metrics().then((body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body));
    });
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    const address = `127.0.0.1:${(exporter.address() as AddressInfo).port}`;
    const scrape = new PrometheusScrapeManager({
      config: prometheusScrapeConfigSchema.parse({
        global: { scrape_interval: '1h' },
        scrape_configs: [{ job_name: 'sightline-self', static_configs: [{ targets: [address] }] }],
      }),
      sink: writer,
      metrics: createScrapeMetrics(registry),
    });

    const shipper = new StoreLogShipper({ sink: writer, identity: IDENTITY, registry });
    const logger = createLogger({ level: 'info', write: () => undefined, onEntry: shipper.accept, registry });
    const monitor = new SelfMonitor(
      { intervalSeconds: 15, newestRowLookbackHours: 24 },
      { registry, sink: switching, newestRowTimes: (query) => readNewestRowTimes(store, query), identity: IDENTITY, now: () => clockMs },
    );
    rig = { temp, registry, pipeline, writer, tight, tightWriter, exporter, scrape, shipper, monitor };

    // Back-pressure: another request holds the budget, so the interval is skipped and counted.
    sink = tightWriter;
    const held = tight.admit(1);
    overloadedOutcome = await monitor.collect();
    held.release();
    sink = writer;

    // Data of other services, older than Sightline's own rows.
    await writer.write('logs', 'file_log', [sampleLog('checkout started')]);
    await insertSpans(store, [sampleSpan()]);
    logger.info('self-monitoring test line', { component: 'test' });
    logger.warn('a warning', { component: 'test' });
    await shipper.flush();
    await scrape.start();
    await scrape.scrapeAll();

    for (let interval = 0; interval < 3; interval += 1) {
      outcomes.push(await monitor.collect());
      clockMs += 15_000;
    }
    clockMs -= 15_000;
  });

  after(async () => {
    await rig.monitor.stop();
    await rig.scrape.stop();
    await rig.shipper.stop();
    rig.exporter.closeAllConnections();
    await new Promise<void>((resolve) => rig.exporter.close(() => resolve()));
    await rig.pipeline.close();
    await rig.tight.close();
    await rig.temp.dispose();
  });

  it('skips and counts an interval the store refuses under back-pressure', async () => {
    assert.equal(overloadedOutcome, 'overloaded');
    assert.deepEqual(outcomes, ['written', 'written', 'written']);
    const skipped = await rig.registry.getSingleMetric('sightline_selfmon_skipped_total')?.get();
    assert.deepEqual(
      skipped?.values.map((value) => [value.labels['reason'], value.value]),
      [['overloaded', 1]],
    );
  });

  it('stores the registry under service.name sightline with the types prom-client gave them', async () => {
    const rows = await rig.temp.store.query<{ metric_name: string; type: string; temporality: number; is_monotonic: boolean; instance: string; host: string }>(sql`
      SELECT DISTINCT metric_name, type, temporality, is_monotonic,
        resource_attributes['service.instance.id'] AS instance, resource_attributes['host.name'] AS host
      FROM metric_series FINAL WHERE resource_attributes['service.name'] = 'sightline' AND scope_name = 'sightline/selfmon'
      ORDER BY metric_name`);
    const byName = new Map(rows.map((row) => [row.metric_name, row]));
    assert.deepEqual(
      ['sightline_ingest_items_accepted_total', 'sightline_store_insert_duration_seconds', 'sightline_process_resident_memory_bytes', 'sightline_selfmon_event_loop_lag_p99_seconds'].map(
        (name) => {
          const row = byName.get(name);
          return [name, row?.type, row?.temporality, row?.is_monotonic];
        },
      ),
      [
        ['sightline_ingest_items_accepted_total', 'sum', 2, true],
        ['sightline_store_insert_duration_seconds', 'histogram', 2, false],
        ['sightline_process_resident_memory_bytes', 'gauge', 0, false],
        ['sightline_selfmon_event_loop_lag_p99_seconds', 'gauge', 0, false],
      ],
    );
    assert.deepEqual(new Set(rows.map((row) => `${row.instance} ${row.host}`)), new Set(['selfmon-test:8080 selfmon-test']));
    // Three intervals written, one point per interval for a series.
    const [points] = await rig.temp.store.query<{ n: string }>(
      sql`SELECT toString(count()) AS n FROM metric_points_number WHERE metric_name = 'sightline_process_resident_memory_bytes'
        AND fingerprint IN (SELECT fingerprint FROM metric_series WHERE resource_attributes['service.name'] = 'sightline')`,
    );
    assert.equal(points?.n, '3');
  });

  it('measures the newest row per signal leaving its own rows out', async () => {
    const ages = await rig.registry.getSingleMetric('sightline_selfmon_newest_row_age_seconds')?.get();
    const age = new Map(ages?.values.map((value) => [value.labels['signal'], value.value]));
    // The last interval ran at clockMs; Sightline's own log lines are newer than the checkout record.
    const nowNs = BigInt(clockMs) * 1_000_000n;
    assert.equal(age.get('logs'), Number(nowNs - (BASE_TIME_NS + 500_000_001n)) / 1e9);
    assert.equal(age.get('spans'), Number(nowNs - (BASE_TIME_NS + 123_456_789n)) / 1e9);
    // Scraped `up` and co. are not Sightline's own metrics.
    assert.ok(age.has('metrics'));
  });

  it('measures the event-loop delay over the interval', async () => {
    const max = await rig.registry.getSingleMetric('sightline_selfmon_event_loop_lag_max_seconds')?.get();
    const p99 = await rig.registry.getSingleMetric('sightline_selfmon_event_loop_lag_p99_seconds')?.get();
    assert.ok((max?.values[0]?.value ?? 0) > 0);
    assert.ok((p99?.values[0]?.value ?? 0) > 0);
    assert.ok((p99?.values[0]?.value ?? 0) <= (max?.values[0]?.value ?? 0));
  });

  it('writes its own log lines into the logs table when asked to', async () => {
    const rows = await rig.temp.store.query<{ body: string; severity_text: string }>(
      sql`SELECT body, severity_text FROM logs WHERE service_name = 'sightline' ORDER BY body`,
    );
    assert.deepEqual(rows, [
      { body: 'a warning', severity_text: 'WARN' },
      { body: 'self-monitoring test line', severity_text: 'INFO' },
    ]);
  });

  it('gives every panel of the Sightline health dashboard data', async () => {
    const { panels } = dashboardDefinitionSchema.parse(SIGHTLINE_HEALTH_DASHBOARD);
    const range = { startNs: BigInt(Date.now() - 600_000) * 1_000_000n, endNs: BigInt(Date.now() + 60_000) * 1_000_000n };
    const empty: string[] = [];
    for (const panel of panels) {
      const result = await queryPanel(rig.temp.store, TEST_QUERY_CONFIG, { ...range, panel, stepSeconds: 15, variables: { instance: IDENTITY.instanceId } });
      const values = result.series.flatMap((series) => series.points.map((point) => point.v)).filter((value) => Number.isFinite(value));
      if (values.length === 0) empty.push(panel.id);
    }
    assert.deepEqual(empty, []);
  });

  it('skips an interval while the previous one still runs', async () => {
    const outcomesNow = await Promise.all([rig.monitor.collect(), rig.monitor.collect()]);
    assert.deepEqual(outcomesNow, ['written', 'busy']);
  });

  it('shows only the selected instance', async () => {
    const panel = dashboardDefinitionSchema.parse(SIGHTLINE_HEALTH_DASHBOARD).panels.find((each) => each.id === 'memory');
    assert.ok(panel);
    const range = { startNs: BigInt(Date.now() - 600_000) * 1_000_000n, endNs: BigInt(Date.now() + 60_000) * 1_000_000n };
    const other = await queryPanel(rig.temp.store, TEST_QUERY_CONFIG, { ...range, panel, stepSeconds: 15, variables: { instance: 'another:8080' } });
    assert.deepEqual(other.series, []);
    // The scraped copy of /metrics (service.name sightline-self) is not Sightline's own series.
    const all = await queryPanel(rig.temp.store, TEST_QUERY_CONFIG, { ...range, panel, stepSeconds: 15, variables: {} });
    assert.deepEqual(
      all.series.map((series) => series.name),
      ['resident', 'JS heap used', 'storage engine'],
    );
  });
});
