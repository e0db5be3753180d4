import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { createApiServer } from '../packages/server/src/api/api-server.ts';
import { aggregateSpans } from '../packages/server/src/pipeline/span-metrics/aggregate-spans.ts';
import { SpanMetricsStage } from '../packages/server/src/pipeline/span-metrics/span-metrics-stage.ts';
import { ChdbStore } from '../packages/server/src/storage/chdb/chdb-store.ts';
import { encodeRows, insertTarget } from '../packages/server/src/storage/encode/encode-rows.ts';
import { INSERT_TABLES } from '../packages/server/src/storage/schema/tables.ts';
import { migrate } from '../packages/server/src/storage/schema/migrations.ts';
import { spansTable } from '../packages/server/src/storage/schema/spans-table.ts';
import { sql } from '../packages/server/src/storage/sql.ts';
import type { InsertTarget } from '../packages/server/src/storage/store.ts';
import { ApmWorkload, SPANS_PER_TRACE, serviceName } from './apm-workload.ts';
import { rawOperationsTable, rawServicesTable } from './apm-raw-queries.ts';

/**
 * APM tables from the aggregates against the same answers from raw spans, in one run.
 * Generates BENCH_SPANS spans (default 10 million) over the last 7 days through the real span-metrics
 * code (aggregation + caps + encoders) into a fresh embedded store, then times the services table and
 * one service's operations table for 15 minutes, 24 hours and 7 days, both ways (median of BENCH_RUNS).
 */
const TOTAL_SPANS = Number(process.env.BENCH_SPANS ?? 10_000_000);
/** Keep the generated store here and reuse it on the next run (the load takes minutes). */
const KEPT_DATA_DIR = process.env.BENCH_DATA_DIR;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAYS = 7;
const TRACES_PER_CHUNK = 4000;
const MINUTE_MS = 60_000;

const APM = {
  maxServices: 256,
  maxOperationsPerService: 2048,
  capWindowSeconds: 60,
  normalizeSpanNames: true,
  defaultApdexThresholdMs: 500,
  serviceMapWindowMinutes: 30,
};
const QUERY = { maxMemoryBytes: 4 * 1024 ** 3, maxExecutionSeconds: 120, maxRowsToRead: 2_000_000_000, maxResultRows: 1000, defaultLimit: 100 };

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

async function load(store: ChdbStore, endMs: number): Promise<void> {
  const targets = new Map<string, InsertTarget>(INSERT_TABLES.map((table) => [table.name, insertTarget(table)]));
  const stage = new SpanMetricsStage(APM, new Registry());
  const workload = new ApmWorkload();
  const traces = Math.ceil(TOTAL_SPANS / SPANS_PER_TRACE);
  const startMs = endMs - DAYS * 24 * 60 * MINUTE_MS;
  const gapMs = (endMs - startMs) / traces;
  const started = performance.now();
  let inFlight: Promise<unknown> = Promise.resolve();
  let done = 0;
  let lastReport = started;
  for (let first = 0; first < traces; first += TRACES_PER_CHUNK) {
    const count = Math.min(TRACES_PER_CHUNK, traces - first);
    const chunkStartMs = startMs + first * gapMs;
    const spans = workload.traces(count, chunkStartMs, gapMs);
    const chunks = [encodeRows(spansTable, spans), ...stage.chunksFor(aggregateSpans(spans, APM), chunkStartMs)];
    await inFlight;
    inFlight = Promise.all(chunks.map((chunk) => store.insertRowBinary(targets.get(chunk.table) as InsertTarget, [chunk.data])));
    done += spans.length;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const rate = done / ((lastReport - started) / 1000);
      console.log(`  loaded ${(done / 1e6).toFixed(1)}M spans (${Math.round(rate).toLocaleString('en-US')} spans/s), RSS ${mib(process.memoryUsage.rss())}`);
    }
  }
  await inFlight;
  const seconds = (performance.now() - started) / 1000;
  console.log(`loaded ${done.toLocaleString('en-US')} spans over ${DAYS} days in ${seconds.toFixed(0)} s (${Math.round(done / seconds).toLocaleString('en-US')} spans/s incl. generation and aggregation)`);
}

