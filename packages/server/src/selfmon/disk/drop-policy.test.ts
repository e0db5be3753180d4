import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StorageSignal } from '@sightline/contract';
import { chooseDrop, type DiskPartition } from './drop-policy.ts';

function part(signal: StorageSignal, table: string, day: string | null, bytesOnDisk: number): DiskPartition {
  return { signal, table, partitionId: day === null ? 'all' : day.replaceAll('-', ''), day, bytesOnDisk };
}

describe('drop policy', () => {
  it('chooses the oldest day of the largest signal, in all its day-partitioned tables', () => {
    const choice = chooseDrop([
      part('logs', 'logs', '2024-05-01', 100),
      part('logs', 'logs', '2024-05-02', 100),
      part('traces', 'spans', '2024-05-01', 500),
      part('traces', 'spans', '2024-05-02', 500),
      part('traces', 'trace_index', '2024-05-01', 20),
      part('traces', 'apm_span_metrics_1h', null, 5),
      part('traces', 'spans', '2024-05-03', 500),
    ]);
    assert.ok(choice !== undefined);
    assert.equal(choice.signal, 'traces');
    assert.equal(choice.day, '2024-05-01');
    assert.deepEqual(choice.partitions.map((p) => p.table).sort(), ['spans', 'trace_index']);
    assert.equal(choice.bytes, 520);
  });

  it('never chooses the newest day: a signal with one day is skipped for the next largest', () => {
    const choice = chooseDrop([
      part('traces', 'spans', '2024-05-03', 10_000),
      part('metrics', 'metric_points_number', '2024-05-02', 50),
      part('metrics', 'metric_points_number', '2024-05-03', 50),
    ]);
    assert.equal(choice?.signal, 'metrics');
    assert.equal(choice?.day, '2024-05-02');
  });

  it('chooses nothing when every signal holds a single day', () => {
    assert.equal(chooseDrop([part('logs', 'logs', '2024-05-03', 10), part('traces', 'spans', '2024-05-03', 10)]), undefined);
    assert.equal(chooseDrop([]), undefined);
  });

  it('never drops metadata nor partitions that are not days', () => {
    const choice = chooseDrop([
      part('metadata', 'settings', null, 1_000_000),
      part('metadata', 'dashboards', '2024-05-01', 1_000_000),
      part('metadata', 'dashboards', '2024-05-02', 1_000_000),
      part('metrics', 'metric_series', null, 900),
      part('metrics', 'metric_points_number', '2024-05-02', 10),
      part('metrics', 'metric_points_number', '2024-05-03', 10),
    ]);
    assert.equal(choice?.signal, 'metrics');
    assert.deepEqual(choice?.partitions.map((p) => p.partitionId), ['20240502']);
  });
});
