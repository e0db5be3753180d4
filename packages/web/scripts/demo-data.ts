/**
 * Sends demo traces and logs (OTLP/HTTP JSON, current timestamps) to a Sightline server, for trying
 * the UI: node --import tsx scripts/demo-data.ts [http://127.0.0.1:4318] [--big]
 * `--big` adds one 10,000-span trace.
 */

import { randomBytes } from 'node:crypto';

const endpoint = process.argv.slice(2).find((a) => a.startsWith('http')) ?? 'http://127.0.0.1:4318';
const big = process.argv.includes('--big');
const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

interface DemoSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: unknown[];
  status?: { code: number; message?: string };
  events?: unknown[];
  links?: unknown[];
}

const byService = new Map<string, DemoSpan[]>();
const logsByService = new Map<string, unknown[]>();

function addSpan(service: string, span: DemoSpan): void {
  byService.set(service, [...(byService.get(service) ?? []), span]);
}

function addLog(service: string, t: bigint, severity: number, text: string, body: string, traceId: string, spanId: string, attrs: unknown[] = []): void {
  const record = {
    timeUnixNano: String(t),
    observedTimeUnixNano: String(t),
    severityNumber: severity,
    severityText: text,
    body: { stringValue: body },
    traceId,
    spanId,
    attributes: attrs,
  };
  logsByService.set(service, [...(logsByService.get(service) ?? []), record]);
}

const ms = 1_000_000n;
const now = BigInt(Date.now()) * ms;
const routes = ['/api/cart', '/api/checkout', '/api/products', '/api/user'];
const STACK = `Error: connection refused: payments-db:5432
    at Socket.onConnect (/app/node_modules/pg/lib/connection.js:152:19)
    at PaymentsRepository.charge (/app/src/payments/repository.ts:88:11)
    at async ChargeHandler.handle (/app/src/payments/charge.ts:41:5)`;

let previousTrace = '';
for (let i = 0; i < 120; i++) {
  const traceId = hex(16);
  const start = now - BigInt(Math.floor(Math.random() * 55 * 60_000)) * ms;
  const route = routes[i % routes.length] ?? '/';
  const failing = i % 9 === 0;
  const slow = i % 13 === 0 ? 6 : 1;
  const root = hex(8);
  const dbSpan = hex(8);
  const payment = hex(8);
  const total = BigInt(Math.floor((40 + Math.random() * 160) * slow)) * ms;
  addSpan('frontend', {
    traceId,
    spanId: root,
    parentSpanId: '',
    name: `GET ${route}`,
    kind: 2,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + total),
    attributes: [
      str('http.request.method', 'GET'),
      str('http.route', route),
      int('http.response.status_code', failing ? 500 : 200),
      str('user.id', `u-${i % 7}`),
    ],
    status: failing ? { code: 2, message: 'upstream payment failed' } : { code: 0 },
    links: previousTrace === '' ? [] : [{ traceId: previousTrace, spanId: hex(8), attributes: [str('link.reason', 'retry of')] }],
  });
  addSpan('cart', {
    traceId,
    spanId: dbSpan,
    parentSpanId: root,
    name: 'SELECT cart_items',
    kind: 3,
    startTimeUnixNano: String(start + 5n * ms),
    endTimeUnixNano: String(start + 5n * ms + total / 4n),
    attributes: [str('db.system', 'postgresql'), str('db.statement', 'SELECT * FROM cart_items WHERE user_id = $1')],
  });
  addSpan('payments', {
    traceId,
    spanId: payment,
    parentSpanId: root,
    name: 'charge',
    kind: 2,
    startTimeUnixNano: String(start + total / 3n),
    endTimeUnixNano: String(start + total - 3n * ms),
    attributes: [str('payment.provider', 'acme'), int('amount.cents', 1999 + i)],
    status: failing ? { code: 2, message: 'connection refused' } : { code: 1 },
    events: failing
      ? [
          {
            timeUnixNano: String(start + total / 2n),
            name: 'exception',
            attributes: [
              str('exception.type', 'ConnectionError'),
              str('exception.message', 'connection refused: payments-db:5432'),
              str('exception.stacktrace', STACK),
            ],
          },
        ]
      : [{ timeUnixNano: String(start + total / 2n), name: 'charge.authorized', attributes: [] }],
  });
  if (i % 4 === 0) {
    addSpan('payments', {
      traceId,
      spanId: hex(8),
      parentSpanId: hex(8),
      name: 'orphaned retry',
      kind: 1,
      startTimeUnixNano: String(start + total / 2n),
      endTimeUnixNano: String(start + total / 2n + 4n * ms),
      attributes: [],
    });
  }
  addLog('frontend', start + 1n * ms, 9, 'INFO', `handling GET ${route}`, traceId, root, [str('http.route', route)]);
  addLog(
    'payments',
    start + total / 2n,
    failing ? 17 : 9,
    failing ? 'ERROR' : 'INFO',
    failing ? 'charge failed: connection refused' : `charged ${1999 + i} cents`,
    traceId,
    payment,
  );
  if (i % 5 === 0) addLog('cart', start + 6n * ms, 13, 'WARN', 'cart cache miss, reading from database', traceId, dbSpan);
  previousTrace = traceId;
}

for (let i = 0; i < 200; i++) {
  const t = now - BigInt(Math.floor(Math.random() * 55 * 60_000)) * ms;
  addLog(i % 2 === 0 ? 'scheduler' : 'cart', t, [5, 9, 9, 9, 13, 17][i % 6] ?? 9, '', `background job ${i} finished in ${i % 37} ms`, '', '', [
    str('job.name', `job-${i % 5}`),
  ]);
}

if (big) {
  const traceId = hex(16);
  const start = now - 2n * 60_000n * ms;
  const ids = Array.from({ length: 10_000 }, () => hex(8));
  for (let i = 0; i < ids.length; i++) {
    const parent = i === 0 ? '' : (ids[Math.floor((i - 1) / 6)] ?? '');
    const s = start + BigInt(i) * 50_000n;
    addSpan(['gateway', 'orders', 'inventory', 'pricing'][i % 4] ?? 'gateway', {
      traceId,
      spanId: ids[i] ?? '',
      parentSpanId: parent,
      name: `step ${i}`,
      kind: 1,
      startTimeUnixNano: String(s),
      endTimeUnixNano: String(i === 0 ? start + 600_000_000n : s + 2_000_000n),
      attributes: [int('step', i)],
      status: { code: i % 211 === 0 ? 2 : 0 },
    });
  }
  console.log(`big trace: ${traceId}`);
}

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${endpoint}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

for (const [service, spans] of byService) {
  for (let i = 0; i < spans.length; i += 2000) {
    await post('/v1/traces', {
      resourceSpans: [
        {
          resource: { attributes: [str('service.name', service), str('host.name', 'demo-host')] },
          scopeSpans: [{ scope: { name: 'demo' }, spans: spans.slice(i, i + 2000) }],
        },
      ],
    });
  }
}
for (const [service, logRecords] of logsByService) {
  await post('/v1/logs', {
    resourceLogs: [
      { resource: { attributes: [str('service.name', service), str('host.name', 'demo-host')] }, scopeLogs: [{ scope: { name: 'demo' }, logRecords }] },
    ],
  });
}
console.log(
  `sent ${[...byService.values()].reduce((n, s) => n + s.length, 0)} spans and ${[...logsByService.values()].reduce((n, l) => n + l.length, 0)} logs to ${endpoint}`,
);
