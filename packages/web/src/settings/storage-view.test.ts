import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdminStorageResponse, StorageWatermark } from '@sightline/contract';
import { describeDropped, describeWatermark, signalsBySize, volumeBar } from './storage-view.ts';

const GiB = 1024 ** 3;
const watermark: StorageWatermark = {
  state: 'ok',
  softPercent: 80,
  hardPercent: 95,
  intakePaused: false,
  dropOldestAboveSoft: false,
  checkedAtMs: 1,
  droppedPartitions: [],
};

describe('storage view', () => {
  it('names the watermark state with its tone', () => {
    assert.deepEqual(describeWatermark(watermark), { tone: 'ok', text: 'OK' });
    const soft = describeWatermark({ ...watermark, state: 'soft' });
    assert.equal(soft.tone, 'warn');
    assert.match(soft.text, /^Above the soft watermark \(80%\): .*hard watermark \(95%\)/);
    assert.match(describeWatermark({ ...watermark, state: 'soft', dropOldestAboveSoft: true }).text, /oldest days are dropped/);
    assert.deepEqual(describeWatermark({ ...watermark, state: 'hard', intakePaused: true }), {
      tone: 'bad',
      text: 'Above the hard watermark: new telemetry is refused until space is freed',
    });
    assert.equal(describeWatermark(null).tone, 'unknown');
  });

  it('draws the volume bar with the marks, or nothing for an unknown volume', () => {
    const volume = { path: '/data', totalBytes: 10 * GiB, freeBytes: 7.5 * GiB, usedBytes: 2.5 * GiB, usedPercent: 25 };
    assert.deepEqual(volumeBar(volume, watermark), {
      usedPercent: 25,
      softPercent: 80,
      hardPercent: 95,
      usedText: '2.5 GiB of 10 GiB used (25%)',
      freeText: '7.5 GiB free',
    });
    const bar = volumeBar({ ...volume, usedPercent: 33.333 }, null);
    assert.equal(bar?.softPercent, undefined);
    assert.match(bar?.usedText ?? '', /\(33\.3%\)$/);
    assert.equal(volumeBar(null, watermark), undefined);
  });

  it('orders signals and their tables largest first', () => {
    const table = (name: string, bytesOnDisk: number) => ({ table: name, bytesOnDisk, rows: 1, parts: 1 });
    const response: AdminStorageResponse = {
      signals: [
        { signal: 'traces', bytesOnDisk: 30, rows: 2, tables: [table('trace_index', 10), table('spans', 20)] },
        { signal: 'logs', bytesOnDisk: 50, rows: 1, tables: [table('logs', 50)] },
        { signal: 'metrics', bytesOnDisk: 0, rows: 0, tables: [] },
        { signal: 'metadata', bytesOnDisk: 0, rows: 0, tables: [] },
      ],
      totalBytesOnDisk: 80,
      volume: null,
      watermark: null,
    };
    const sorted = signalsBySize(response);
    assert.deepEqual(
      sorted.map((s) => s.signal),
      ['logs', 'traces', 'metrics', 'metadata'],
    );
    assert.deepEqual(
      sorted[1]?.tables.map((t) => t.table),
      ['spans', 'trace_index'],
    );
  });

  it('sums the partitions dropped to free space', () => {
    assert.equal(describeDropped(watermark), undefined);
    const dropped = [
      { signal: 'logs' as const, day: '2026-01-01', bytes: GiB, atMs: 1 },
      { signal: 'traces' as const, day: '2026-01-01', bytes: GiB / 2, atMs: 2 },
    ];
    assert.equal(describeDropped({ ...watermark, droppedPartitions: dropped }), '2 day partitions dropped to free space since the server started (1.5 GiB)');
  });
});
