import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeLogsProtobuf } from '../packages/server/src/receivers/otlp/decode/protobuf-logs.ts';
import { decodeTracesProtobuf } from '../packages/server/src/receivers/otlp/decode/protobuf-traces.ts';
import type { EncodedBatch } from '../packages/server/src/signals/decoded.ts';
import { ChdbStore } from '../packages/server/src/storage/chdb/chdb-store.ts';
import { insertTarget } from '../packages/server/src/storage/encode/encode-rows.ts';
import { encodeLogs, encodeTraces } from '../packages/server/src/storage/encode/encode-signals.ts';
import { logsTable } from '../packages/server/src/storage/schema/logs-table.ts';
import { migrate } from '../packages/server/src/storage/schema/migrations.ts';
import { DEFAULT_RETENTION } from '../packages/server/src/storage/schema/retention.ts';
import { spansTable } from '../packages/server/src/storage/schema/spans-table.ts';
import { startServerProcess } from '../packages/server/test/support/server-process.ts';
import { buildLogRequests, buildTraceRequests } from './workload.ts';

/**
 * OTLP/HTTP protobuf ingest, end to end (separate load process → server → committed rows), against the
 * raw insert rate of the same rows straight into the store, measured in this same run.
 * Env: BENCH_SECONDS (default 20), BENCH_CONCURRENCY (default 32), BENCH_ONLY (traces|logs), BENCH_SERVER_ARGS.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ITEMS_PER_REQUEST = 1000;
/** Extra `sightline start` arguments, e.g. BENCH_SERVER_ARGS='--set pipeline.batchMaxRows=10000'. */
const SERVER_ARGS = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter((arg) => arg.length > 0);
const ONLY = process.env.BENCH_ONLY;
const here = path.dirname(fileURLToPath(import.meta.url));

interface Signal {
  name: 'traces' | 'logs';
  path: string;
  bodies: Uint8Array[];
  encode(body: Uint8Array): EncodedBatch;
  target: ReturnType<typeof insertTarget>;
}

async function rawInsertRate(signal: Signal, seconds: number): Promise<{ rowsPerSecond: number; withEncodeRowsPerSecond: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sightline-bench-raw-'));
  const store = new ChdbStore({ dataDir, querySessions: 1, maxServerMemoryBytes: 4 * 1024 ** 3, queryLimits: { maxMemoryBytes: 1024 ** 3, maxExecutionSeconds: 60 } });
  try {
    await migrate(store, DEFAULT_RETENTION);
    // Same batching as the server: 10 requests of 1,000 rows per insert.
    const chunks = signal.bodies.map((body) => signal.encode(body).chunks[0]!.data);
    let rows = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    for (let i = 0; performance.now() < deadline; i += 10) {
      const batch = Array.from({ length: 10 }, (_, k) => chunks[(i + k) % chunks.length]!);
      await store.insertRowBinary(signal.target, batch);
      rows += 10 * ITEMS_PER_REQUEST;
    }
    const rowsPerSecond = rows / ((performance.now() - started) / 1000);
    // The same, decoding and encoding each request on this thread before inserting.
    let encodedRows = 0;
    const started2 = performance.now();
    const deadline2 = started2 + (seconds / 2) * 1000;
    for (let i = 0; performance.now() < deadline2; i += 10) {
      const batch = Array.from({ length: 10 }, (_, k) => signal.encode(signal.bodies[(i + k) % signal.bodies.length]!).chunks[0]!.data);
      await store.insertRowBinary(signal.target, batch);
      encodedRows += 10 * ITEMS_PER_REQUEST;
    }
    return { rowsPerSecond, withEncodeRowsPerSecond: encodedRows / ((performance.now() - started2) / 1000) };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface LoadResult {
  acked: number;
  items: number;
  seconds: number;
  refused: number;
  failed: number;
  p50: number;
  p99: number;
}

async function endToEnd(signal: Signal, seconds: number): Promise<LoadResult & { peakRss: number; stored: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sightline-bench-e2e-'));
  const bodiesFile = path.join(dataDir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(signal.bodies.map((body) => Buffer.from(body).toString('base64'))));
  const server = await startServerProcess(path.join(dataDir, 'data'), SERVER_ARGS);
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, server.memory().rss);
  }, 100);
  try {
    const load = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'load-http.ts'), bodiesFile, String(server.ports.http), signal.path, String(ITEMS_PER_REQUEST), String(seconds), String(CONCURRENCY)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    load.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => load.once('exit', resolve));
    const result = JSON.parse(output) as LoadResult;
    const table = signal.name === 'traces' ? 'spans' : 'logs';
    const response = await fetch(`http://127.0.0.1:${server.ports.api}/metrics`);
    const metricsText = await response.text();
    const stored = Number(new RegExp(`sightline_store_insert_rows_total\\{table="${table}"\\} (\\d+)`).exec(metricsText)?.[1] ?? 0);
    peakRss = Math.max(peakRss, server.memory().peak);
    return { ...result, peakRss, stored };
  } finally {
    clearInterval(sampler);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const MiB = 1024 * 1024;
const signals: Signal[] = [
  { name: 'traces', path: '/v1/traces', bodies: buildTraceRequests(20, ITEMS_PER_REQUEST), encode: (b) => encodeTraces(decodeTracesProtobuf(b)), target: insertTarget(spansTable) },
  { name: 'logs', path: '/v1/logs', bodies: buildLogRequests(20, ITEMS_PER_REQUEST), encode: (b) => encodeLogs(decodeLogsProtobuf(b)), target: insertTarget(logsTable) },
];
console.log(`bench:ingest — ${SECONDS}s per phase, ${CONCURRENCY} requests in flight, ${ITEMS_PER_REQUEST} items per request`);
for (const signal of signals.filter((candidate) => ONLY === undefined || candidate.name === ONLY)) {
  const bytes = signal.bodies.reduce((sum, body) => sum + body.length, 0) / signal.bodies.length;
  const e2e = await endToEnd(signal, SECONDS);
  const raw = await rawInsertRate(signal, SECONDS / 2);
  const rate = e2e.items / e2e.seconds;
  console.log(`\n[${signal.name}] request ≈ ${(bytes / 1024).toFixed(0)} KiB protobuf (${(bytes / ITEMS_PER_REQUEST).toFixed(0)} B/item)`);
  console.log(`  end-to-end: ${rate.toFixed(0)} ${signal.name === 'traces' ? 'spans' : 'records'}/s acked, p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms, ${e2e.refused} refused (retried), ${e2e.failed} failed`);
  console.log(`  stored rows counted by the server: ${e2e.stored} (acked ${e2e.items})`);
  console.log(`  peak server RSS: ${(e2e.peakRss / MiB).toFixed(0)} MiB`);
  console.log(`  raw store insert (pre-encoded RowBinary, 10k-row batches): ${raw.rowsPerSecond.toFixed(0)} rows/s; with decode+encode on one thread: ${raw.withEncodeRowsPerSecond.toFixed(0)} rows/s`);
  console.log(`  ratio end-to-end / raw: ${(rate / raw.rowsPerSecond).toFixed(2)} (vs one-thread decode+encode+insert: ${(rate / raw.withEncodeRowsPerSecond).toFixed(2)})`);
}
