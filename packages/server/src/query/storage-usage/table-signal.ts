import type { StorageSignal, StorageSignalUsage, StorageTableUsage } from '@sightline/contract';

/** Active parts of one partition of one table. */
export interface PartitionUsage {
  readonly signal: StorageSignal;
  readonly table: string;
  readonly partitionId: string;
  /** `YYYY-MM-DD` for a day partition (`PARTITION BY toDate(…)`), else null (month or unpartitioned). */
  readonly day: string | null;
  readonly bytesOnDisk: number;
  readonly rows: number;
  readonly parts: number;
}

/** The signal a table's data belongs to, by the schema's naming: spans, traces and APM aggregates; logs; metric_*; the rest is metadata. */
export function signalOfTable(table: string): StorageSignal {
  if (table === 'spans' || table === 'trace_index' || table.startsWith('apm_')) return 'traces';
  if (table === 'logs') return 'logs';
  if (table.startsWith('metric_')) return 'metrics';
  return 'metadata';
}

const SIGNAL_ORDER: readonly StorageSignal[] = ['traces', 'logs', 'metrics', 'metadata'];

/** Per-table totals of the partitions, grouped by signal (every signal present, tables largest first). */
export function usageBySignal(partitions: readonly PartitionUsage[]): StorageSignalUsage[] {
  const tables = new Map<string, { bytesOnDisk: number; rows: number; parts: number }>();
  for (const partition of partitions) {
    const total = tables.get(partition.table) ?? { bytesOnDisk: 0, rows: 0, parts: 0 };
    total.bytesOnDisk += partition.bytesOnDisk;
    total.rows += partition.rows;
    total.parts += partition.parts;
    tables.set(partition.table, total);
  }
  return SIGNAL_ORDER.map((signal) => {
    const own: StorageTableUsage[] = [...tables]
      .filter(([table]) => signalOfTable(table) === signal)
      .map(([table, total]) => ({ table, ...total }))
      .sort((a, b) => b.bytesOnDisk - a.bytesOnDisk || a.table.localeCompare(b.table));
    return {
      signal,
      bytesOnDisk: own.reduce((sum, table) => sum + table.bytesOnDisk, 0),
      rows: own.reduce((sum, table) => sum + table.rows, 0),
      tables: own,
    };
  });
}
