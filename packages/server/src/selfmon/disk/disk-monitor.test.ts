import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StorageVolume } from '@sightline/contract';
import { Registry } from 'prom-client';
import { ErrorCodes } from '../../errors.ts';
import { diskConfigSchema } from './disk-config.ts';
import { createDiskMetrics } from './disk-metrics.ts';
import { DiskMonitor } from './disk-monitor.ts';
import type { DiskPartition } from './drop-policy.ts';

const TOTAL = 1000;

/** A disk of 1000 bytes whose use is the partitions' bytes plus `other` (files outside the store). */
function simulatedDisk(partitions: DiskPartition[], other: number) {
  const disk = { partitions, other, dropped: [] as string[], logs: [] as string[] };
  const used = (): number => disk.other + disk.partitions.reduce((sum, p) => sum + p.bytesOnDisk, 0);
  const volume = (_dir: string): Promise<StorageVolume> =>
    Promise.resolve({ path: '/data', totalBytes: TOTAL, freeBytes: TOTAL - used(), usedBytes: used(), usedPercent: (used() / TOTAL) * 100 });
  return {
    disk,
    deps: {
      dataDir: '/data',
      readVolume: volume,
      readPartitions: () => Promise.resolve([...disk.partitions]),
      dropPartition: (table: string, partitionId: string) => {
        disk.dropped.push(`${table}/${partitionId}`);
        disk.partitions = disk.partitions.filter((p) => !(p.table === table && p.partitionId === partitionId));
        return Promise.resolve();
      },
      log: (level: string, message: string) => disk.logs.push(`${level}: ${message}`),
    },
  };
}

function logsDay(day: string, bytes: number): DiskPartition {
  return { signal: 'logs', table: 'logs', partitionId: day.replaceAll('-', ''), day, bytesOnDisk: bytes };
}

describe('disk monitor', () => {
  it('refuses intake with a retryable INGEST_DISK_FULL above the hard mark and resumes below it minus the hysteresis', async () => {
    const { disk, deps } = simulatedDisk([], 500);
    const monitor = new DiskMonitor(diskConfigSchema.parse({ softWatermarkPercent: 70, hardWatermarkPercent: 90, checkIntervalSeconds: 7 }), deps);
    await monitor.check();
    assert.equal(monitor.gate(), undefined);
    assert.equal(monitor.status().watermark.state, 'ok');

    disk.other = 750;
    await monitor.check();
    assert.equal(monitor.status().watermark.state, 'soft');
    assert.equal(monitor.gate(), undefined);
    assert.ok(disk.logs.some((line) => line.startsWith('warn: disk above the soft watermark (70%)')), disk.logs.join('\n'));

    disk.other = 930;
    await monitor.check();
    const refusal = monitor.gate();
    assert.equal(refusal?.code, ErrorCodes.INGEST_DISK_FULL);
    assert.equal(refusal?.retryAfterSeconds, 7);
    assert.equal(monitor.status().watermark.intakePaused, true);

    disk.other = 885; // below 90 but within the 2% band
    await monitor.check();
    assert.equal(monitor.gate()?.code, ErrorCodes.INGEST_DISK_FULL);

    disk.other = 870;
    await monitor.check();
    assert.equal(monitor.gate(), undefined);
    assert.equal(monitor.status().watermark.state, 'soft');
    assert.ok(disk.logs.some((line) => line.includes('ingest resumed')), disk.logs.join('\n'));
  });

  it('drops the oldest days until usage is below the soft mark, never the newest day, when enabled', async () => {
    const { disk, deps } = simulatedDisk([logsDay('2024-05-01', 200), logsDay('2024-05-02', 200), logsDay('2024-05-03', 200), logsDay('2024-05-04', 200)], 50);
    const registry = new Registry();
    const monitor = new DiskMonitor(diskConfigSchema.parse({ softWatermarkPercent: 60, hardWatermarkPercent: 95, dropOldestAboveSoft: true }), {
      ...deps,
      metrics: createDiskMetrics(registry),
    });
    await monitor.check();
    // 850 used: dropping 05-01 leaves 650 (65%), dropping 05-02 leaves 450 (45% < 60%): stop there.
    assert.deepEqual(disk.dropped, ['logs/20240501', 'logs/20240502']);
    assert.deepEqual(monitor.status().watermark.droppedPartitions.map((d) => d.day), ['2024-05-01', '2024-05-02']);
    assert.equal(monitor.status().watermark.state, 'ok');
    const text = await registry.metrics();
    assert.match(text, /sightline_disk_dropped_partitions_total\{signal="logs"\} 2/);
    assert.match(text, /sightline_disk_table_bytes\{table="logs"\} 400/);
    assert.match(text, /sightline_disk_watermark_state 0/);

    disk.other = 500; // 90% with only 05-03 and 05-04 left: 05-03 goes (70%), 05-04 (newest) stays
    await monitor.check();
    assert.deepEqual(disk.dropped, ['logs/20240501', 'logs/20240502', 'logs/20240503']);
    assert.deepEqual(disk.partitions.map((p) => p.day), ['2024-05-04']);
    assert.ok(disk.logs.some((line) => line.includes('no day is left to drop')), disk.logs.join('\n'));
  });

  it('does not drop anything unless enabled', async () => {
    const { disk, deps } = simulatedDisk([logsDay('2024-05-01', 400), logsDay('2024-05-02', 400)], 100);
    const monitor = new DiskMonitor(diskConfigSchema.parse({}), deps);
    await monitor.check();
    assert.equal(monitor.status().watermark.state, 'soft');
    assert.deepEqual(disk.dropped, []);
  });

  it('keeps the last state when a check fails, and does not throw', async () => {
    const { disk, deps } = simulatedDisk([], 950);
    let failing = false;
    const monitor = new DiskMonitor(diskConfigSchema.parse({}), {
      ...deps,
      readVolume: async (dir) => {
        if (failing) throw new Error('statfs failed');
        return deps.readVolume(dir);
      },
    });
    await monitor.check();
    assert.equal(monitor.status().watermark.state, 'hard');
    failing = true;
    await monitor.check();
    assert.equal(monitor.status().watermark.state, 'hard');
    assert.ok(disk.logs.some((line) => line.includes('statfs failed')));
  });
});

describe('disk config', () => {
  it('has the documented defaults', () => {
    assert.deepEqual(diskConfigSchema.parse({}), {
      softWatermarkPercent: 80,
      hardWatermarkPercent: 92,
      hysteresisPercent: 2,
      checkIntervalSeconds: 10,
      dropOldestAboveSoft: false,
    });
  });

  it('rejects a soft mark at or above the hard mark', () => {
    const result = diskConfigSchema.safeParse({ softWatermarkPercent: 92, hardWatermarkPercent: 92 });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['softWatermarkPercent']);
  });
});
