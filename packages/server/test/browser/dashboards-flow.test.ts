/**
 * The Dashboards pages in a real browser against a real server that scrapes a node_exporter-like
 * endpoint and received the spans of a service querying PostgreSQL. The list shows the built-in
 * dashboards; the Host dashboard draws the scraped series and says which panels have no data and
 * which metrics are missing; the PostgreSQL dashboard lists the APM DB calls; a clone is edited as
 * JSON (a wrong definition is refused with its problems), saved under a new title and deleted.
 * Any console error, page error or HTTP error response fails the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apmDependenciesResponseSchema, dashboardSchema, panelQueryResponseSchema } from '@sightline/contract';
import { cellTexts } from '../support/browser-session.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { ordersDbSpansRequest, scrapeConfig, startFakeNodeExporter, type FakeNodeExporter } from '../support/dashboards-browser-data.ts';
import { postOtlpJson } from '../support/infra-otlp-hosts.ts';
import { apiGet } from '../support/server-process.ts';
import { eventually } from '../support/eventually.ts';

/** Scrapes every second: data for rates takes a few of them. */
const SLOW = { timeoutMs: 60_000, pauseMs: 500 };


describe('Dashboards pages in a browser', { timeout: 300_000 }, () => {
  let exporter: FakeNodeExporter | undefined;
  const instance = (): string => {
    assert.ok(exporter !== undefined, 'exporter started');
    return exporter.address;
  };
  const { browser, running, assertNoNewProblems, itHadNoProblems } = browserSuite({
    name: 'dashboards',
    prepare: async () => {
      exporter = await startFakeNodeExporter();
    },
    config: () => scrapeConfig(instance()),
    seed: async (server) => {
      await postOtlpJson(server.ports.http, 'traces', ordersDbSpansRequest(Date.now()));
      await eventually('CPU busy over scraped series', async () => ((await hostPanelHasData('cpu_busy')) ? true : undefined), SLOW);
      await eventually('the DB calls of orders', async () => {
        const now = Date.now();
        const deps = await apiGet(server, apmDependenciesResponseSchema, `/apm/services/orders/dependencies?type=db&start=${now - 15 * 60_000}&end=${now}`);
        return deps.dependencies.length > 0 ? true : undefined;
      }, SLOW);
    },
    viewport: { width: 1440, height: 1400 },
    stop: async () => exporter?.stop(),
  });
  const panel = (title: string) => browser().page.getByRole('region', { name: title, exact: true });

  /** Whether the built-in Host dashboard's `panelId` has points over the last 15 minutes (rates need two scrapes). */
  async function hostPanelHasData(panelId: string): Promise<boolean> {
    const host = await apiGet(running(), dashboardSchema, '/dashboards/builtin-host');
    const wanted = host.panels.find((p) => p.id === panelId);
    assert.ok(wanted !== undefined, `the Host dashboard has panel ${panelId}`);
    const now = Date.now();
    const response = await fetch(`http://127.0.0.1:${running().ports.api}/api/v1/dashboards/panels/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        panel: wanted,
        start: now - 15 * 60_000,
        end: now,
      }),
    });
    assert.equal(response.status, 200);
    const body = panelQueryResponseSchema.parse(await response.json());
    return body.series.some((s) => s.points.length > 0);
  }

  it('lists the built-in dashboards', async () => {
    const { page } = browser();
    await page.goto('/services?range=15m');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/dashboards'));
    const table = page.getByRole('table', { name: 'Dashboards' });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 4);
    // Dashboard (title and description), tags, kind, panels, changed.
    const cells = (i: number): Promise<string[]> => cellTexts(rows.nth(i));
    const host = await cells(0);
    assert.match(host[0] ?? '', /^Host \(node_exporter\) CPU, load, memory/);
    assert.deepEqual(host.slice(2), ['built-in', '7', '–']);
    assert.deepEqual(await rows.nth(0).locator('td').nth(1).locator('.badge').allInnerTexts(), ['host', 'node_exporter']);
    assert.match((await cells(1))[0] ?? '', /^MySQL/);
    assert.match((await cells(2))[0] ?? '', /^PostgreSQL/);
    assert.equal((await cells(2))[2], 'built-in');
    assert.match((await cells(3))[0] ?? '', /^Sightline health/);
    await page.getByText('4 dashboards · 4 built-in').waitFor();
    await browser().screenshot('list');
    assertNoNewProblems();
  });

  it('draws the Host dashboard from the scraped series and names the metrics it lacks', async () => {
    const { page } = browser();
    await page.getByRole('table', { name: 'Dashboards' }).getByRole('link', { name: 'Host (node_exporter)' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/dashboards/builtin-host'));
    await page.getByRole('heading', { name: 'Host (node_exporter)' }).waitFor();
    for (const title of ['CPU busy', 'Load average', 'Memory used']) {
      await panel(title).locator('.series-chart canvas').first().waitFor();
      assert.equal(await panel(title).getByText('No data').count(), 0, `${title} has data`);
    }
    // The legend names each series by its query's legend template.
    const legend = await panel('Load average').locator('.u-legend').innerText();
    for (const name of ['1m', '5m', '15m']) assert.ok(legend.includes(`${name} ${instance()}`), `legend has "${name} ${instance()}": ${legend}`);
    // Hovering the newest step shows its value in the legend, in the panel's unit.
    const over = panel('Memory used').locator('.u-over');
    const box = await over.boundingBox();
    assert.ok(box !== null);
    const memoryLegend = panel('Memory used').locator('.u-legend');
    const seen: string[] = [];
    for (let dx = 1; dx < 60; dx += 3) {
      await page.mouse.move(box.x + box.width - dx, box.y + box.height / 2);
      seen.push(await memoryLegend.innerText());
      if (seen.at(-1)?.includes('75%') === true) break;
    }
    assert.ok(seen.at(-1)?.includes('75%'), `memory is 75% used: ${JSON.stringify(seen)}`);

    const network = panel('Network traffic');
    await network.getByText('No data', { exact: true }).waitFor();
    const networkText = await network.innerText();
    assert.match(networkText, /Metrics node_network_receive_bytes_total and node_network_transmit_bytes_total are not being collected/);
    assert.match(networkText, /scrape target/);
    await panel('Filesystem used').getByText('No data', { exact: true }).waitFor();
    await panel('Disk I/O').getByText('No data', { exact: true }).waitFor();

    // The instance variable lists the scraped target; choosing it keeps the data and goes into the URL.
    const select = page.getByLabel('Instance');
    assert.deepEqual(await select.locator('option').allInnerTexts(), ['All', instance()]);
    await select.selectOption(instance());
    await page.waitForURL((url) => url.searchParams.get('var-instance') === instance());
    await panel('CPU busy').locator('.series-chart canvas').first().waitFor();
    assert.equal(await panel('CPU busy').getByText('No data').count(), 0);
    await browser().screenshot('host');
    assertNoNewProblems();
  });

  it('lists the APM DB calls on the PostgreSQL dashboard beside its missing exporter metrics', async () => {
    const { page } = browser();
    await page.goto('/dashboards/builtin-postgresql?range=15m');
    await page.getByRole('heading', { name: 'PostgreSQL' }).waitFor();
    const calls = page.locator('table[aria-label$=" calls"]');
    await calls.locator('tbody tr').first().waitFor();
    const cells = (await calls.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells.slice(0, 3), ['orders', 'shop', 'SELECT']);
    assert.equal(cells[4], '25%', 'one of four calls failed');
    assert.ok(await page.getByText('pg_up is not being collected').first().isVisible());
    await browser().screenshot('postgresql');
    await calls.getByRole('link', { name: 'orders' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/services/orders') && url.searchParams.get('tab') === 'db');
    assertNoNewProblems();
  });

  it('clones the Host dashboard, edits its JSON, saves a new title and deletes it', async () => {
    const { page } = browser();
    await page.goto('/dashboards/builtin-host?range=15m');
    await page.getByRole('button', { name: 'Clone to edit' }).click();
    await page.waitForURL((url) => /\/dashboards\/[0-9a-f-]{36}$/.test(url.pathname));
    const copyPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Host (node_exporter) (copy)' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Clone to edit' }).count(), 0, 'a copy is editable');
    await panel('Load average').locator('.series-chart canvas').first().waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByLabel('Dashboard definition (JSON)');
    const definition = JSON.parse(await editor.inputValue()) as {
      title: string;
      panels: { width: number }[];
    };
    assert.equal(definition.title, 'Host (node_exporter) (copy)');
    assert.equal(definition.panels.length, 7);

    // A definition the contract refuses is not sent: its problems are listed with their paths.
    await editor.fill(
      JSON.stringify(
        {
          ...definition,
          title: '',
          panels: definition.panels.map((p, i) => (i === 1 ? { ...p, width: 20 } : p)),
        },
        null,
        2,
      ),
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const problems = page.getByRole('alert', {
      name: 'Problems in the definition',
    });
    await problems.waitFor();
    const problemText = await problems.innerText();
    assert.match(problemText, /2 problems/);
    assert.match(problemText, /title: /);
    assert.match(problemText, /panels\.1\.width: /);
    await browser().screenshot('edit-problems');

    await editor.fill(JSON.stringify({ ...definition, title: 'My hosts' }, null, 2));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'My hosts' }).waitFor();
    await editor.waitFor({ state: 'detached' });
    await panel('CPU busy').locator('.series-chart canvas').first().waitFor();
    await browser().screenshot('saved');

    await page.getByRole('link', { name: 'Dashboards', exact: true }).first().click();
    await page.waitForURL((url) => url.pathname.endsWith('/dashboards'));
    await page.getByRole('table', { name: 'Dashboards' }).getByRole('link', { name: 'My hosts' }).waitFor();
    await page.getByText('5 dashboards · 4 built-in').waitFor();

    await page.getByRole('table', { name: 'Dashboards' }).getByRole('link', { name: 'My hosts' }).click();
    await page.waitForURL((url) => url.pathname === copyPath);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('group', { name: 'Confirm delete' });
    await confirm.getByText('Delete “My hosts”?').waitFor();
    await browser().screenshot('delete-confirm');
    await confirm.getByRole('button', { name: 'Delete dashboard' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/dashboards'));
    await page.getByText('4 dashboards · 4 built-in').waitFor();
    assert.equal(await page.getByRole('link', { name: 'My hosts' }).count(), 0);
    await browser().screenshot('deleted');
    assertNoNewProblems();
  });

  itHadNoProblems();
});
