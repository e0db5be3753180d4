import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminStorageResponseSchema, readyzResponseSchema, type AdminStorageResponse } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { readPartitionUsage } from '../query/storage-usage/partition-usage.ts';
import { dropDayPartition } from '../query/storage-usage/drop-day-partition.ts';
import { diskConfigSchema } from '../selfmon/disk/disk-config.ts';
import { createDiskMetrics } from '../selfmon/disk/disk-metrics.ts';
import { DiskMonitor } from '../selfmon/disk/disk-monitor.ts';
import { insertLogs, insertSpans } from '../../test/support/api-insert.ts';
import { call, TEST_APM_CONFIG, TEST_QUERY_CONFIG } from '../../test/support/api-app.ts';
import { sampleLog, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { createApiServer } from './api-server.ts';

function monitorOver(temp: TempStore, marks: { soft: number; hard: number }, registry = new Registry()): DiskMonitor {
  return new DiskMonitor(diskConfigSchema.parse({ softWatermarkPercent: marks.soft, hardWatermarkPercent: marks.hard, hysteresisPercent: 0 }), {
    dataDir: temp.dataDir,
    readPartitions: () => readPartitionUsage(temp.store),
    dropPartition: (table, id) => dropDayPartition(temp.store, table, id),
    metrics: createDiskMetrics(registry),
    log: () => undefined,
  });
}

function appWith(temp: TempStore, monitor?: DiskMonitor, registry?: Registry): FastifyInstance {
  return createApiServer({
    store: temp.store,
    query: TEST_QUERY_CONFIG,
    apm: TEST_APM_CONFIG,
    selfMetrics: () => registry?.metrics() ?? '',
    ...(monitor === undefined ? {} : { disk: monitor }),
  });
}

describe('admin storage API and /readyz', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
    await insertLogs(temp.store, Array.from({ length: 300 }, (_, i) => sampleLog(`log line ${i} ${'x'.repeat(200)}`)));
    await insertSpans(temp.store, Array.from({ length: 40 }, () => sampleSpan()));
  });
  after(() => temp.dispose());

  it('reports bytes and rows per table grouped by signal, with the volume and watermark of the disk monitor', async () => {
    const registry = new Registry();
    const monitor = monitorOver(temp, { soft: 99.8, hard: 99.9 }, registry);
    await monitor.check();
    const app = appWith(temp, monitor, registry);
    const reply = await call<AdminStorageResponse>(app, 'GET', '/api/v1/admin/storage');
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const body = adminStorageResponseSchema.parse(reply.body);
    assert.deepEqual(body.signals.map((s) => s.signal), ['traces', 'logs', 'metrics', 'metadata']);
    const logs = body.signals.find((s) => s.signal === 'logs');
    assert.deepEqual(logs?.tables.map((t) => [t.table, t.rows]), [['logs', 300]]);
    assert.ok((logs?.bytesOnDisk ?? 0) > 0);
    const traces = body.signals.find((s) => s.signal === 'traces');
    const spans = traces?.tables.find((t) => t.table === 'spans');
    assert.equal(spans?.rows, 40);
    assert.ok(traces?.tables.some((t) => t.table === 'trace_index'), 'trace_index counted under traces');
    assert.ok(body.signals.find((s) => s.signal === 'metadata')?.tables.some((t) => t.table === 'schema_migrations'));
    assert.equal(body.totalBytesOnDisk, body.signals.reduce((sum, s) => sum + s.bytesOnDisk, 0));
    assert.ok(body.volume !== null && body.volume.totalBytes > 0 && body.volume.freeBytes > 0);
    assert.equal(body.watermark?.state, 'ok');
    assert.equal(body.watermark?.softPercent, 99.8);

    const metrics = await registry.metrics();
    assert.match(metrics, new RegExp(`sightline_disk_table_bytes\\{table="logs"\\} ${logs?.bytesOnDisk}`));
    assert.match(metrics, /sightline_disk_total_bytes [1-9]/);
    assert.match(metrics, /sightline_disk_watermark_state 0/);
    await app.close();
  });

  it('answers without a disk monitor: tables only', async () => {
    const app = appWith(temp);
    const body = adminStorageResponseSchema.parse((await call(app, 'GET', '/api/v1/admin/storage')).body);
    assert.equal(body.volume, null);
    assert.equal(body.watermark, null);
    assert.ok(body.totalBytesOnDisk > 0);
    await app.close();
  });

  it('/readyz is 200 when the store answers and the disk is under the hard mark', async () => {
    const monitor = monitorOver(temp, { soft: 99.8, hard: 99.9 });
    await monitor.check();
    const app = appWith(temp, monitor);
    const reply = await call(app, 'GET', '/readyz');
    assert.equal(reply.status, 200);
    assert.deepEqual(readyzResponseSchema.parse(reply.body), { status: 'ready' });
    await app.close();
  });

  it('/readyz is 503 with the reason when the disk is above the hard mark', async () => {
    // Marks far below this filesystem's real use: the real measurement is above both.
    const monitor = monitorOver(temp, { soft: 0.001, hard: 0.002 });
    await monitor.check();
    assert.equal(monitor.status().watermark.state, 'hard');
    const app = appWith(temp, monitor);
    const reply = await call(app, 'GET', '/readyz');
    assert.equal(reply.status, 503);
    const body = readyzResponseSchema.parse(reply.body);
    assert.equal(body.status, 'not_ready');
    assert.match(body.status === 'not_ready' ? body.reasons.join(' ') : '', /disk: usage is above the hard watermark of 0.002%/);
    const storage = adminStorageResponseSchema.parse((await call(app, 'GET', '/api/v1/admin/storage')).body);
    assert.equal(storage.watermark?.state, 'hard');
    assert.equal(storage.watermark?.intakePaused, true);
    await app.close();
  });

  it('/healthz stays 200 whatever the disk', async () => {
    const monitor = monitorOver(temp, { soft: 0.001, hard: 0.002 });
    await monitor.check();
    const app = appWith(temp, monitor);
    assert.equal((await call(app, 'GET', '/healthz')).status, 200);
    await app.close();
  });
});
