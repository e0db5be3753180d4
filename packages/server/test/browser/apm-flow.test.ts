/**
 * The APM pages in a real browser against a real server fed by the real OpenTelemetry SDK (OTLP
 * HTTP/protobuf): a small shop — frontend → orders → postgresql, orders → payments — where some
 * payments fail and one failure records an exception. Services lists the services with their
 * numbers; orders' operations lead to its traces; its DB calls show postgresql and the statement;
 * the service map draws the four nodes; Exceptions shows the group with its stack trace. Any
 * console error, page error or HTTP error response during the session fails the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { fetchTraceSpans } from '../support/api-client.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { exportSpans } from '../support/otel-spans.ts';

const REQUESTS = 12;
/** Requests whose payment fails (every fourth): 3 of 12, 25%. */
const failed = (i: number): boolean => i % 4 === 3;
const EXCEPTION_TYPE = 'CardDeclinedError';
const SELECT = 'SELECT id, total FROM orders WHERE customer_id = ?';

interface Shop {
  readonly traceIds: readonly string[];
  readonly spanCount: number;
}

/** Spans of `REQUESTS` checkouts, a few minutes old (APM reads whole minutes, the current one excluded). */
async function sendShop(httpPort: number): Promise<Shop> {
  const memory = new InMemorySpanExporter();
  const tracer = (service: string): Tracer =>
    new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': service, 'service.instance.id': `${service}-1`, 'host.name': 'shop-vm' }),
      spanProcessors: [new SimpleSpanProcessor(memory)],
    }).getTracer('sightline-apm-test', '1.0.0');
  const [frontend, orders, payments] = [tracer('frontend'), tracer('orders'), tracer('payments')];
  const base = Date.now() - 6 * 60_000;
  const traceIds: string[] = [];

  for (let i = 0; i < REQUESTS; i++) {
    const t0 = base + i * 15_000;
    const span = (t: Tracer, parent: Span | undefined, name: string, kind: SpanKind, from: number, attributes: Attributes = {}): Span =>
      t.startSpan(name, { kind, attributes, startTime: new Date(t0 + from) }, parent === undefined ? ROOT_CONTEXT : trace.setSpan(ROOT_CONTEXT, parent));
    const end = (s: Span, at: number, error?: string): void => {
      if (error !== undefined) s.setStatus({ code: SpanStatusCode.ERROR, message: error });
      s.end(new Date(t0 + at));
    };
    const error = failed(i) ? 'payment declined' : undefined;
    const root = span(frontend, undefined, 'GET /checkout', SpanKind.SERVER, 0, { 'http.request.method': 'GET', 'http.route': '/checkout' });
    const toOrders = span(frontend, root, 'POST', SpanKind.CLIENT, 4, {
      'http.request.method': 'POST',
      'server.address': 'orders',
      'server.port': 8080,
      'url.full': 'http://orders:8080/orders',
    });
    const placed = span(orders, toOrders, 'POST /orders', SpanKind.SERVER, 8, { 'http.request.method': 'POST', 'http.route': '/orders' });
    const select = span(orders, placed, 'SELECT shop.orders', SpanKind.CLIENT, 10, {
      'db.system': 'postgresql',
      'db.name': 'shop',
      'db.operation': 'SELECT',
      'db.statement': `SELECT id, total FROM orders WHERE customer_id = ${100 + i}`,
    });
    end(select, 18 + (i % 3));
    const insert = span(orders, placed, 'INSERT shop.orders', SpanKind.CLIENT, 20, {
      'db.system': 'postgresql',
      'db.name': 'shop',
      'db.operation': 'INSERT',
      'db.statement': `INSERT INTO orders (customer_id, total) VALUES (${100 + i}, ${10 + i}.50)`,
    });
    end(insert, 27);
    const toPayments = span(orders, placed, 'POST', SpanKind.CLIENT, 30, {
      'http.request.method': 'POST',
      'server.address': 'payments',
      'server.port': 8081,
      'url.full': 'http://payments:8081/charge',
    });
    const charge = span(payments, toPayments, 'POST /charge', SpanKind.SERVER, 33, { 'http.request.method': 'POST', 'http.route': '/charge' });
    if (i === 3) {
      const declined = new Error(`card 4242 declined for order ${1000 + i}`);
      declined.name = EXCEPTION_TYPE;
      charge.recordException(declined, new Date(t0 + 60));
    }
    end(charge, failed(i) ? 140 : 70 + i, error);
    end(toPayments, failed(i) ? 143 : 73 + i, error);
    end(placed, failed(i) ? 150 : 80 + i, error);
    end(toOrders, failed(i) ? 153 : 83 + i, error);
    end(root, failed(i) ? 160 : 90 + i, error);
    traceIds.push(root.spanContext().traceId);
  }

  const spans = memory.getFinishedSpans();
  const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${httpPort}/v1/traces` });
  try {
    const result = await exportSpans(exporter, spans);
    if (result.code !== ExportResultCode.SUCCESS) throw new Error(`trace export failed: ${String(result.error)}`);
  } finally {
    await exporter.shutdown();
  }
  return { traceIds, spanCount: spans.length };
}

describe('APM pages in a browser', { timeout: 300_000 }, () => {
  let shop: Shop;
  const { browser, running, assertNoNewProblems, itHadNoProblems } = browserSuite({
    name: 'apm',
    seed: async ({ ports }) => {
      shop = await sendShop(ports.http);
      assert.equal((await fetchTraceSpans(ports.api, shop.traceIds[0]!)).length, shop.spanCount / REQUESTS);
    },
    // Tall enough that each page, tabs included, is in one screenshot.
    viewport: { width: 1440, height: 1500 },
  });
  const rowCells = (table: string, name: string): Promise<string[]> => browser().rowCells(table, name);

  it('lists the services with their requests, errors and latency', async () => {
    const { page } = browser();
    await page.goto('/services?range=1h');
    const payments = await rowCells('Services', 'payments');
    // Service, requests/s, errors, p50, p95, p99, apdex, requests over time.
    assert.equal(payments[0], 'payments');
    assert.equal(payments[2], '25%');
    assert.match(payments[5] ?? '', /^\d+(\.\d+)? ms$/);
    assert.equal(payments[7], String(REQUESTS));
    assert.equal((await rowCells('Services', 'frontend'))[7], String(REQUESTS));
    assert.equal((await rowCells('Services', 'orders'))[2], '25%');
    await browser().screenshot('services');
    assertNoNewProblems();
  });

  it("opens orders, and from an operation that operation's traces, then a trace", async () => {
    const { page } = browser();
    await page.getByRole('table', { name: 'Services' }).getByRole('link', { name: 'orders', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/services/orders'));
    await page.getByRole('group', { name: 'Service summary' }).getByText('25%').waitFor();
    const operation = await rowCells('Operations', 'POST /orders');
    assert.equal(operation[1], String(REQUESTS));
    assert.equal(operation[3], '25%');
    await page.locator('.series-chart canvas').first().waitFor();
    await browser().screenshot('service-orders');

    await page.getByRole('table', { name: 'Operations' }).getByRole('link', { name: 'POST /orders', exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname.endsWith('/traces') && url.searchParams.get('service') === 'orders' && url.searchParams.get('operation') === 'POST /orders',
    );
    const rows = page.locator('table.traces-table tbody tr');
    for (let tries = 0; tries < 100 && (await rows.count()) !== REQUESTS; tries++) await page.waitForTimeout(200);
    assert.equal(await rows.count(), REQUESTS);
    await browser().screenshot('traces-of-operation');
    await rows.first().getByRole('link').click();
    await page.waitForURL((url) => shop.traceIds.some((id) => url.pathname.endsWith(`/traces/${id}`)));
    await page.getByText(`${shop.spanCount / REQUESTS} of ${shop.spanCount / REQUESTS} spans shown`).waitFor();
    assertNoNewProblems();
  });

  it("shows orders' database calls with postgresql and the statement", async () => {
    const { page } = browser();
    await page.goBack();
    await page.goBack();
    await page.waitForURL((url) => url.pathname.endsWith('/services/orders'));
    await page.getByRole('tab', { name: 'DB calls' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'db');
    const select = await rowCells('Database calls', 'postgresql');
    assert.deepEqual(select.slice(0, 2), ['postgresql', 'shop']);
    const statements = page.getByRole('table', { name: 'Top statements' });
    await statements.getByText(SELECT, { exact: true }).waitFor();
    const sample = statements.getByRole('row', { name: new RegExp(SELECT.replace(/[?*()]/g, '\\$&')) }).getByRole('link', { name: 'Sample trace' });
    const sampleTrace = /\/traces\/([0-9a-f]{32})/.exec((await sample.getAttribute('href')) ?? '')?.[1];
    assert.ok(sampleTrace !== undefined && shop.traceIds.includes(sampleTrace), 'the sample is one of the shop traces');
    await browser().screenshot('orders-db-calls');
    assertNoNewProblems();
  });

  it('draws the service map with the services and the database', async () => {
    const { page } = browser();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Service map' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/service-map'));
    const map = page.getByRole('group', { name: 'Service map' });
    for (const name of ['frontend', 'orders', 'payments']) await map.getByRole('link', { name: new RegExp(`^service ${name}:`) }).waitFor();
    await map.getByRole('img', { name: /^database shop: database · postgresql$/ }).waitFor();
    assert.equal(await map.locator('[data-edge]').count(), 3);
    await browser().screenshot('service-map');
    // A service node opens its page.
    await map.getByRole('link', { name: /^service payments:/ }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/services/payments'));
    assertNoNewProblems();
  });

  it('groups the exception and shows its stack trace and a sample trace', async () => {
    const { page } = browser();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exceptions' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/exceptions'));
    const group = await rowCells('Exception groups', EXCEPTION_TYPE);
    assert.match(group[0] ?? '', /card \{num\} declined for order \{num\}/);
    assert.deepEqual(group.slice(1, 3), ['payments', '1']);
    await page.getByRole('button', { name: `Show details of ${EXCEPTION_TYPE}` }).click();
    await page.locator('.stack-trace pre').getByText(`${EXCEPTION_TYPE}: card 4242 declined for order 1003`).waitFor();
    await page
      .getByRole('link', { name: /^\d{4}-\d{2}-\d{2} / })
      .first()
      .waitFor();
    assert.equal(
      await page
        .getByRole('link', { name: /^\d{4}-\d{2}-\d{2} / })
        .first()
        .getAttribute('href'),
      `/traces/${shop.traceIds[3]}?range=1h&span=${await spanIdOfCharge(3)}`,
    );
    await browser().screenshot('exceptions');
    assertNoNewProblems();
  });

  itHadNoProblems();

  async function spanIdOfCharge(i: number): Promise<string> {
    const spans = await fetchTraceSpans(running().ports.api, shop.traceIds[i]!);
    const charge = spans.find((s) => s.name === 'POST /charge');
    assert.ok(charge !== undefined, 'the payments span is stored');
    return charge.spanId;
  }
});
