/**
 * The Settings page in a real browser against a real server process: retention per signal with its
 * source, a logs retention changed with the keyboard (an out-of-range value refused in the page first),
 * the new value, source and last-change status shown, and the change read back from the API; then the
 * Storage section: the data volume's figures and watermark state, and after telemetry arrives, the
 * signals expanded with the keyboard to their tables (`logs`, `spans`) with the API's rows and parts.
 * Both themes are shot. Any console error, page error or HTTP error response fails the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminStorageResponseSchema, retentionResponseSchema, type AdminStorageResponse } from '@sightline/contract';
import { sendOrderScenario } from '../support/browser-telemetry.ts';
import { cellTexts } from '../support/browser-session.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { eventually } from '../support/eventually.ts';
import { apiGet } from '../support/server-process.ts';

describe('Settings page in a browser', { timeout: 300_000 }, () => {
  const { browser, running, assertNoNewProblems } = browserSuite({ name: 'settings' });
  const form = () => browser().page.getByRole('form', { name: 'Retention' });
  const row = (signal: string) => form().locator(`tr[data-signal="${signal}"]`);
  const storage = () => browser().page.getByRole('region', { name: 'Storage' });
  const cells = (signal: string): Promise<string[]> => cellTexts(row(signal));

  it('opens Settings from the side navigation and shows retention per signal with its source', async () => {
    const { page } = browser();
    await page.goto('/logs');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/settings'));
    assert.equal(await page.title(), 'Settings · Sightline');
    await row('logs').waitFor();
    assert.deepEqual((await cells('logs')).slice(0, 2), ['15 days', 'config file']);
    assert.deepEqual((await cells('metrics')).slice(0, 2), ['30 days', 'config file']);
    assert.equal(await form().getByLabel('Logs').inputValue(), '15');
    await form().getByTestId('retention-status').getByText(/none yet/).waitFor();
    await storage().getByTestId('storage-volume-figures').getByText(/ used \(/).waitFor();
    await browser().screenshot('retention-initial');
    assertNoNewProblems();
  });

  it('changes the logs retention with the keyboard and shows the new value and status', async () => {
    const { page } = browser();
    const logs = form().getByLabel('Logs');
    await logs.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await form().getByText('Enter whole days from 1 to 3650').waitFor();
    assert.equal(await logs.getAttribute('aria-invalid'), 'true');
    await browser().screenshot('retention-invalid');

    await logs.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('3');
    // Tab to the Save button and press it, as a keyboard user would.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').textContent(), 'Save retention');
    await page.keyboard.press('Enter');
    await form().getByText('Saved.').waitFor();
    await form().getByTestId('retention-status').getByText(/Applied .* \(changed here\) · 1 table changed$/).waitFor();
    assert.deepEqual((await cells('logs')).slice(0, 2), ['3 days', 'set here (file: 15)']);
    assert.deepEqual((await cells('traces')).slice(0, 2), ['15 days', 'config file']);
    await browser().screenshot('retention-saved');

    const stored = await apiGet(running(), retentionResponseSchema, '/admin/retention');
    assert.deepEqual(stored.logs, { days: 3, source: 'runtime', configDays: 15 });
    assert.equal(stored.lastChange?.state, 'applied');

    // A reload reads it back from the server.
    await page.reload();
    await row('logs').waitFor();
    assert.deepEqual((await cells('logs')).slice(0, 2), ['3 days', 'set here (file: 15)']);
    await browser().screenshotDark('retention-dark');
    assertNoNewProblems();
  });
  it('shows the storage use: the volume with its watermark state, and tables per signal expanded with the keyboard', async () => {
    const { page } = browser();
    await sendOrderScenario({ http: running().ports.http });
    const stored = await eventually('the logs and spans tables on disk', async () => {
      const body = await apiGet(running(), adminStorageResponseSchema, '/admin/storage');
      const names = body.signals.flatMap((signal) => signal.tables.map((table) => table.table));
      return names.includes('logs') && names.includes('spans') ? body : undefined;
    });
    const tableOf = (body: AdminStorageResponse, name: string) => body.signals.flatMap((signal) => signal.tables).find((table) => table.table === name);

    // The section reads again on its own every 30 s; the Refresh button does it now.
    await storage().getByRole('button', { name: 'Refresh' }).click();
    const table = storage().getByRole('table', { name: 'Disk use per signal' });
    const logsButton = table.locator('tr[data-signal="logs"]').getByRole('button');
    await logsButton.waitFor();
    assert.equal(await logsButton.getAttribute('aria-expanded'), 'false');

    // Disk use moves while other processes write, so each figure must match the API's answer before or after the refresh.
    const after = await apiGet(running(), adminStorageResponseSchema, '/admin/storage');
    const reads = [stored, after];
    const watermark = stored.watermark;
    assert.ok(reads.every((read) => read.volume !== null) && watermark !== null, 'the server monitors its disk');
    const percentText = (percent: number): string => `${Number(percent.toFixed(1))}%`;
    const figures = (await storage().getByTestId('storage-volume-figures').innerText()).replace(/\s+/g, ' ').trim();
    assert.match(figures, /^[\d.]+ [KMGTP]?i?B of [\d.]+ [KMGTP]?i?B used \([\d.]+%\) · [\d.]+ [KMGTP]?i?B free$/);
    assert.ok(reads.some((read) => figures.includes(`used (${percentText(read.volume?.usedPercent ?? -1)})`)), figures);
    const meter = storage().getByRole('meter', { name: 'Disk used' });
    const valueNow = Number(await meter.getAttribute('aria-valuenow'));
    assert.ok(reads.some((read) => Math.round(read.volume?.usedPercent ?? -1) === valueNow), `meter at ${valueNow}%`);
    assert.equal(await storage().locator('.storage-mark-soft').innerText(), `soft ${percentText(watermark.softPercent)}`);
    assert.equal(await storage().locator('.storage-mark-hard').innerText(), `hard ${percentText(watermark.hardPercent)}`);
    const stateText = (await storage().getByTestId('storage-state').innerText()).trim();
    const expectedState = {
      ok: /^OK$/,
      soft: new RegExp(`^Above the soft watermark \\(${watermark.softPercent}%\\): `),
      hard: /^Above the hard watermark: new telemetry is refused until space is freed$/,
    };
    assert.ok(
      reads.some((read) => read.watermark !== null && expectedState[read.watermark.state].test(stateText)),
      `state "${stateText}" as the API says`,
    );

    // Expand logs and traces with the keyboard.
    await logsButton.focus();
    await page.keyboard.press('Enter');
    assert.equal(await logsButton.getAttribute('aria-expanded'), 'true');
    const tracesButton = table.locator('tr[data-signal="traces"]').getByRole('button');
    await tracesButton.focus();
    await page.keyboard.press('Space');
    assert.equal(await tracesButton.getAttribute('aria-expanded'), 'true');

    const rowCells = async (name: string): Promise<string[]> => (await table.locator(`tr[data-table="${name}"] td`).allInnerTexts()).map((t) => t.trim());
    const latest = await apiGet(running(), adminStorageResponseSchema, '/admin/storage');
    const api = [after, latest];
    for (const name of ['logs', 'spans']) {
      await table.locator(`tr[data-table="${name}"]`).waitFor();
      const [bytes, rows, parts] = await rowCells(name);
      assert.match(bytes ?? '', /^[\d.]+ (B|KiB|MiB)$/, `${name} bytes`);
      assert.ok(
        api.some((read) => {
          const usage = tableOf(read, name);
          return usage !== undefined && usage.rows.toLocaleString('en-US') === rows && usage.parts.toLocaleString('en-US') === parts;
        }),
        `${name}: ${rows} rows, ${parts} parts as the API says`,
      );
    }
    assert.ok(Number((await rowCells('spans'))[1]?.replace(/,/g, '')) >= 6, 'at least the 6 spans sent');
    // The traces group lists its tables largest first, in the API's order.
    const traceRows = await table.locator('tr[data-group="traces"]').all();
    const traceTables = await Promise.all(traceRows.map((row) => row.getAttribute('data-table')));
    const apiOrder = (read: AdminStorageResponse): string[] => read.signals.find((usage) => usage.signal === 'traces')?.tables.map((t) => t.table) ?? [];
    assert.ok(traceTables.includes('spans'), traceTables.join(', '));
    assert.ok(api.some((read) => JSON.stringify(apiOrder(read)) === JSON.stringify(traceTables)), `traces tables shown: ${traceTables.join(', ')}`);
    await page.evaluate("document.querySelector('[data-section=storage]').scrollIntoView({ block: 'start' })");
    await browser().screenshot('storage');

    await browser().screenshotDark('storage-dark');
    assertNoNewProblems();
  });
});
