/** What the Storage section shows: the volume bar, the watermark state as text and tone, signals by size. Pure. */

import type { AdminStorageResponse, StorageSignal, StorageSignalUsage, StorageVolume, StorageWatermark } from '@sightline/contract';
import { formatBytes } from '../hosts/hosts-view.ts';

export const STORAGE_SIGNAL_LABELS: Readonly<Record<StorageSignal, string>> = {
  traces: 'Traces',
  logs: 'Logs',
  metrics: 'Metrics',
  metadata: 'Metadata',
};

/** How often the section reads the storage figures again. */
export const STORAGE_REFRESH_MS = 30_000;

export type StorageTone = 'ok' | 'warn' | 'bad' | 'unknown';

export interface WatermarkText {
  readonly tone: StorageTone;
  readonly text: string;
}

/** The watermark state in words: OK, above the soft mark (with what happens), above the hard mark, or unknown. */
export function describeWatermark(watermark: StorageWatermark | null): WatermarkText {
  if (watermark === null) return { tone: 'unknown', text: 'Unknown: the server runs without disk monitoring' };
  if (watermark.state === 'hard') return { tone: 'bad', text: 'Above the hard watermark: new telemetry is refused until space is freed' };
  if (watermark.state === 'soft') {
    const then = watermark.dropOldestAboveSoft
      ? 'the oldest days are dropped to free space'
      : `free space or shorten the retention before the hard watermark (${formatPercent(watermark.hardPercent)}) refuses new telemetry`;
    return { tone: 'warn', text: `Above the soft watermark (${formatPercent(watermark.softPercent)}): ${then}` };
  }
  return { tone: 'ok', text: 'OK' };
}

const clampPercent = (value: number): number => Math.min(100, Math.max(0, value));

/** `80%`, `92.5%`: at most one decimal. */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

export interface VolumeBar {
  /** Width of the used part, 0..100. */
  readonly usedPercent: number;
  /** Where the marks are drawn, 0..100; absent without a watermark. */
  readonly softPercent: number | undefined;
  readonly hardPercent: number | undefined;
  /** "1.2 GiB of 10 GiB used (12%)". */
  readonly usedText: string;
  /** "8.8 GiB free". */
  readonly freeText: string;
}

/** The usage bar for the data volume, or undefined when the volume is unknown. */
export function volumeBar(volume: StorageVolume | null, watermark: StorageWatermark | null): VolumeBar | undefined {
  if (volume === null) return undefined;
  const usedPercent = clampPercent(volume.usedPercent);
  return {
    usedPercent,
    softPercent: watermark === null ? undefined : clampPercent(watermark.softPercent),
    hardPercent: watermark === null ? undefined : clampPercent(watermark.hardPercent),
    usedText: `${formatBytes(volume.usedBytes)} of ${formatBytes(volume.totalBytes)} used (${formatPercent(volume.usedPercent)})`,
    freeText: `${formatBytes(volume.freeBytes)} free`,
  };
}

/** Signals largest first (ties in the contract's order); each signal's tables largest first, then by name. */
export function signalsBySize(response: AdminStorageResponse): StorageSignalUsage[] {
  return response.signals
    .map((signal, index) => ({ signal, index }))
    .sort((a, b) => b.signal.bytesOnDisk - a.signal.bytesOnDisk || a.index - b.index)
    .map(({ signal }) => ({ ...signal, tables: [...signal.tables].sort((a, b) => b.bytesOnDisk - a.bytesOnDisk || a.table.localeCompare(b.table)) }));
}

/** "3 day partitions dropped to free space since the server started (1.2 GiB)", or undefined when none. */
export function describeDropped(watermark: StorageWatermark | null): string | undefined {
  const dropped = watermark?.droppedPartitions ?? [];
  if (dropped.length === 0) return undefined;
  const bytes = dropped.reduce((sum, partition) => sum + partition.bytes, 0);
  const count = dropped.length === 1 ? '1 day partition' : `${dropped.length} day partitions`;
  return `${count} dropped to free space since the server started (${formatBytes(bytes)})`;
}
