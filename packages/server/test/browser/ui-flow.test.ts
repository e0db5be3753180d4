/**
 * The UI in a real browser against a real server fed by the real OpenTelemetry SDK: find a trace,
 * read its waterfall, a span's attributes and its logs, go from a log back to the trace, search
 * logs, live tail, and open a 10,000-span trace. Any console error, page error or HTTP error
 * response during the session fails the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { fetchTraceSpans } from '../support/api-client.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { ProtoLogSender, sendBigTrace, sendOrderScenario, type BigTrace, type OrderScenario } from '../support/browser-telemetry.ts';

describe('UI in a browser', { timeout: 300_000 }, () => {
  let order: OrderScenario;
  let big: BigTrace;
  const { browser, running, assertNoNewProblems, itHadNoProblems } = browserSuite({
    name: 'ui',
    seed: async ({ ports }) => {
      order = await sendOrderScenario(ports);
      big = await sendBigTrace(ports);
      // Acknowledged means stored, but check before the browser relies on it.
      assert.equal((await fetchTraceSpans(ports.api, order.traceId)).length, order.spanCount);
      assert.equal((await fetchTraceSpans(ports.api, big.traceId)).length, big.spanCount);
    },
  });

  it('finds the trace by service in /traces and opens it', async () => {
    const { page } = browser();
    await page.goto('/traces?range=1h');
    await page.getByLabel('Service', { exact: true }).selectOption(order.frontend);
    await page.waitForURL((url) => url.searchParams.get('service') === order.frontend);
    const link = page.getByRole('link', { name: order.rootName, exact: true });
    await link.waitFor();
    // Only the filtered service's trace is listed (once the filtered results replace the previous ones).
    const rows = page.locator('table.traces-table tbody tr');
    for (let tries = 0; tries < 100 && (await rows.count()) !== 1; tries++) await page.waitForTimeout(200);
    assert.equal(await rows.count(), 1);
    await browser().screenshot('traces-filtered');
    await link.click();
    await page.waitForURL(`**/traces/${order.traceId}**`);
    assertNoNewProblems();
  });

  it('shows every span in the waterfall and a span attribute in the side panel', async () => {
    const { page } = browser();
    const tree = page.getByRole('tree', { name: 'Spans' });
    const rows = tree.getByRole('treeitem');
    await rows.first().waitFor();
    await page.getByText(`${order.spanCount} of ${order.spanCount} spans shown`).waitFor();
    assert.equal(await rows.count(), order.spanCount);
    await tree.getByRole('treeitem', { name: new RegExp(`^${order.backend} ${order.chargeSpanName},`) }).click();
    await page.waitForURL((url) => url.searchParams.get('span') === order.chargeSpanId);
    const panel = page.getByRole('complementary', { name: 'Span details' });
    await panel.getByRole('heading', { name: order.chargeSpanName }).waitFor();
    const value = panel.getByRole('row', { name: /^order\.id\b/ }).locator('.kv-value');
    assert.equal((await value.textContent())?.trim(), order.orderId);
    await browser().screenshot('trace-span-selected');
    assertNoNewProblems();
  });

  it("lists the trace's logs and follows a log back to the trace", async () => {
    const { page } = browser();
    await page.getByRole('button', { name: 'Close span details' }).click();
    await page.getByRole('tab', { name: 'Logs' }).click();
    const logs = page.getByRole('region', { name: 'Logs of this trace' });
    for (const body of order.logBodies) await logs.getByRole('link', { name: body }).waitFor();
    assert.equal(await logs.locator('tbody tr').count(), order.logBodies.length);
    await browser().screenshot('trace-logs');

    // The charge log opens in the logs explorer, expanded, with a link to its trace and span.
    await logs.getByRole('link', { name: order.logBodies[1] }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/logs') && url.searchParams.get('trace') === order.traceId);
    const details = page.locator('.log-details');
    await details.getByText(order.logBodies[1]!).waitFor();
    await browser().screenshot('log-opened');
    await details.getByRole('link', { name: 'Open trace' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/traces/${order.traceId}`) && url.searchParams.get('span') === order.chargeSpanId);
    await page.getByRole('complementary', { name: 'Span details' }).getByRole('heading', { name: order.chargeSpanName }).waitFor();
    assert.equal(await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').count(), order.spanCount);
    await browser().screenshot('trace-from-log');
    assertNoNewProblems();
  });

  it('searches logs by a word of their body', async () => {
    const { page } = browser();
    await page.goto('/logs?range=1h');
    const box = page.getByLabel('Message contains');
    await box.fill(order.logWord);
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === order.logWord);
    const list = page.getByRole('list', { name: 'Logs, newest first' });
    for (const body of order.logBodies) await list.getByText(body, { exact: true }).waitFor();
    await page.getByText(`${order.logBodies.length} logs loaded`).waitFor();
    assert.equal(await list.getByRole('listitem').count(), order.logBodies.length);
    await browser().screenshot('logs-search');
    assertNoNewProblems();
  });

  it('adds an attribute column to the log list, kept in the URL', async () => {
    const { page } = browser();
    await page.getByPlaceholder('attribute key').fill('service.name');
    await page.getByRole('button', { name: 'Add column' }).click();
    await page.waitForURL((url) => url.searchParams.get('cols') === 'service.name');
    const cells = page.getByRole('list', { name: 'Logs, newest first' }).locator('.log-col');
    await cells.first().waitFor();
    const texts = (await cells.allTextContents()).sort();
    assert.deepEqual(texts, [order.frontend, order.backend, order.backend].sort());
    await browser().screenshot('logs-column');
    assertNoNewProblems();
  });

  it("shows the Get started page with this server's real OTLP ports filled in", async () => {
    const { page } = browser();
    const { http, grpc } = running().ports;
    await page.goto('/get-started');
    await page.getByText(`HTTP on port ${http}`).waitFor();
    await page.getByText(`gRPC on port ${grpc}`).waitFor();
    await page.getByText(`:${http}`, { exact: false }).first().waitFor();
    await browser().screenshot('get-started');
    assertNoNewProblems();
  });

  it('shows a new log in live tail', async () => {
    const { page } = browser();
    await page.goto('/logs?range=1h');
    await page.getByRole('button', { name: 'Live tail' }).click();
    await page.waitForURL((url) => url.searchParams.get('live') === '1');
    const status = page.getByRole('region', { name: 'Live tail' }).getByRole('status');
    await status.getByText('Live', { exact: true }).waitFor();
    const word = `livetail${order.tag}${Date.now().toString(36)}`;
    const sender = new ProtoLogSender(running().ports, order.frontend);
    try {
      await sender.send(`tail line ${word}`, SeverityNumber.ERROR);
    } finally {
      await sender.shutdown();
    }
    await page.getByRole('list', { name: 'Live logs, newest first' }).getByText(`tail line ${word}`).waitFor({ timeout: 15_000 });
    await browser().screenshot('live-tail');
    await page.getByRole('button', { name: 'Stop live tail' }).click();
    await page.waitForURL((url) => !url.searchParams.has('live'));
    assertNoNewProblems();
  });

  it('opens the 10,000-span trace', async () => {
    const { page } = browser();
    const started = performance.now();
    await page.goto(`/traces/${big.traceId}?range=1h`);
    await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first().waitFor({ state: 'visible', timeout: 60_000 });
    const elapsed = Math.round(performance.now() - started);
    console.log(`10k-span trace opened in ${elapsed} ms`);
    await page.getByText(`${big.spanCount.toLocaleString('en-US')} of ${big.spanCount.toLocaleString('en-US')} spans shown`).waitFor();
    await page.getByRole('treeitem', { name: new RegExp(`^ui-big-\\w+ ${big.rootName},`) }).waitFor();
    // Virtualized: only the rows in view are in the DOM.
    assert.ok((await page.getByRole('treeitem').count()) < 200);
    await browser().screenshot('trace-10k');
    assertNoNewProblems();
  });

  itHadNoProblems();
});
