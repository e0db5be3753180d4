import type { StorageSignal } from '@sightline/contract';

/** One partition of one table, as the disk monitor sees it. */
export interface DiskPartition {
  readonly signal: StorageSignal;
  readonly table: string;
  readonly partitionId: string;
  /** `YYYY-MM-DD` for a day partition, null otherwise (such partitions are never dropped). */
  readonly day: string | null;
  readonly bytesOnDisk: number;
}

export interface DropChoice {
  readonly signal: StorageSignal;
  readonly day: string;
  /** The day's partition in each of the signal's day-partitioned tables. */
  readonly partitions: readonly DiskPartition[];
  readonly bytes: number;
}

/**
 * What to drop to free space: the oldest day of the signal that takes the most bytes, in all of that
 * signal's day-partitioned tables. A signal holding a single day is skipped (its newest day is never
 * dropped) and the next largest is tried; metadata is never dropped.
 */
export function chooseDrop(partitions: readonly DiskPartition[]): DropChoice | undefined {
  const bytesBySignal = new Map<StorageSignal, number>();
  for (const partition of partitions) {
    if (partition.signal === 'metadata') continue;
    bytesBySignal.set(partition.signal, (bytesBySignal.get(partition.signal) ?? 0) + partition.bytesOnDisk);
  }
  const ranked = [...bytesBySignal].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [signal] of ranked) {
    const days = [...new Set(partitions.filter((p) => p.signal === signal && p.day !== null).map((p) => p.day as string))].sort();
    const oldest = days[0];
    if (oldest === undefined || days.length < 2) continue;
    const chosen = partitions.filter((p) => p.signal === signal && p.day === oldest);
    return { signal, day: oldest, partitions: chosen, bytes: chosen.reduce((sum, p) => sum + p.bytesOnDisk, 0) };
  }
  return undefined;
}
