// The built-in PostgreSQL, MySQL/MariaDB and host dashboards against real exporters from Debian's
// packages (see .ci/exporters-setup.sh) scraped by a Sightline process: every panel has data once some
// load ran, except the ones documented "when present" (replication), which report their metrics missing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dashboardSchema, prometheusTargetsResponseSchema, type Dashboard, type PanelQueryResponse } from '@sightline/contract';
import { hasData, panelMetrics, queryPanelOn } from '../support/dashboards-panels.ts';
import type { RunningExporter } from '../support/exporters/exporter-process.ts';
import { startMariadb, type MariadbInstance } from '../support/exporters/mariadb.ts';
import { startMysqldExporter } from '../support/exporters/mysqld-exporter.ts';
import { startNodeExporter } from '../support/exporters/node-exporter.ts';
import { startPostgresExporter } from '../support/exporters/postgres-exporter.ts';
import { startPostgres, type PostgresInstance } from '../support/exporters/postgres.ts';
import { apiGet, startServerProcess, type ServerProcess } from '../support/server-process.ts';

const SCRAPE_SECONDS = 1;
const STEP_SECONDS = 2;
/** Panels that only have data on replicas or primaries with replicas: none here. */
const WHEN_PRESENT: Readonly<Record<string, readonly string[]>> = {
  'builtin-postgresql': ['replication_lag', 'replication_bytes'],
  'builtin-mysql': ['replication_lag'],
  'builtin-host': [],
};

describe('built-in dashboards on real exporters (node, PostgreSQL, MariaDB)', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-dashboards-exporters-'));
  let node: RunningExporter | undefined;
  let pg: PostgresInstance | undefined;
  let pgExporter: RunningExporter | undefined;
  let db: MariadbInstance | undefined;
  let mysqldExporter: RunningExporter | undefined;
  let server: ServerProcess | undefined;
  const startedMs = Date.now();
  const instances: Record<string, string> = {};

  before(async () => {
    [node, pg, db] = await Promise.all([startNodeExporter(), startPostgres(), startMariadb()]);
    [pgExporter, mysqldExporter] = await Promise.all([startPostgresExporter(pg), startMysqldExporter(db)]);
    const address = (exporter: RunningExporter) => `127.0.0.1:${exporter.port}`;
    Object.assign(instances, { 'builtin-host': address(node), 'builtin-postgresql': address(pgExporter), 'builtin-mysql': address(mysqldExporter) });
    const config = [
      'hostMetrics:',
      '  enabled: false',
      'prometheus:',
      '  scrape:',
      `    global: { scrape_interval: ${SCRAPE_SECONDS}s, scrape_timeout: ${SCRAPE_SECONDS}s }`,
      '    scrape_configs:',
      `      - { job_name: node, static_configs: [{ targets: ['${address(node)}'] }] }`,
      `      - { job_name: postgres, static_configs: [{ targets: ['${address(pgExporter)}'] }] }`,
      `      - { job_name: mysql, static_configs: [{ targets: ['${address(mysqldExporter)}'] }] }`,
    ].join('\n');
    writeFileSync(path.join(dir, 'sightline.yaml'), config);
    server = await startServerProcess(path.join(dir, 'data'), ['--config', path.join(dir, 'sightline.yaml')]);
    // Scrapes before and after some load, so counters have increases and ratios have reads.
    for (;;) {
      const { targets } = await apiGet(server, prometheusTargetsResponseSchema, '/prometheus/targets');
      if (targets.length === 3 && targets.every((target) => target.health === 'up')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await Promise.all([pg.runTransactions(200), db.runTransactions(200), db.runSlowQuery()]);
  });

  after(async () => {
    await server?.stop();
    await Promise.all([node?.stop(), pgExporter?.stop(), mysqldExporter?.stop()]);
    await Promise.all([pg?.stop(), db?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Polls a panel until it has data (or, for "when present" panels, until the deadline: they must stay empty). */
  async function evaluate(dashboard: Dashboard, panelId: string, until: (result: PanelQueryResponse) => boolean): Promise<PanelQueryResponse> {
    const panel = dashboard.panels.find((each) => each.id === panelId)!;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const result = await queryPanelOn(server!, {
        panel,
        start: startedMs - 60_000,
        end: Date.now() + 5_000,
        stepSeconds: STEP_SECONDS,
        variables: { instance: instances[dashboard.id] ?? '' },
      });
      if (until(result) || Date.now() > deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  for (const id of ['builtin-postgresql', 'builtin-mysql', 'builtin-host']) {
    it(`${id}: every exporter panel has data; "when present" panels report their metrics missing`, async () => {
      const dashboard = await apiGet(server!, dashboardSchema, `/dashboards/${id}`);
      const whenPresent = WHEN_PRESENT[id] ?? [];
      const failures: string[] = [];
      for (const panel of dashboard.panels) {
        if (panel.type === 'apm_db_calls') continue;
        if (whenPresent.includes(panel.id)) {
          const result = await evaluate(dashboard, panel.id, () => true);
          if (hasData(result) || result.missingMetrics.join() !== panelMetrics(panel).join()) failures.push(`${panel.id} (when present): ${JSON.stringify(result)}`);
          continue;
        }
        const result = await evaluate(dashboard, panel.id, hasData);
        if (!hasData(result)) failures.push(`${panel.id}: no data, missing ${JSON.stringify(result.missingMetrics)}, ${result.series.length} series`);
        else if (result.missingMetrics.length > 0) failures.push(`${panel.id}: missing ${result.missingMetrics.join(', ')}`);
      }
      assert.deepEqual(failures, []);
      assert.ok(whenPresent.every((panelId) => dashboard.panels.some((panel) => panel.id === panelId)), 'the "when present" panels exist');
    });
  }

  it('the variable selects the instance: another instance has no data', async () => {
    const dashboard = await apiGet(server!, dashboardSchema, '/dashboards/builtin-postgresql');
    const panel = dashboard.panels.find((each) => each.id === 'connections')!;
    const other = await queryPanelOn(server!, { panel, start: startedMs - 60_000, end: Date.now() + 5_000, stepSeconds: STEP_SECONDS, variables: { instance: '127.0.0.1:1' } });
    assert.deepEqual([other.series, other.missingMetrics], [[], []]);
    const mine = await queryPanelOn(server!, { panel, start: startedMs - 60_000, end: Date.now() + 5_000, stepSeconds: STEP_SECONDS, variables: { instance: instances['builtin-postgresql']! } });
    assert.ok(mine.series.some((series) => series.name === 'max_connections' && series.points.at(-1)?.v === 100), JSON.stringify(mine.series.map((s) => s.name)));
  });
});
