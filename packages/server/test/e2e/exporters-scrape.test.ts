// Sightline scraping real exporters from Debian's packages (see .ci/exporters-setup.sh): the targets'
// health, the series with their types and labels, a counter that follows generated load, and a
// stopped exporter shown down with its error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  metricListResponseSchema,
  metricQueryResponseSchema,
  prometheusTargetsResponseSchema,
  type MetricQueryRequest,
  type PrometheusTarget,
} from '@sightline/contract';
import type { RunningExporter } from '../support/exporters/exporter-process.ts';
import { startMariadb, type MariadbInstance } from '../support/exporters/mariadb.ts';
import { startMysqldExporter } from '../support/exporters/mysqld-exporter.ts';
import { startNodeExporter } from '../support/exporters/node-exporter.ts';
import { startPostgresExporter } from '../support/exporters/postgres-exporter.ts';
import { startPostgres, type PostgresInstance } from '../support/exporters/postgres.ts';
import { apiGet, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { eventually } from '../support/eventually.ts';

const TRANSACTIONS = 200;
const SCRAPE_SECONDS = 1;


async function queryMetric(server: ServerProcess, request: MetricQueryRequest) {
  const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1/metrics/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return metricQueryResponseSchema.parse(body);
}

describe('Sightline scrapes real exporters (node, PostgreSQL, MariaDB)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-exporters-scrape-'));
  let node: RunningExporter | undefined;
  let pg: PostgresInstance | undefined;
  let pgExporter: RunningExporter | undefined;
  let db: MariadbInstance | undefined;
  let mysqldExporter: RunningExporter | undefined;
  let server: ServerProcess | undefined;
  const startedMs = Date.now();

  before(async () => {
    [node, pg, db] = await Promise.all([startNodeExporter(), startPostgres(), startMariadb()]);
    [pgExporter, mysqldExporter] = await Promise.all([startPostgresExporter(pg), startMysqldExporter(db)]);
    const address = (exporter: RunningExporter) => `127.0.0.1:${exporter.port}`;
    const config = [
      'hostMetrics:',
      '  enabled: false',
      'prometheus:',
      '  scrape:',
      `    global: { scrape_interval: ${SCRAPE_SECONDS}s, scrape_timeout: ${SCRAPE_SECONDS}s }`,
      '    scrape_configs:',
      `      - { job_name: node, static_configs: [{ targets: ['${address(node)}'] }] }`,
      `      - { job_name: postgres, static_configs: [{ targets: ['${address(pgExporter)}'], labels: { cluster: main } }] }`,
      `      - { job_name: mysql, static_configs: [{ targets: ['${address(mysqldExporter)}'] }] }`,
    ].join('\n');
    writeFileSync(path.join(dir, 'sightline.yaml'), config);
    server = await startServerProcess(path.join(dir, 'data'), ['--config', path.join(dir, 'sightline.yaml')]);
  });

  after(async () => {
    await server?.stop();
    await Promise.all([node?.stop(), pgExporter?.stop(), mysqldExporter?.stop()]);
    await Promise.all([pg?.stop(), db?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const targets = async (): Promise<PrometheusTarget[]> => (await apiGet(server!, prometheusTargetsResponseSchema, '/prometheus/targets')).targets;
  const range = () => ({ start: startedMs - 60_000, end: Date.now() + 60_000 });

  it('lists every target up, and stores `up` = 1 for each job', async () => {
    const up = await eventually('three healthy targets', async () => {
      const list = await targets();
      return list.length === 3 && list.every((target) => target.health === 'up' && (target.samples ?? 0) > 0) ? list : undefined;
    });
    assert.deepEqual(up.map((target) => [target.job, target.source, target.lastError]).sort(), [
      ['mysql', 'config', null],
      ['node', 'config', null],
      ['postgres', 'config', null],
    ]);
    const result = await queryMetric(server!, { name: 'up', ...range(), stepSeconds: 3600, groupBy: ['job'], aggregation: 'min' });
    const byJob = new Map<string, number[]>(result.series.map((series) => [series.labels.job ?? '', series.points.map((point) => point.v)]));
    assert.deepEqual([...byJob.keys()].sort(), ['mysql', 'node', 'postgres']);
    for (const values of byJob.values()) assert.ok(values.length > 0 && values.every((value) => value === 1), JSON.stringify([...byJob]));
  });

  it('stores the exporters’ series with their types and labels', async () => {
    const expectType = async (name: string, type: string, monotonic: boolean) => {
      const { metrics } = await apiGet(server!, metricListResponseSchema, `/metrics?start=${range().start}&end=${range().end}&prefix=${name}`);
      const metric = metrics.find((candidate) => candidate.name === name);
      assert.ok(metric !== undefined, `${name} stored`);
      assert.deepEqual([metric.type, metric.monotonic], [type, monotonic], name);
    };
    await expectType('node_cpu_seconds_total', 'sum', true);
    await expectType('node_memory_MemTotal_bytes', 'gauge', false);
    await expectType('pg_stat_database_xact_commit', 'sum', true);
    await expectType('pg_up', 'gauge', false);
    await expectType('mysql_up', 'gauge', false);
    // mysqld_exporter declares its global status untyped: stored as a gauge, still rated like PromQL does.
    const { metrics: questions } = await apiGet(server!, metricListResponseSchema, `/metrics?start=${range().start}&end=${range().end}&prefix=mysql_global_status_questions`);
    assert.equal(questions.find((metric) => metric.name === 'mysql_global_status_questions')?.prometheusType, 'untyped');
    const questionRate = await eventually('a rate of mysql questions', async () => {
      const result = await queryMetric(server!, { name: 'mysql_global_status_questions', ...range(), stepSeconds: 2, function: 'rate' });
      return result.series[0]?.points.some((point) => point.v > 0) === true ? result : undefined;
    });
    assert.ok(questionRate.series.length === 1);
    const pgUp = await queryMetric(server!, { name: 'pg_up', ...range(), stepSeconds: 3600, groupBy: ['job', 'instance', 'cluster'], aggregation: 'max' });
    assert.deepEqual(pgUp.series.map((series) => series.labels), [{ job: 'postgres', instance: `127.0.0.1:${pgExporter!.port}`, cluster: 'main' }]);
    assert.equal(pgUp.series[0]?.points.at(-1)?.v, 1);
  });

  it('follows generated load: N committed transactions show as an increase of ≈N', async () => {
    const commits = (request: Partial<MetricQueryRequest>) =>
      queryMetric(server!, {
        name: 'pg_stat_database_xact_commit',
        ...range(),
        stepSeconds: 3600,
        filters: [{ label: 'datname', op: 'equals', value: pg!.database }],
        aggregation: 'sum',
        ...request,
      });
    const total = async () => (await commits({ aggregation: 'max' })).series[0]?.points.at(-1)?.v;
    const before = await eventually('a first commit count', total);
    await pg!.runTransactions(TRANSACTIONS);
    // The exporter reads the statistics the backend wrote when its session ended; wait for a scrape that has them.
    const afterLoad = await eventually('the commits scraped', async () => {
      const value = await total();
      return value !== undefined && value >= before + TRANSACTIONS ? value : undefined;
    });
    // psql's session commits one catalog transaction of its own; autovacuum may add a few.
    assert.ok(afterLoad - before <= TRANSACTIONS + 5, `${afterLoad} - ${before}`);
    // The same through the query API's counter function, over the whole run.
    const increase = await commits({ function: 'increase' });
    const increased = increase.series[0]?.points.reduce((sum, point) => sum + point.v, 0) ?? 0;
    assert.ok(increased >= afterLoad - before && increased <= afterLoad, `increase ${increased}, commits ${before} → ${afterLoad}`);
  });

  it('shows a stopped exporter as down with its error', async () => {
    await mysqldExporter!.stop();
    const down = await eventually('the mysql target down', async () => (await targets()).find((target) => target.job === 'mysql' && target.health === 'down'));
    assert.match(down.lastError ?? '', /ECONNREFUSED|refused|fetch failed/i);
    const up = await queryMetric(server!, { name: 'up', ...range(), stepSeconds: 1, filters: [{ label: 'job', op: 'equals', value: 'mysql' }], aggregation: 'min' });
    assert.equal(up.series[0]?.points.at(-1)?.v, 0);
  });
});
