import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { backupManifestSchema, type BackupManifest } from '@sightline/contract';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/sightline.mjs');
const SPANS_PER_BATCH = 4;
const LOGS_PER_BATCH = 3;
const MAX_BATCHES = 3000;

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const traceIdOf = (batch: number): string => (0xb0000000 + batch).toString(16).padStart(32, '0');
const spanIdOf = (batch: number, index: number): string => ((batch << 4) + index + 1).toString(16).padStart(16, '0');
const resource = { attributes: [{ key: 'service.name', value: { stringValue: 'backup-e2e' } }] };

function tracesBody(batch: number, nowNs: bigint): object {
  const spans = Array.from({ length: SPANS_PER_BATCH }, (_, index) => ({
    traceId: traceIdOf(batch),
    spanId: spanIdOf(batch, index),
    ...(index === 0 ? {} : { parentSpanId: spanIdOf(batch, 0) }),
    name: index === 0 ? 'GET /orders' : `step ${index}`,
    kind: index === 0 ? 2 : 1,
    startTimeUnixNano: String(nowNs),
    endTimeUnixNano: String(nowNs + 5_000_000n),
  }));
  return { resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'e2e' }, spans }] }] };
}

function logsBody(batch: number, nowNs: bigint): object {
  const logRecords = Array.from({ length: LOGS_PER_BATCH }, (_, index) => ({
    timeUnixNano: String(nowNs + BigInt(index)),
    severityNumber: 9,
    body: { stringValue: `backup batch ${batch} record ${index}` },
  }));
  return { resourceLogs: [{ resource, scopeLogs: [{ scope: { name: 'e2e' }, logRecords }] }] };
}

function metricsBody(batch: number, nowNs: bigint): object {
  const gauge = { dataPoints: [{ timeUnixNano: String(nowNs), asInt: String(batch) }] };
  return { resourceMetrics: [{ resource, scopeMetrics: [{ scope: { name: 'e2e' }, metrics: [{ name: 'backup_e2e_batch', gauge }] }] }] };
}

async function post(port: number, signal: 'traces' | 'logs' | 'metrics', body: object): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/${signal}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok || /"rejected/.test(text)) throw new Error(`OTLP ${signal}: ${response.status} ${text}`);
}

/** Posts batches one after another (traces, logs, metrics each) until stopped; records when each was acknowledged. */
function ingestLoop(port: number): { acked: number[]; stop: () => Promise<void>; waitFor: (count: number) => Promise<void> } {
  const acked: number[] = [];
  let stopping = false;
  const done = (async () => {
    for (let batch = 0; batch < MAX_BATCHES && !stopping; batch++) {
      const nowNs = BigInt(Date.now()) * 1_000_000n;
      await Promise.all([post(port, 'traces', tracesBody(batch, nowNs)), post(port, 'logs', logsBody(batch, nowNs)), post(port, 'metrics', metricsBody(batch, nowNs))]);
      acked.push(batch);
    }
  })();
  return {
    acked,
    stop: async () => {
      stopping = true;
      await done;
    },
    waitFor: async (count) => {
      while (acked.length < count) {
        await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 20))]);
        if (acked.length < count && (await Promise.race([done.then(() => true), Promise.resolve(false)]))) throw new Error('ingest loop ended early');
      }
    },
  };
}

async function apiJson<T>(port: number, method: 'GET' | 'POST', url: string, body?: object): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The `table rows expected check` lines the CLIs print, as table → [rows, expected, check]. */
function rowChecks(output: string): Map<string, [number, number, string]> {
  const checks = new Map<string, [number, number, string]>();
  for (const match of output.matchAll(/^(\w+)\s+(\d+)\s+(\d+)\s+(ok|MISMATCH)$/gm)) {
    checks.set(match[1] as string, [Number(match[2]), Number(match[3]), match[4] as string]);
  }
  return checks;
}

