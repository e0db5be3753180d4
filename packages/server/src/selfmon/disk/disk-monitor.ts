import type { StorageDiskStatus, StorageVolume, StorageWatermark, WatermarkState } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../errors.ts';
import type { DiskConfig } from './disk-config.ts';
import type { DiskMetrics } from './disk-metrics.ts';
import { chooseDrop, type DiskPartition } from './drop-policy.ts';
import { readVolume } from './volume-stat.ts';
import { nextWatermarkState, watermarkLevel } from './watermark-state.ts';

export interface DiskMonitorDeps {
  readonly dataDir: string;
  /** Active partitions of the store's tables (query/storage-usage `readPartitionUsage`). */
  readonly readPartitions: () => Promise<readonly DiskPartition[]>;
  /** Drops one day partition (query/storage-usage `dropDayPartition`). */
  readonly dropPartition: (table: string, partitionId: string) => Promise<void>;
  readonly metrics?: DiskMetrics;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** The filesystem measurement; `readVolume` by default. */
  readonly readVolume?: (dir: string) => Promise<StorageVolume>;
}

/** Most days dropped in one check, so a mis-measured disk cannot empty the store in one go. */
const MAX_DROPS_PER_CHECK = 8;
const MAX_DROPS_REMEMBERED = 50;

function defaultLog(level: 'info' | 'warn' | 'error', message: string): void {
  (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(`sightline: ${message}`);
}

const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;

/**
 * Watches the data directory's filesystem: keeps the watermark state, refuses new ingest above the
 * hard mark (through `gate`, the pipeline's intake gate) and optionally drops the oldest days above the
 * soft mark. A failed check is logged and keeps the last state; nothing here ends the process.
 */
export class DiskMonitor {
  private state: WatermarkState = 'ok';
  private volume: StorageVolume | null = null;
  private checkedAtMs: number | null = null;
  private readonly dropped: StorageWatermark['droppedPartitions'][number][] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly log: NonNullable<DiskMonitorDeps['log']>;
  private readonly measure: (dir: string) => Promise<StorageVolume>;

  constructor(
    private readonly config: DiskConfig,
    private readonly deps: DiskMonitorDeps,
  ) {
    this.log = deps.log ?? defaultLog;
    this.measure = deps.readVolume ?? readVolume;
  }

  /** The pipeline's intake gate: a retryable INGEST_DISK_FULL while above the hard mark. */
  readonly gate = (): AppError | undefined => {
    if (this.state !== 'hard') return undefined;
    const used = this.volume === null ? '' : ` (${this.volume.usedPercent.toFixed(1)}% used)`;
    return new AppError(
      ErrorCodes.INGEST_DISK_FULL,
      `disk usage is above the hard watermark of ${this.config.hardWatermarkPercent}%${used}; ingest resumes once space is freed`,
      { retryAfterSeconds: this.config.checkIntervalSeconds },
    );
  };

  status(): StorageDiskStatus {
    return {
      volume: this.volume,
      watermark: {
        state: this.state,
        softPercent: this.config.softWatermarkPercent,
        hardPercent: this.config.hardWatermarkPercent,
        intakePaused: this.state === 'hard',
        dropOldestAboveSoft: this.config.dropOldestAboveSoft,
        checkedAtMs: this.checkedAtMs,
        droppedPartitions: [...this.dropped],
      },
    };
  }

  /** Checks once now, then every `checkIntervalSeconds` until `stop()`. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.check();
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, this.config.checkIntervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One measurement (and drops, if enabled); concurrent callers share the one running. */
  check(): Promise<void> {
    this.running ??= this.checkOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async checkOnce(): Promise<void> {
    let volume: StorageVolume;
    try {
      volume = await this.measure(this.deps.dataDir);
    } catch (error) {
      this.log('error', `disk check of ${this.deps.dataDir} failed: ${String(error)}`);
      return;
    }
    let partitions = await this.partitions();
    if (this.config.dropOldestAboveSoft && partitions !== undefined && volume.usedPercent >= this.config.softWatermarkPercent) {
      const after = await this.dropUntilBelowSoft(volume, partitions);
      volume = after.volume;
      partitions = after.partitions;
    }
    this.record(volume, partitions);
  }

  private async partitions(): Promise<readonly DiskPartition[] | undefined> {
    try {
      return await this.deps.readPartitions();
    } catch (error) {
      this.log('error', `reading table sizes failed: ${String(error)}`);
      return undefined;
    }
  }

  private async dropUntilBelowSoft(
    volume: StorageVolume,
    partitions: readonly DiskPartition[],
  ): Promise<{ volume: StorageVolume; partitions: readonly DiskPartition[] | undefined }> {
    let current: { volume: StorageVolume; partitions: readonly DiskPartition[] | undefined } = { volume, partitions };
    for (let drops = 0; drops < MAX_DROPS_PER_CHECK && current.volume.usedPercent >= this.config.softWatermarkPercent; drops++) {
      const choice = current.partitions === undefined ? undefined : chooseDrop(current.partitions);
      if (choice === undefined) {
        this.log('warn', `disk ${current.volume.usedPercent.toFixed(1)}% used, above the soft watermark, and no day is left to drop except the newest`);
        break;
      }
      try {
        for (const partition of choice.partitions) await this.deps.dropPartition(partition.table, partition.partitionId);
      } catch (error) {
        this.log('error', `dropping ${choice.signal} of ${choice.day} failed: ${String(error)}`);
        break;
      }
      this.dropped.push({ signal: choice.signal, day: choice.day, bytes: choice.bytes, atMs: Date.now() });
      if (this.dropped.length > MAX_DROPS_REMEMBERED) this.dropped.shift();
      this.deps.metrics?.droppedPartitions.inc({ signal: choice.signal });
      this.log('warn', `disk above the soft watermark: dropped ${choice.signal} of ${choice.day} (${mib(choice.bytes)} in ${choice.partitions.length} tables)`);
      try {
        current = { volume: await this.measure(this.deps.dataDir), partitions: await this.partitions() };
      } catch (error) {
        this.log('error', `disk check of ${this.deps.dataDir} failed: ${String(error)}`);
        break;
      }
    }
    return current;
  }

  private record(volume: StorageVolume, partitions: readonly DiskPartition[] | undefined): void {
    const previous = this.state;
    this.state = nextWatermarkState(previous, volume.usedPercent, this.config);
    this.volume = volume;
    this.checkedAtMs = Date.now();
    if (this.state !== previous) this.logTransition(previous, volume);
    const metrics = this.deps.metrics;
    if (metrics === undefined) return;
    metrics.freeBytes.set(volume.freeBytes);
    metrics.totalBytes.set(volume.totalBytes);
    metrics.watermarkState.set(watermarkLevel(this.state));
    if (partitions === undefined) return;
    const bytes = new Map<string, number>();
    for (const partition of partitions) bytes.set(partition.table, (bytes.get(partition.table) ?? 0) + partition.bytesOnDisk);
    metrics.tableBytes.reset();
    for (const [table, total] of bytes) metrics.tableBytes.set({ table }, total);
  }

  private logTransition(previous: WatermarkState, volume: StorageVolume): void {
    const used = `${volume.usedPercent.toFixed(1)}% of ${mib(volume.totalBytes)} used, ${mib(volume.freeBytes)} free at ${volume.path}`;
    if (this.state === 'hard') this.log('error', `disk above the hard watermark (${this.config.hardWatermarkPercent}%): refusing new ingest; ${used}`);
    else if (this.state === 'soft' && previous === 'ok') this.log('warn', `disk above the soft watermark (${this.config.softWatermarkPercent}%): ${used}`);
    else if (previous === 'hard') this.log('warn', `disk back below the hard watermark: ingest resumed; ${used}`);
    else this.log('info', `disk back below the soft watermark: ${used}`);
  }
}
