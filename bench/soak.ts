import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../packages/server/test/support/server-process.ts';
import { buildLogRequests, buildTraceRequests } from './workload.ts';

/**
 * A sustained run: a separate load process sends OTLP/HTTP protobuf spans and logs (each request
 * waiting for its ack) for BENCH_SECONDS (default 300) while this process samples the server every
 * BENCH_SAMPLE_SECONDS (default 10): RSS, event-loop lag, items accepted per second, pending bytes,
 * refusals. Prints the samples and a summary (first vs last third, to show drift), and stored = acked.
 * Env: BENCH_SECONDS, BENCH_SAMPLE_SECONDS, BENCH_CONCURRENCY (per signal, default 8), BENCH_SERVER_ARGS.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 300);
const SAMPLE_SECONDS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ITEMS_PER_REQUEST = 1000;
const SERVER_ARGS = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter((arg) => arg.length > 0);
const here = path.dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;

interface Sample {
  readonly atSeconds: number;
  readonly rssMiB: number;
  readonly lagP99Ms: number;
  readonly lagMaxMs: number;
  readonly acceptedPerSecond: number;
  readonly pendingMiB: number;
  readonly refusedRequests: number;
}

interface LoadResult {
  readonly items: number;
  readonly refused: number;
  readonly failed: number;
}

/** Sum of a Prometheus text metric's samples whose labels contain every `match` fragment. */
function metricSum(text: string, name: string, match: readonly string[] = []): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== '{' && rest[0] !== ' ') continue;
    if (!match.every((fragment) => rest.includes(fragment))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function metricsText(server: ServerProcess): Promise<string> {
  return (await fetch(`http://127.0.0.1:${server.ports.api}/metrics`)).text();
}

function runLoad(server: ServerProcess, bodiesFile: string, urlPath: string): Promise<LoadResult> {
  const load = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'load-http.ts'), bodiesFile, String(server.ports.http), urlPath, String(ITEMS_PER_REQUEST), String(SECONDS), String(CONCURRENCY)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  load.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    load.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load process exited with ${code}`))));
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function storedCount(server: ServerProcess, table: 'spans' | 'logs'): Promise<number> {
  const text = await metricsText(server);
  return metricSum(text, 'sightline_store_insert_rows_total', [`table="${table}"`]);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-bench-soak-'));
  const traces = path.join(dir, 'traces.json');
  const logs = path.join(dir, 'logs.json');
  writeFileSync(traces, JSON.stringify(buildTraceRequests(50, ITEMS_PER_REQUEST).map((body) => Buffer.from(body).toString('base64'))));
  writeFileSync(logs, JSON.stringify(buildLogRequests(50, ITEMS_PER_REQUEST).map((body) => Buffer.from(body).toString('base64'))));
  const server = await startServerProcess(path.join(dir, 'data'), ['--set', 'selfmon.intervalSeconds=5', ...SERVER_ARGS]);
  try {
    console.log(`soak: ${SECONDS} s of spans and logs, ${CONCURRENCY} requests in flight each, sampled every ${SAMPLE_SECONDS} s`);
    const load = Promise.all([runLoad(server, traces, '/v1/traces'), runLoad(server, logs, '/v1/logs')]);
    let finished = false;
    void load.finally(() => (finished = true));
    const samples: Sample[] = [];
    const started = performance.now();
    let lastAccepted = 0;
    let lastAt = started;
    console.log('   t(s)   RSS MiB   lag p99 ms   lag max ms   items/s   pending MiB   refused');
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_SECONDS * 1000));
      const text = await metricsText(server);
      const now = performance.now();
      const accepted = metricSum(text, 'sightline_ingest_items_accepted_total');
      const sample: Sample = {
        atSeconds: (now - started) / 1000,
        rssMiB: server.memory().rss / MiB,
        lagP99Ms: metricSum(text, 'sightline_selfmon_event_loop_lag_p99_seconds') * 1000,
        lagMaxMs: metricSum(text, 'sightline_selfmon_event_loop_lag_max_seconds') * 1000,
        acceptedPerSecond: (accepted - lastAccepted) / ((now - lastAt) / 1000),
        pendingMiB: metricSum(text, 'sightline_pipeline_pending_bytes') / MiB,
        refusedRequests: metricSum(text, 'sightline_ingest_requests_total', ['outcome="overloaded"']),
      };
      lastAccepted = accepted;
      lastAt = now;
      samples.push(sample);
      console.log(
        `${sample.atSeconds.toFixed(0).padStart(7)} ${sample.rssMiB.toFixed(0).padStart(9)} ${sample.lagP99Ms.toFixed(1).padStart(12)} ${sample.lagMaxMs.toFixed(1).padStart(12)} ${sample.acceptedPerSecond.toFixed(0).padStart(9)} ${sample.pendingMiB.toFixed(1).padStart(13)} ${String(sample.refusedRequests).padStart(9)}`,
      );
    }
    const [traceLoad, logLoad] = await load;
    // Every acked item is committed before its ack; the row counters tell what the store took.
    const [spansStored, logsStored] = [await storedCount(server, 'spans'), await storedCount(server, 'logs')];
    const third = Math.max(1, Math.floor(samples.length / 3));
    const early = samples.slice(0, third);
    const late = samples.slice(-third);
    const summary = (label: string, pick: (sample: Sample) => number, digits = 0): string =>
      `${label}: median ${median(samples.map(pick)).toFixed(digits)}, first third ${median(early.map(pick)).toFixed(digits)}, last third ${median(late.map(pick)).toFixed(digits)}, max ${Math.max(...samples.map(pick)).toFixed(digits)}`;
    console.log(`\n${summary('RSS MiB', (s) => s.rssMiB)}; peak ${(server.memory().peak / MiB).toFixed(0)}`);
    console.log(summary('event-loop lag p99 ms', (s) => s.lagP99Ms, 1));
    console.log(summary('items accepted per second', (s) => s.acceptedPerSecond));
    console.log(`acked: ${traceLoad.items} spans, ${logLoad.items} log records; refused requests (retried): ${traceLoad.refused + logLoad.refused}; failed: ${traceLoad.failed + logLoad.failed}`);
    console.log(`stored: ${spansStored} spans, ${logsStored} log records (${spansStored >= traceLoad.items && logsStored >= logLoad.items ? 'every acked item' : 'FEWER THAN ACKED'})`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
