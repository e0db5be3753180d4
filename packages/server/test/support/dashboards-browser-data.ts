/**
 * Data for the Dashboards browser test: a small HTTP server that answers like node_exporter for a
 * few series of the built-in Host dashboard (load, CPU seconds per cpu and mode, memory), and the
 * OTLP/HTTP JSON spans of service `orders` querying PostgreSQL database `shop`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const GIB = 1024 ** 3;

export interface FakeNodeExporter {
  /** `127.0.0.1:<port>`: the scrape target and the series' `instance` label. */
  readonly address: string;
  readonly scrapes: () => number;
  stop(): Promise<void>;
}

/** The exposition at `seconds` since start: CPU 0 is 25% busy and CPU 1 75%, memory 75% used, load 0.5/0.4/0.3. */
function exposition(seconds: number): string {
  const cpu = (id: number, busy: number): string[] => [
    `node_cpu_seconds_total{cpu="${id}",mode="idle"} ${(1000 + seconds * (1 - busy)).toFixed(3)}`,
    `node_cpu_seconds_total{cpu="${id}",mode="user"} ${(500 + seconds * busy).toFixed(3)}`,
  ];
  return [
    '# HELP node_load1 1m load average.',
    '# TYPE node_load1 gauge',
    'node_load1 0.5',
    '# TYPE node_load5 gauge',
    'node_load5 0.4',
    '# TYPE node_load15 gauge',
    'node_load15 0.3',
    '# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.',
    '# TYPE node_cpu_seconds_total counter',
    ...cpu(0, 0.25),
    ...cpu(1, 0.75),
    '# TYPE node_memory_MemTotal_bytes gauge',
    `node_memory_MemTotal_bytes ${8 * GIB}`,
    '# TYPE node_memory_MemAvailable_bytes gauge',
    `node_memory_MemAvailable_bytes ${2 * GIB}`,
    '',
  ].join('\n');
}

export async function startFakeNodeExporter(): Promise<FakeNodeExporter> {
  const startedMs = Date.now();
  let scrapes = 0;
  const server: Server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    scrapes++;
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(exposition((Date.now() - startedMs) / 1000));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    scrapes: () => scrapes,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The server's configuration: node_exporter scraped every second, no built-in host metrics. */
export function scrapeConfig(address: string): string {
  return [
    'hostMetrics:',
    '  enabled: false',
    'prometheus:',
    '  scrape:',
    '    global: { scrape_interval: 1s, scrape_timeout: 1s }',
    '    scrape_configs:',
    `      - { job_name: node, static_configs: [{ targets: ['${address}'] }] }`,
  ].join('\n');
}

type Attr = { key: string; value: { stringValue: string } };
const attrs = (entries: Record<string, string>): Attr[] =>
  Object.entries(entries).map(([key, value]) => ({
    key,
    value: { stringValue: value },
  }));

/** Four `GET /orders` requests of service `orders`, each with one PostgreSQL SELECT on `shop` (the last one failing), a few minutes old. */
export function ordersDbSpansRequest(nowMs: number): object {
  const spans = Array.from({ length: 4 }, (_, i) => {
    const startNs = BigInt(nowMs - 4 * 60_000 + i * 1000) * 1_000_000n;
    const traceId = `${'7c'.repeat(15)}${String(10 + i)}`;
    const serverId = `${'8d'.repeat(7)}${String(10 + i)}`;
    return [
      {
        traceId,
        spanId: serverId,
        name: 'GET /orders',
        kind: 2,
        startTimeUnixNano: startNs.toString(),
        endTimeUnixNano: (startNs + 20_000_000n).toString(),
        status: { code: 0 },
      },
      {
        traceId,
        spanId: `${'9e'.repeat(7)}${String(10 + i)}`,
        parentSpanId: serverId,
        name: 'SELECT shop',
        kind: 3,
        startTimeUnixNano: (startNs + 2_000_000n).toString(),
        endTimeUnixNano: (startNs + 10_000_000n).toString(),
        attributes: attrs({
          'db.system.name': 'postgresql',
          'db.namespace': 'shop',
          'db.operation.name': 'SELECT',
          'db.query.text': 'SELECT * FROM orders',
        }),
        status: { code: i === 3 ? 2 : 0 },
      },
    ];
  }).flat();
  return {
    resourceSpans: [
      {
        resource: {
          attributes: attrs({
            'service.name': 'orders',
            'service.instance.id': 'orders-1',
          }),
        },
        scopeSpans: [{ scope: { name: 'sightline-dashboards-test' }, spans }],
      },
    ],
  };
}
