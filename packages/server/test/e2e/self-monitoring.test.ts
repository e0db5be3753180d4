// A running server writes its own metrics into its store: every panel of the built-in
// "Sightline health" dashboard has data once a few intervals have passed (except what did not happen).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardSchema, panelQueryResponseSchema, type Panel } from '@sightline/contract';
import { apiGet, serverForSuite, type ServerProcess } from '../support/server-process.ts';

async function panelValues(server: ServerProcess, panel: Panel): Promise<number> {
  const now = Date.now();
  const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1/dashboards/panels/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ panel, start: now - 10 * 60_000, end: now + 60_000, stepSeconds: 15 }),
  });
  const body = panelQueryResponseSchema.parse(await response.json());
  return body.series.reduce((count, series) => count + series.points.filter((point) => Number.isFinite(point.v)).length, 0);
}

describe('self-monitoring of a running server', { timeout: 90_000 }, () => {
  const server = serverForSuite('self-monitoring', ['--set', 'selfmon.intervalSeconds=1']);

  /** Panels of things that did not happen in this run: no refusals, no scrape targets, no gaps, no log lines yet. */
  const QUIET = new Set(['Refused items and requests', 'Scrape targets up', 'Self-monitoring gaps', 'Log lines by level']);

  it('fills every panel of the Sightline health dashboard from its own metrics', async () => {
    const dashboard = await apiGet(server(), dashboardSchema, '/dashboards/builtin-sightline');
    assert.ok(dashboard.panels.length >= 8, `${dashboard.panels.length} panels`);
    const deadline = Date.now() + 60_000;
    let empty: string[] = [];
    do {
      // Ingest a little so the ingest panels have something to show.
      await fetch(`http://127.0.0.1:${server().ports.http}/v1/logs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'app' } }] }, scopeLogs: [{ logRecords: [{ body: { stringValue: 'hello' } }] }] }] }),
      });
      empty = [];
      for (const panel of dashboard.panels) if (!QUIET.has(panel.title) && (await panelValues(server(), panel)) === 0) empty.push(panel.title);
      if (empty.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } while (Date.now() < deadline);
    assert.deepEqual(empty, [], 'panels without data');
    assert.ok(dashboard.panels.filter((panel) => QUIET.has(panel.title)).length === QUIET.size, 'the quiet panels exist');
  });
});