describe('backup of a running server under ingest, restore into an empty data dir', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sightline-backup-e2e-'));
  const backupDir = path.join(root, 'backup');
  const restoredDir = path.join(root, 'restored');
  let source: ServerProcess | undefined;
  let restored: ServerProcess | undefined;
  let manifest: BackupManifest;
  let backupOutput = '';
  let restoreOutput = '';
  let ackedBeforeBackup = 0;
  let ackedAfterBackup: number[] = [];
  const startedAt = Date.now();

  before(async () => {
    source = await startServerProcess(path.join(root, 'source'));
    const ingest = ingestLoop(source.ports.http);
    try {
      await ingest.waitFor(10);
      ackedBeforeBackup = ingest.acked.length;
      const backup = await runCli(['backup', backupDir, '--api-url', `http://127.0.0.1:${source.ports.api}`]);
      backupOutput = backup.stdout;
      assert.equal(backup.code, 0, `backup failed: ${backup.stdout}\n${backup.stderr}`);
      const doneAt = ingest.acked.length;
      await ingest.waitFor(doneAt + 5);
      ackedAfterBackup = ingest.acked.slice(doneAt + 1);
    } finally {
      await ingest.stop();
      await source.stop();
    }
    manifest = backupManifestSchema.parse(JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')));
    const restore = await runCli(['restore', backupDir, '--data-dir', restoredDir]);
    restoreOutput = restore.stdout;
    assert.equal(restore.code, 0, `restore failed: ${restore.stdout}\n${restore.stderr}`);
    restored = await startServerProcess(restoredDir);
  });

  after(async () => {
    await restored?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('the backup prints progress and a verified row count for every table of the manifest', () => {
    assert.match(backupOutput, /snapshot taken: \d+ tables/);
    assert.match(backupOutput, /copied spans: \d+ rows/);
    const checks = rowChecks(backupOutput);
    assert.deepEqual([...checks.keys()].sort(), manifest.tables.map((table) => table.name).sort());
    for (const table of manifest.tables) assert.deepEqual(checks.get(table.name), [table.rows, table.rows, 'ok'], table.name);
    const names = manifest.tables.map((table) => table.name);
    for (const expected of ['spans', 'trace_index', 'logs', 'metric_series', 'metric_points_number', 'settings', 'dashboards', 'schema_migrations', 'apm_span_metrics_1m', 'apm_span_metrics_1h']) {
      assert.ok(names.includes(expected), `${expected} in the manifest`);
    }
    assert.ok(manifest.schemaVersion >= 5);
  });

  test('the snapshot is one moment: whole batches, and each materialized view target agrees with its source', () => {
    const rows = new Map(manifest.tables.map((table) => [table.name, table.rows]));
    const spans = rows.get('spans') ?? 0;
    assert.ok(spans >= ackedBeforeBackup * SPANS_PER_BATCH, `${spans} spans, ${ackedBeforeBackup} batches acknowledged before the backup`);
    // Traces are inserted per request: a consistent snapshot never holds part of one.
    assert.equal(spans % SPANS_PER_BATCH, 0);
    // trace_index gets one row per trace from its view (each trace arrives in one request): a
    // snapshot taken table by table between inserts would let it run ahead of or behind spans.
    assert.equal(rows.get('trace_index'), spans / SPANS_PER_BATCH);
    assert.ok((rows.get('logs') ?? 0) >= ackedBeforeBackup * LOGS_PER_BATCH);
  });

  test('restore prints every table with the manifest row count, all ok', () => {
    const checks = rowChecks(restoreOutput);
    for (const table of manifest.tables) assert.deepEqual(checks.get(table.name), [table.rows, table.rows, 'ok'], table.name);
    assert.match(restoreOutput, /restore complete/);
  });

  test('the restored server returns the backed-up traces and logs, and nothing ingested after the backup', async () => {
    const port = restored!.ports.api;
    for (const batch of [0, ackedBeforeBackup - 1]) {
      const trace = await apiJson<{ spans: unknown[] }>(port, 'GET', `/api/v1/traces/${traceIdOf(batch)}`);
      assert.equal(trace.status, 200, JSON.stringify(trace.body));
      assert.equal(trace.body.spans.length, SPANS_PER_BATCH);
    }
    assert.ok(ackedAfterBackup.length > 0);
    const late = await apiJson<unknown>(port, 'GET', `/api/v1/traces/${traceIdOf(ackedAfterBackup.at(-1)!)}`);
    assert.equal(late.status, 404);
    const histogram = await apiJson<{ buckets: { counts: Record<string, number> }[] }>(port, 'POST', '/api/v1/logs/histogram', {
      start: startedAt - 60_000,
      end: Date.now() + 60_000,
      service: 'backup-e2e',
    });
    assert.equal(histogram.status, 200, JSON.stringify(histogram.body));
    const logs = histogram.body.buckets.reduce((sum, bucket) => sum + Object.values(bucket.counts).reduce((a, b) => a + b, 0), 0);
    assert.equal(logs, manifest.tables.find((table) => table.name === 'logs')?.rows);
  });

  test('restore refuses a data directory that is not empty', async () => {
    const again = await runCli(['restore', backupDir, '--data-dir', path.join(root, 'source')]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /not empty/);
  });
});