/** A store that has been running a while has merged its recent inserts: time queries against that state. */
async function settleMerges(store: ChdbStore): Promise<void> {
  const started = performance.now();
  for (;;) {
    const [running] = await store.query<{ merges: string }>(sql`SELECT count() AS merges FROM system.merges`);
    if (Number(running?.merges ?? 0) === 0 || performance.now() - started > 120_000) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.log(`background merges settled after ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function apiGet<T>(app: FastifyInstance, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

interface Calls {
  readonly name: string;
  readonly calls: number;
  readonly p99Ms: number | null;
}

/** Both answers agree: same calls per name, p99 within the buckets' 1%. */
function compare(label: string, fromAggregates: readonly Calls[], fromRaw: readonly Calls[]): string {
  const raw = new Map(fromRaw.map((row) => [row.name, row]));
  let mismatches = 0;
  for (const row of fromAggregates) {
    if (row.calls === 0) continue;
    const other = raw.get(row.name);
    const p99Ok = other?.p99Ms == null || row.p99Ms == null || Math.abs(row.p99Ms - other.p99Ms) <= other.p99Ms * 0.0101 + 1e-6;
    if (other === undefined || other.calls !== row.calls || !p99Ok) mismatches++;
  }
  const rawActive = fromRaw.filter((row) => row.calls > 0).length;
  const aggActive = fromAggregates.filter((row) => row.calls > 0).length;
  if (rawActive !== aggActive) mismatches++;
  return mismatches === 0 ? `${label}: answers agree (${aggActive} rows)` : `${label}: ${mismatches} rows DIFFER`;
}

async function main(): Promise<void> {
  const dataDir = KEPT_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'sightline-bench-apm-'));
  const store = new ChdbStore({ dataDir, querySessions: 2, maxServerMemoryBytes: 8 * 1024 ** 3, queryLimits: { maxMemoryBytes: QUERY.maxMemoryBytes, maxExecutionSeconds: QUERY.maxExecutionSeconds } });
  const app = createApiServer({ store, query: QUERY, apm: APM, selfMetrics: () => '' });
  try {
    await migrate(store, { traces: 15, logs: 15, metrics: 30 });
    const [kept] = await store.query<{ spans: string; lastMinute: number }>(
      sql`SELECT (SELECT count() FROM spans) AS spans, (SELECT toUnixTimestamp(max(time)) FROM apm_span_metrics_1m) AS lastMinute`,
    );
    let endMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    if (Number(kept?.spans ?? 0) >= TOTAL_SPANS) {
      endMs = (Number(kept?.lastMinute) + 60) * 1000;
      console.log(`reusing ${Number(kept?.spans).toLocaleString('en-US')} spans in ${dataDir}`);
    } else {
      console.log(`generating ${TOTAL_SPANS.toLocaleString('en-US')} spans (${DAYS} days, ${SPANS_PER_TRACE} spans per trace)…`);
      await load(store, endMs);
    }
    await settleMerges(store);
    const [counts] = await store.query<{ spans: string; minuteRows: string; hourRows: string }>(
      sql`SELECT (SELECT count() FROM spans) AS spans, (SELECT count() FROM apm_span_metrics_1m) AS minuteRows, (SELECT count() FROM apm_span_metrics_1h) AS hourRows`,
    );
    console.log(`rows: spans ${counts?.spans}, span metrics per minute ${counts?.minuteRows}, per hour ${counts?.hourRows}`);

    const service = serviceName(1);
    console.log(`\nmedian of ${RUNS} runs; "aggregates" = the API endpoint, "raw" = the same answer computed from raw spans`);
    console.log('query                         range   aggregates        raw    ratio');
    for (const [label, minutes] of [['15 minutes', 15], ['24 hours', 24 * 60], ['7 days', DAYS * 24 * 60]] as const) {
      const startMs = endMs - minutes * MINUTE_MS;
      const range = { startNs: BigInt(startMs) * 1_000_000n, endNs: BigInt(endMs) * 1_000_000n };
      const servicesUrl = `/api/v1/apm/services?start=${startMs}&end=${endMs}`;
      const operationsUrl = `/api/v1/apm/services/${service}/operations?start=${startMs}&end=${endMs}`;
      const cases = [
        { name: 'services table', aggregate: () => apiGet<{ services: Calls[] }>(app, servicesUrl).then((r) => r.services), raw: () => rawServicesTable(store, range, APM.defaultApdexThresholdMs) },
        {
          name: `operations of ${service}`,
          aggregate: () => apiGet<{ operations: (Calls & { spanKind: number })[] }>(app, operationsUrl).then((r) => r.operations.map((o) => ({ ...o, name: `${o.name}#${o.spanKind}` }))),
          raw: () => rawOperationsTable(store, range, service),
        },
      ];
      for (const item of cases) {
        // One unmeasured run of each first: the first read after start-up also loads marks and caches.
        await item.aggregate();
        await item.raw();
        const aggregateMs = await median(item.aggregate);
        const rawMs = await median(item.raw);
        const ratio = rawMs / aggregateMs;
        console.log(`${item.name.padEnd(30)}${label.padStart(10)} ${aggregateMs.toFixed(0).padStart(8)} ms ${rawMs.toFixed(0).padStart(8)} ms ${ratio.toFixed(1).padStart(7)}×`);
        console.log(`  ${compare(item.name, await item.aggregate(), await item.raw())}`);
      }
    }
    console.log(`\npeak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    await app.close();
    await store.close();
    if (KEPT_DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
