/**
 * The Targets page in a real browser against a real server process whose configuration scrapes a
 * small exporter served by this test: the configured target shows up; a runtime target added
 * through the form (keyboard only) on a closed port turns down with its error, and is removed.
 * Any console error, page error or HTTP error response fails the test.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { closedPort } from '../support/alert-receivers/http-recorder.ts';
import { cellTexts } from '../support/browser-session.ts';
import { browserSuite } from '../support/browser-suite.ts';

const EXPOSITION = '# HELP demo_requests_total Requests.\n# TYPE demo_requests_total counter\ndemo_requests_total{path="/"} 7\ndemo_up 1\n';
/** Scrapes every second, so health changes arrive within the page's 10 s refresh and then some. */
const HEALTH_TIMEOUT_MS = 45_000;

describe('Targets page in a browser', { timeout: 300_000 }, () => {
  const exporter = createServer((request, response) => {
    if (request.url === '/metrics') response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(EXPOSITION);
    else response.writeHead(404).end();
  });
  let exporterPort = 0;
  let deadPort = 0;
  const { browser, assertNoNewProblems, itHadNoProblems } = browserSuite({
    name: 'targets',
    prepare: async () => {
      await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
      exporterPort = (exporter.address() as AddressInfo).port;
      deadPort = await closedPort();
    },
    config: () =>
      [
        'prometheus:',
        '  scrape:',
        '    global: {scrape_interval: 1s, scrape_timeout: 1s}',
        '    scrape_configs:',
        `      - {job_name: app, static_configs: [{targets: ['127.0.0.1:${exporterPort}'], labels: {team: web}}]}`,
        '',
      ].join('\n'),
    stop: () => new Promise((resolve) => exporter.close(() => resolve())),
  });
  const table = () => browser().page.getByRole('table', { name: 'Scrape targets', exact: true });
  /** The main row (not the error row under it) of the target scraping `url`. */
  const row = (url: string) =>
    table().locator('tbody tr:not(.expanded-row)', {
      has: browser().page.locator('code', { hasText: url }),
    });
  const cells = (url: string): Promise<string[]> => cellTexts(row(url));
  const summary = () => browser().page.locator('.targets-summary');

  it('lists the configured target as up with its labels, scrape and samples', async () => {
    const { page } = browser();
    await page.goto('/hosts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Targets' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/targets'));
    assert.equal(await page.title(), 'Targets · Sightline');
    const url = `http://127.0.0.1:${exporterPort}/metrics`;
    await row(url).locator('.health-badge', { hasText: /^up$/ }).waitFor({ timeout: HEALTH_TIMEOUT_MS });
    await summary().getByText('1 target', { exact: true }).waitFor();
    const [job, health, endpoint, lastScrape, duration, samples, source] = await cells(url);
    assert.equal(job, 'app');
    assert.equal(health, 'up');
    assert.match(endpoint ?? '', new RegExp(`^${url.replace(/\./g, '\\.')} instance=“127\\.0\\.0\\.1:${exporterPort}” team=“web”$`));
    assert.match(lastScrape ?? '', /^(just now|\d+ s ago)$/);
    assert.match(duration ?? '', /^\d+(\.\d)? ms$|^[\d.]+ s$/);
    assert.ok(Number(samples) >= 2, `samples ${samples}`);
    assert.equal(source, 'from the configuration file');
    assert.equal(await row(url).getByRole('button').count(), 0, 'a config target has no Remove button');
    await browser().screenshot('configured-up');
    assertNoNewProblems();
  });

  it('adds a runtime target with the keyboard, shows it down with its error, and removes it', async () => {
    const { page } = browser();
    const form = page.getByRole('form', { name: 'Add a target' });
    // Empty fields are refused in the page, without a request.
    await form.getByRole('button', { name: 'Add target' }).click();
    await form.getByText('Enter a job name.').waitFor();
    await form.getByLabel('Job').focus();
    await page.keyboard.type('broken');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`127.0.0.1:${deadPort}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('/metrics');
    await page.keyboard.press('Enter');

    const url = `http://127.0.0.1:${deadPort}/metrics`;
    await row(url).waitFor();
    assert.equal(await form.getByLabel('Host:port').inputValue(), '', 'the address is cleared after adding');
    await row(url)
      .locator('.health-badge', { hasText: /^down$/ })
      .waitFor({ timeout: HEALTH_TIMEOUT_MS });
    await summary().getByText('2 targets · 1 down', { exact: true }).waitFor();
    const error = table().locator('tr.expanded-row .target-error');
    await error.waitFor();
    const errorText = (await error.innerText()).trim();
    assert.match(errorText, /^Last error: \S/);
    assert.match(errorText, /ECONNREFUSED|refused|connect/i, errorText);
    assert.equal(await table().locator('tr.expanded-row').count(), 1, 'only the down target has an error row');
    await browser().screenshot('runtime-down');

    await browser().screenshotDark('runtime-down-dark');

    // Sorting by health puts the down target first.
    await table()
      .getByRole('button', { name: /^Health/ })
      .click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'health');
    assert.match((await table().locator('tbody tr').first().innerText()).replace(/\s+/g, ' '), /^broken down/);
    await table().getByRole('button', { name: /^Job/ }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'job');
    assert.match((await table().locator('tbody tr').first().innerText()).replace(/\s+/g, ' '), /^broken down/, 'job z→a after a click on the default column');

    const remove = row(url).getByRole('button', {
      name: `Remove target ${url} of job broken`,
    });
    await remove.focus();
    await page.keyboard.press('Enter');
    await row(url).waitFor({ state: 'detached' });
    await summary().getByText('1 target', { exact: true }).waitFor();
    assert.equal(await table().locator('tr.expanded-row').count(), 0);
    await browser().screenshot('removed');
    assertNoNewProblems();
  });

  itHadNoProblems();
});
