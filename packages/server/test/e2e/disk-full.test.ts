// Disk protection in a running server whose data directory is a small real filesystem (tmpfs): logs with
// large bodies over OTLP/HTTP fill it past the soft and hard watermarks; ingest is refused with a
// retryable 503, the stored data stays queryable, and once space is freed ingest resumes by itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminStorageResponseSchema, logHistogramResponseSchema, logSearchResponseSchema, readyzResponseSchema, type AdminStorageResponse } from '@sightline/contract';
import { startHttpRecorder, type HttpRecorder } from '../support/alert-receivers/http-recorder.ts';
import { eventually } from '../support/eventually.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const MiB = 1024 * 1024;
const FS_SIZE_MIB = 300;
/** Taken by a file outside the store, deleted later to free space. */
const BALLAST_MIB = 120;
const RECORDS_PER_REQUEST = 100;
const BODY_BYTES = 20_000;

/** A tmpfs of FS_SIZE_MIB at `dir`, or the reason it cannot be mounted here. */
function mountSmallFilesystem(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${FS_SIZE_MIB}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs here (needs root): ${String(error).split('\n')[0]}`;
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'sightline-disk-full-'));
const mountPoint = path.join(root, 'fs');
mkdirSync(mountPoint);
const skip = mountSmallFilesystem(mountPoint);

function logsRequest(batch: number): string {
  const now = BigInt(Date.now()) * 1_000_000n;
  const logRecords = Array.from({ length: RECORDS_PER_REQUEST }, (_, i) => ({
    timeUnixNano: String(now + BigInt(i)),
    severityNumber: 9,
    severityText: 'INFO',
    // Random text does not compress: the disk fills at the rate we send.
    body: { stringValue: `batch-${batch}-record-${i} ${randomBytes((BODY_BYTES * 3) / 4).toString('base64')}` },
    attributes: [{ key: 'batch', value: { intValue: String(batch) } }],
  }));
  return JSON.stringify({
    resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'disk-filler' } }] }, scopeLogs: [{ scope: { name: 'e2e' }, logRecords }] }],
  });
}

describe('disk full: watermarks on a small filesystem', { skip, timeout: 300_000 }, () => {
  const dataDir = path.join(mountPoint, 'data');
  const ballast = path.join(mountPoint, 'ballast.bin');
  let server: ServerProcess;
  let hook: HttpRecorder;
  let accepted = 0;
  let firstBody = '';
  const api = (route: string): string => `http://127.0.0.1:${server.ports.api}${route}`;

  const sendLogs = (batch: number): Promise<Response> =>
    fetch(`http://127.0.0.1:${server.ports.http}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: logsRequest(batch) });

  async function storage(): Promise<AdminStorageResponse> {
    const response = await fetch(api('/api/v1/admin/storage'));
    assert.equal(response.status, 200);
    return adminStorageResponseSchema.parse(await response.json());
  }

  /** The storage report once the monitor has measured after `sinceMs`. */
  async function storageCheckedAfter(sinceMs: number): Promise<AdminStorageResponse> {
    for (;;) {
      const report = await storage();
      if ((report.watermark?.checkedAtMs ?? 0) > sinceMs) return report;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function storedLogCount(): Promise<number> {
    const now = Date.now();
    const response = await fetch(api('/api/v1/logs/histogram'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ start: now - 3_600_000, end: now + 60_000, stepSeconds: 3600 }),
    });
    assert.equal(response.status, 200);
    const { buckets } = logHistogramResponseSchema.parse(await response.json());
    return buckets.reduce((sum, bucket) => sum + Object.values(bucket.counts).reduce((a, b) => a + b, 0), 0);
  }

  before(async () => {
    writeFileSync(ballast, Buffer.alloc(BALLAST_MIB * MiB, 1));
    server = await startServerProcess(dataDir, [
      '--set', 'hostMetrics.enabled=false',
      '--set', 'disk.softWatermarkPercent=50',
      '--set', 'disk.hardWatermarkPercent=60',
      '--set', 'disk.hysteresisPercent=2',
      '--set', 'disk.checkIntervalSeconds=1',
      '--set', 'selfmon.intervalSeconds=2',
      '--set', 'alerts.tickSeconds=1',
    ]);
    hook = await startHttpRecorder();
  });

  /** The built-in disk rule's state and severity, as the alerts API lists it. */
  async function diskRule(): Promise<{ state: string; severity: string | null }> {
    const response = await fetch(api('/api/v1/alerts/rules/builtin-disk-soft-watermark'));
    assert.equal(response.status, 200);
    const { rule } = (await response.json()) as { rule: { state: string; severity: string | null } };
    return { state: rule.state, severity: rule.severity };
  }

  /** Whether the webhook received a message of this kind (and severity, if given). */
  const hookReceived = (kind: string, severity?: string): Promise<true | undefined> =>
    Promise.resolve(
      hook.requests.some((request) => {
        const body = JSON.parse(request.body) as { kind: string; severity: string | null };
        return body.kind === kind && (severity === undefined || body.severity === severity);
      })
        ? true
        : undefined,
    );

  after(async () => {
    await server?.stop();
    await hook?.close();
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('has the built-in disk rule, which an operator routes to a webhook (evaluated every 10 s here)', async () => {
    const channel = await fetch(api('/api/v1/alerts/channels'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ops', settings: { type: 'webhook', url: `${hook.url}/disk` } }),
    });
    assert.equal(channel.status, 201);
    const { id } = (await channel.json()) as { id: string };
    const { rule } = (await (await fetch(api('/api/v1/alerts/rules/builtin-disk-soft-watermark'))).json()) as { rule: Record<string, unknown> };
    const definition = { name: rule['name'], query: rule['query'], condition: rule['condition'], labels: rule['labels'], title: rule['title'], description: rule['description'] };
    const updated = await fetch(api('/api/v1/alerts/rules/builtin-disk-soft-watermark'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...definition, intervalSeconds: 10, notify: { channels: [id] } }),
    });
    assert.equal(updated.status, 200, await updated.clone().text());
    assert.deepEqual(await diskRule(), { state: 'inactive', severity: null });
  });

  it('starts below the soft mark and ready', async () => {
    const report = await storageCheckedAfter(0);
    assert.equal(report.watermark?.state, 'ok');
    assert.equal(report.volume?.totalBytes, FS_SIZE_MIB * MiB);
    assert.equal((await fetch(api('/readyz'))).status, 200);
  });

  it('warns above the soft mark, visible in the storage API and /metrics', async () => {
    let report = await storage();
    for (let batch = 0; report.watermark?.state === 'ok'; batch++) {
      const sentAt = Date.now();
      const response = await sendLogs(batch);
      assert.equal(response.status, 200, await response.text());
      if (batch === 0) firstBody = `batch-0-record-7`;
      accepted += RECORDS_PER_REQUEST;
      report = await storageCheckedAfter(sentAt);
    }
    assert.equal(report.watermark?.state, 'soft');
    assert.equal(report.watermark?.intakePaused, false);
    assert.ok((report.volume?.usedPercent ?? 0) >= 50 && (report.volume?.usedPercent ?? 100) < 60, JSON.stringify(report.volume));
    const logs = report.signals.find((signal) => signal.signal === 'logs');
    assert.ok((logs?.bytesOnDisk ?? 0) > 10 * MiB, JSON.stringify(logs));
    const metrics = await (await fetch(api('/metrics'))).text();
    assert.match(metrics, /^sightline_disk_watermark_state 1$/m);
    assert.match(metrics, new RegExp(`^sightline_disk_total_bytes ${FS_SIZE_MIB * MiB}$`, 'm'));
    assert.match(metrics, /^sightline_disk_table_bytes\{table="logs"\} [1-9]\d{6,}$/m);
    assert.match(metrics, /^sightline_disk_free_bytes [1-9]/m);
    assert.equal((await fetch(api('/readyz'))).status, 200);
  });

  it('refuses ingest above the hard mark with a retryable 503 and Retry-After; /readyz is 503; the server lives', async () => {
    let refused: Response | undefined;
    for (let batch = 1000; refused === undefined; batch++) {
      const sentAt = Date.now();
      const response = await sendLogs(batch);
      if (response.status === 200) {
        accepted += RECORDS_PER_REQUEST;
        await storageCheckedAfter(sentAt);
        continue;
      }
      refused = response;
    }
    assert.equal(refused.status, 503, await refused.clone().text());
    assert.match(refused.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    const report = await storage();
    assert.equal(report.watermark?.state, 'hard');
    assert.equal(report.watermark?.intakePaused, true);
    assert.match(await (await fetch(api('/metrics'))).text(), /^sightline_disk_watermark_state 2$/m);
    const ready = await fetch(api('/readyz'));
    assert.equal(ready.status, 503);
    const body = readyzResponseSchema.parse(await ready.json());
    assert.match(body.status === 'not_ready' ? body.reasons.join(' ') : '', /hard watermark of 60%/);
    // Still refused on the next try, and the process is alive.
    assert.equal((await sendLogs(9999)).status, 503);
    assert.equal((await fetch(api('/healthz'))).status, 200);
    assert.equal(server.child.exitCode, null);
  });

  it('fires the built-in disk alert as critical above the hard mark (its own metrics are still stored) and notifies the webhook', async () => {
    const critical = async () => {
      const rule = await diskRule();
      return rule.state === 'firing' && rule.severity === 'critical' ? rule : undefined;
    };
    await eventually('the disk rule firing as critical', critical, { timeoutMs: 90_000, pauseMs: 1000 });
    await eventually('a critical firing message', () => hookReceived('firing', 'critical'), { timeoutMs: 30_000 });
  });

  it('keeps every acknowledged record intact and queryable', async () => {
    assert.equal(await storedLogCount(), accepted);
    const now = Date.now();
    const response = await fetch(api('/api/v1/logs/search'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ start: now - 3_600_000, end: now + 60_000, bodyContains: `${firstBody} `, limit: 5 }),
    });
    assert.equal(response.status, 200);
    const { logs } = logSearchResponseSchema.parse(await response.json());
    assert.equal(logs.length, 1);
    const body = logs[0]?.body;
    const text = body !== undefined && 'stringValue' in body ? body.stringValue : '';
    assert.ok(text.startsWith(`${firstBody} `) && text.length === firstBody.length + 1 + BODY_BYTES, `body stored verbatim: ${text.slice(0, 40)}… (${text.length})`);
  });

  it('resumes ingest by itself once space is freed, and /readyz is 200 again', async () => {
    rmSync(ballast);
    const freedAt = Date.now();
    const report = await storageCheckedAfter(freedAt);
    assert.equal(report.watermark?.state, 'ok');
    assert.equal((await fetch(api('/readyz'))).status, 200);
    const response = await sendLogs(5000);
    assert.equal(response.status, 200, await response.text());
    accepted += RECORDS_PER_REQUEST;
    assert.equal(await storedLogCount(), accepted);
    assert.match(await (await fetch(api('/metrics'))).text(), /^sightline_disk_watermark_state 0$/m);
    assert.equal(server.child.exitCode, null);
  });

  it('resolves the disk alert once space is freed, with a resolved message', async () => {
    const resolved = async () => ((await diskRule()).state === 'resolved' ? true : undefined);
    await eventually('the disk rule resolved', resolved, { timeoutMs: 90_000, pauseMs: 1000 });
    await eventually('a resolved message', () => hookReceived('resolved'), { timeoutMs: 30_000 });
  });
});
