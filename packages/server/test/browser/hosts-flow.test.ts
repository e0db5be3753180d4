/**
 * The Hosts pages in a real browser against a real server fed over OTLP/HTTP JSON: an
 * OpenTelemetry-hostmetrics host with a service on it and a node_exporter host. The list shows
 * both with their usage; a host opens its charts, filesystems and services; a service leads to
 * its APM page. Any console error, page error or HTTP error response fails the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite } from '../support/browser-suite.ts';
import { hostMetricsRequest, hostSpansRequest, postOtlpJson } from '../support/infra-otlp-hosts.ts';

describe('Hosts pages in a browser', { timeout: 300_000 }, () => {
  const { browser, assertNoNewProblems, itHadNoProblems } = browserSuite({
    name: 'hosts',
    seed: async (server) => {
      const now = Date.now();
      await postOtlpJson(server.ports.http, 'metrics', hostMetricsRequest(now));
      await postOtlpJson(server.ports.http, 'traces', hostSpansRequest(now));
    },
    viewport: { width: 1440, height: 1500 },
  });
  const rowCells = (table: string, name: string): Promise<string[]> => browser().rowCells(table, name, { collapseWhitespace: true });

  it('lists both hosts with CPU, memory, disk, load and network', async () => {
    const { page } = browser();
    await page.goto('/services?range=1h');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/hosts'));
    // Host, CPU, memory, disk, load, net in, net out, last seen.
    const web = await rowCells('Hosts', 'web-vm');
    assert.match(web[0] ?? '', /^web-vm\s*active\s+OpenTelemetry$/);
    assert.deepEqual(web.slice(1, 7), ['25%', '75%', '90%', '0.42', '1 KiB/s', '512 B/s']);
    const db = await rowCells('Hosts', 'db-vm');
    assert.match(db[0] ?? '', /^db-vm\s*active\s+node_exporter$/);
    assert.deepEqual(db.slice(1, 7), ['50%', '25%', '20%', '1.10', '2 KiB/s', '–']);
    await browser().screenshot('list');
    assertNoNewProblems();
  });

  it('opens a host with its charts, filesystems and the services on it', async () => {
    const { page } = browser();
    await page.getByRole('table', { name: 'Hosts' }).getByRole('link', { name: 'web-vm', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/hosts/web-vm'));
    const summary = page.getByRole('group', { name: 'Host summary' });
    await summary.getByText('25%').waitFor();
    await page.locator('.series-chart canvas').first().waitFor();
    const fs = await rowCells('Filesystems', '/');
    assert.deepEqual(fs.slice(0, 6), ['/', '/dev/sda1', 'ext4', '45 GiB', '50 GiB', '90%']);
    const service = await rowCells('Services on this host', 'checkout');
    assert.deepEqual(service.slice(0, 4), ['checkout', 'ck-1', '4', '1']);
    await browser().screenshot('host-web-vm');
    await page.getByRole('table', { name: 'Services on this host' }).getByRole('link', { name: 'checkout', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/services/checkout'));
    assertNoNewProblems();
  });

  it('shows a node_exporter host and says which charts have no data', async () => {
    const { page } = browser();
    await page.goto('/hosts/db-vm?range=1h');
    await page.getByRole('group', { name: 'Host summary' }).getByText('50%').waitFor();
    await page.getByRole('region', { name: 'Disk I/O' }).getByText('No data in this range.').waitFor();
    assert.deepEqual((await rowCells('Filesystems', '/')).slice(3, 6), ['10 GiB', '50 GiB', '20%']);
    await page.getByText('No spans name this host').waitFor();
    await browser().screenshot('host-db-vm');
    assertNoNewProblems();
  });

  itHadNoProblems();
});
