import { Counter, Gauge, type Registry } from 'prom-client';

/** The disk monitor's gauges, set on each check (so a scrape never waits for the store). */
export interface DiskMetrics {
  readonly tableBytes: Gauge<'table'>;
  readonly freeBytes: Gauge;
  readonly totalBytes: Gauge;
  readonly watermarkState: Gauge;
  readonly droppedPartitions: Counter<'signal'>;
}

export function createDiskMetrics(registry: Registry): DiskMetrics {
  const registers = [registry];
  return {
    tableBytes: new Gauge({ name: 'sightline_disk_table_bytes', help: 'Bytes on disk of the active parts of each table.', labelNames: ['table'], registers }),
    freeBytes: new Gauge({ name: 'sightline_disk_free_bytes', help: 'Free bytes of the filesystem holding the data directory.', registers }),
    totalBytes: new Gauge({ name: 'sightline_disk_total_bytes', help: 'Size of the filesystem holding the data directory.', registers }),
    watermarkState: new Gauge({ name: 'sightline_disk_watermark_state', help: 'Disk watermark state: 0 ok, 1 above soft (warning), 2 above hard (ingest refused).', registers }),
    droppedPartitions: new Counter({
      name: 'sightline_disk_dropped_partitions_total',
      help: 'Day partitions dropped to bring disk usage below the soft watermark.',
      labelNames: ['signal'],
      registers,
    }),
  };
}
