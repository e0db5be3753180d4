/**
 * The built-in PostgreSQL dashboard in a real browser, fed by a real PostgreSQL and Debian's
 * postgres_exporter scraped by Sightline: the exporter panels draw charts, only the "when present"
 * replication panels say no data, and the page has no console, page or HTTP errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardSchema, panelQueryResponseSchema } from '@sightline/contract';
import { browserSuite } from '../support/browser-suite.ts';
import type { RunningExporter } from '../support/exporters/exporter-process.ts';
import { startPostgresExporter } from '../support/exporters/postgres-exporter.ts';
import { startPostgres, type PostgresInstance } from '../support/exporters/postgres.ts';
import { apiGet } from '../support/server-process.ts';
import { eventually } from '../support/eventually.ts';

/** Scrapes every second: data for rates takes a few of them. */
const SLOW = { timeoutMs: 60_000, pauseMs: 500 };


describe('PostgreSQL dashboard on a real database, in a browser', { timeout: 180_000 }, () => {
  let pg: PostgresInstance | undefined;
  let exporter: RunningExporter | undefined;
  const { browser, running, assertNoNewProblems } = browserSuite({
    name: 'db-dashboard',
    prepare: async () => {
      pg = await startPostgres();
      exporter = await startPostgresExporter(pg);
    },
    config: () =>
      [
        'hostMetrics: { enabled: false }',
        'prometheus:',
        '  scrape:',
        '    global: { scrape_interval: 1s, scrape_timeout: 1s }',
        `    scrape_configs: [{ job_name: postgres, static_configs: [{ targets: ['127.0.0.1:${exporter!.port}'] }] }]`,
      ].join('\n'),
    seed: async (server) => {
      const dashboard = await apiGet(server, dashboardSchema, '/dashboards/builtin-postgresql');
      const panelHasData = async (panel: (typeof dashboard.panels)[number]): Promise<boolean> => {
        const now = Date.now();
        const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1/dashboards/panels/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ panel, start: now - 15 * 60_000, end: now }),
        });
        const body = panelQueryResponseSchema.parse(await response.json());
        return body.series.some((series) => series.points.length > 0);
      };
      const up = dashboard.panels.find((panel) => panel.id === 'up');
      assert.ok(up !== undefined, 'the dashboard has an Up panel');
      await eventually('a first scrape', async () => ((await panelHasData(up)) ? true : undefined), SLOW);
      // Load after the first scrape, so rates see it; then wait until the panels the page will draw have points.
      await pg!.runTransactions(300);
      const exporterPanels = dashboard.panels.filter((panel) => panel.type !== 'apm_db_calls' && !/when present/i.test(panel.title));
      await eventually('every exporter panel with data', async () => {
        for (const panel of exporterPanels) if (!(await panelHasData(panel))) return undefined;
        return true;
      }, SLOW);
    },
    stop: async () => {
      await exporter?.stop();
      await pg?.stop();
    },
  });

  it('draws every exporter panel; only the replication panels say no data', async () => {
    const { page } = browser();
    await page.goto('/dashboards/builtin-postgresql?range=15m');
    await page.getByRole('heading', { name: 'PostgreSQL' }).waitFor();
    const dashboard = await apiGet(running(), dashboardSchema, '/dashboards/builtin-postgresql');
    const exporterPanels = dashboard.panels.filter((panel) => panel.type !== 'apm_db_calls');
    for (const panel of exporterPanels) {
      const region = page.getByRole('region', { name: panel.title, exact: true });
      await region.waitFor();
      await eventually(`panel ${panel.title} loaded`, async () => ((await region.getAttribute('aria-busy')) === 'true' ? undefined : true), { timeoutMs: 20_000, pauseMs: 500 });
      const noData = await region.getByText('No data', { exact: true }).count();
      const whenPresent = /when present/i.test(panel.title);
      assert.equal(noData > 0, whenPresent, `${panel.title}: ${whenPresent ? 'no data expected (no replicas)' : 'data expected'}`);
    }
    await browser().screenshot('postgresql-live');
    assertNoNewProblems();
  });
});
