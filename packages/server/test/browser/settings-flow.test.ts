/**
 * The Settings page in a real browser against a real server process: retention per signal with its
 * source, a logs retention changed with the keyboard (an out-of-range value refused in the page first),
 * the new value, source and last-change status shown, and the change read back from the API.
 * Both themes are shot. Any console error, page error or HTTP error response fails the test.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { retentionResponseSchema } from '@sightline/contract';
import { BrowserSession, WEB_DIST_INDEX } from '../support/browser-session.ts';
import { apiGet, startServerProcess, type ServerProcess } from '../support/server-process.ts';

describe('Settings page in a browser', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-settings-ui-'));
  let server: ServerProcess | undefined;
  let session: BrowserSession | undefined;

  const browser = (): BrowserSession => {
    assert.ok(session !== undefined, 'browser started');
    return session;
  };
  const running = (): ServerProcess => {
    assert.ok(server !== undefined, 'server started');
    return server;
  };
  const assertNoNewProblems = (): void => assert.deepEqual(browser().newProblems(), [], 'no console errors, page errors or HTTP errors');
  const form = () => browser().page.getByRole('form', { name: 'Retention' });
  const row = (signal: string) => form().locator(`tr[data-signal="${signal}"]`);
  const cells = async (signal: string): Promise<string[]> => (await row(signal).locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

  before(async () => {
    assert.ok(existsSync(WEB_DIST_INDEX), `the UI is built (${WEB_DIST_INDEX}); run npm run build -w @sightline/web`);
    server = await startServerProcess(path.join(dir, 'data'));
    session = await BrowserSession.launch(`http://127.0.0.1:${server.ports.api}`, 'settings');
  });

  after(async () => {
    await session?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

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
    await page.getByRole('region', { name: 'Storage' }).getByText('Disk usage per table — coming.').waitFor();
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
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await browser().screenshot('retention-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    assertNoNewProblems();
  });
});
