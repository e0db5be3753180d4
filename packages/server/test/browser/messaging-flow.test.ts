/**
 * The Messaging page in a real browser against a real server fed by the real OpenTelemetry SDK
 * (OTLP HTTP/protobuf): a Kafka topic with producers and two consumer groups over three
 * partitions, and a RabbitMQ queue used through client spans. The list shows both destinations
 * with their rates and the instrumentation hints; a destination opens its detail with totals,
 * charts, consumer groups, partitions and operations, and links to its traces. Any console
 * error, page error or HTTP error response during the session fails the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { browserSuite } from '../support/browser-suite.ts';
import { AUDIT, BILLING, buildMessagingTruth } from '../support/messaging-scenario.ts';
import { exportSpans } from '../support/otel-spans.ts';

/** Fifteen minutes ago on a whole minute: the scenario's ten minutes lie inside the last hour. */
const START_S = Math.floor(Date.now() / 60_000) * 60 - 15 * 60;
const truth = buildMessagingTruth(START_S);

describe('Messaging page in a browser', { timeout: 300_000 }, () => {
  const { browser, assertNoNewProblems, itHadNoProblems } = browserSuite({
    name: 'messaging',
    seed: async (server) => {
      const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${server.ports.http}/v1/traces` });
      try {
        const result = await exportSpans(exporter, truth.spans);
        if (result.code !== ExportResultCode.SUCCESS) throw new Error(`trace export failed: ${String(result.error)}`);
      } finally {
        await exporter.shutdown();
      }
    },
    viewport: { width: 1440, height: 1400 },
  });
  const rowCells = (table: string, name: string): Promise<string[]> => browser().rowCells(table, name);

  it('lists the destinations with their rates and the instrumentation hints', async () => {
    const { page } = browser();
    await page.goto('/services?range=1h');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messaging' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/messaging'));
    const orders = await rowCells('Messaging destinations', 'orders');
    // Destination (with producers → consumers), system, sparkline, published/s, consumed/s, …
    assert.match(orders[0] ?? '', /^orders\s+mq-shop → mq-audit, mq-billing$/);
    assert.equal(orders[1], 'kafka');
    // 120 messages over the last hour.
    assert.equal(orders[3], `${String(Number(((truth.sent.filter((m) => m.destination === 'orders' && m.role === 'publish').length / 3660) * 60).toPrecision(3)))}/min`);
    assert.match(orders[8] ?? '', /^[\d.]+ (µs|ms|s) \/ [\d.]+ (µs|ms|s)$/, 'producer→consumer latency');
    const payments = await rowCells('Messaging destinations', 'payments');
    assert.equal(payments[1], 'rabbitmq');
    assert.equal(payments[8], '–');
    const hints = page.getByRole('region', { name: 'Instrumentation hints' });
    await hints.locator('[data-hint="missing-destination"]').waitFor();
    await hints.locator('[data-hint="no-lag-metrics"]').waitFor();
    await browser().screenshot('destinations');
    assertNoNewProblems();
  });

  it('opens a topic: totals, charts, consumer groups, partitions and operations', async () => {
    const { page } = browser();
    await page.getByRole('table', { name: 'Messaging destinations' }).getByRole('link', { name: 'orders', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('system') === 'kafka' && url.searchParams.get('dest') === 'orders');
    await page
      .getByRole('group', { name: 'Destination summary' })
      .getByText(`${truth.sent.filter((m) => m.destination === 'orders' && m.role === 'publish').length} messages`, { exact: true })
      .waitFor();
    const billing = await rowCells('Consumer groups', 'billing');
    assert.match(billing[0] ?? '', new RegExp(`billing\\s+${BILLING}`));
    assert.equal(billing[1], String(truth.sent.filter((s) => s.group === 'billing').length));
    const audit = await rowCells('Consumer groups', 'audit');
    assert.match(audit[0] ?? '', new RegExp(`audit\\s+${AUDIT}`));
    for (const partition of ['0', '1', '2']) {
      const cells = await rowCells('Partitions', partition);
      assert.equal(cells[1], String(truth.sent.filter((s) => s.role === 'publish' && s.destination === 'orders' && s.partition === partition).length));
    }
    await rowCells('Operations', BILLING);
    await page.locator('.series-chart canvas').first().waitFor();
    await page.getByText('No lag metrics.').waitFor();
    await browser().screenshot('orders');
    assertNoNewProblems();
  });

  it('links a topic to its traces, and back to the list', async () => {
    const { page } = browser();
    await page.getByRole('link', { name: 'Traces on this destination' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/traces') && url.searchParams.getAll('attr').includes('messaging.destination.name=orders'));
    await page.locator('table.traces-table tbody tr').first().waitFor();
    await browser().screenshot('orders-traces');
    await page.goBack();
    await page.getByRole('link', { name: '← All destinations' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/messaging') && url.searchParams.get('dest') === null);
    await rowCells('Messaging destinations', 'payments');
    assertNoNewProblems();
  });

  itHadNoProblems();
});
