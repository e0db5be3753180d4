import { ErrorCodes, isAppError } from '../../errors.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import type { LogRow } from '../../signals/log-record.ts';
import type { SyslogTransport } from './syslog-log-row.ts';
import type { DiscardReason } from './syslog-metrics.ts';

/**
 * Gathers syslog rows into batches (by count or age) and writes them to the RowSink one batch at a
 * time. A refused batch (INGEST_OVERLOADED) is retried as it is after the hint; while the sink
 * refuses or too many rows wait, the batcher is congested: TCP stops reading, UDP is turned away.
 */

export interface BatcherOptions {
  readonly maxBatchRows: number;
  readonly maxBatchAgeMs: number;
  /** Rows waiting or being written beyond which UDP rows are refused and TCP reading pauses. */
  readonly maxQueuedRows: number;
  /** Wait before retrying a batch the store failed to insert. */
  readonly storeRetryMs: number;
  /** Store failures in a row after which a batch is given up (and counted). */
  readonly maxStoreRetries: number;
}

export interface BatcherEvents {
  congestion(congested: boolean): void;
  discarded(transport: SyslogTransport, count: number, reason: DiscardReason): void;
}

interface Entry {
  readonly row: LogRow;
  readonly transport: SyslogTransport;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class SyslogBatcher {
  private queue: Entry[] = [];
  private inFlight = 0;
  private oldestQueuedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private refusing = false;
  private congested = false;
  private draining = false;

  constructor(
    private readonly sink: RowSink,
    private readonly options: BatcherOptions,
    private readonly events: BatcherEvents,
  ) {}

  get isCongested(): boolean {
    return this.congested;
  }

  /** Rows queued or being written. */
  get pendingRows(): number {
    return this.queue.length + this.inFlight;
  }

  /** Queues a row that must not be lost (TCP: its sender is held back while congested instead). */
  add(row: LogRow, transport: SyslogTransport): void {
    if (this.queue.length === 0) this.oldestQueuedAt = Date.now();
    this.queue.push({ row, transport });
    this.schedule();
    this.updateCongestion();
  }

  /** Queues a row unless the queue is full (UDP has no way to slow its sender); false if refused. */
  offer(row: LogRow, transport: SyslogTransport): boolean {
    if (this.pendingRows >= this.options.maxQueuedRows) return false;
    this.add(row, transport);
    return true;
  }

  /** Writes everything queued now, waiting as long as the sink asks; resolves when all is written. */
  async flush(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0 || this.running !== undefined) {
        this.start();
        await this.running;
      }
    } finally {
      this.draining = false;
    }
  }

  private schedule(): void {
    if (this.running !== undefined) return;
    if (this.queue.length >= this.options.maxBatchRows) {
      this.start();
      return;
    }
    if (this.timer !== undefined || this.queue.length === 0) return;
    const wait = Math.max(0, this.oldestQueuedAt + this.options.maxBatchAgeMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, wait);
  }

  private start(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running !== undefined || this.queue.length === 0) return;
    this.running = this.run().finally(() => {
      this.running = undefined;
      this.schedule();
    });
  }

  /** Writes full batches back to back; a partial one only when it is old enough or when flushing. */
  private async run(): Promise<void> {
    do {
      const batch = this.queue.splice(0, this.options.maxBatchRows);
      this.inFlight = batch.length;
      if (this.queue.length > 0) this.oldestQueuedAt = Date.now();
      await this.write(batch);
      this.inFlight = 0;
      this.updateCongestion();
    } while (this.queue.length >= this.options.maxBatchRows || (this.draining && this.queue.length > 0));
  }

  private async write(batch: readonly Entry[]): Promise<void> {
    const rows = batch.map((entry) => entry.row);
    let storeFailures = 0;
    for (;;) {
      try {
        await this.sink.write('logs', 'syslog', rows);
        this.setRefusing(false);
        return;
      } catch (error) {
        const code = isAppError(error) ? error.code : undefined;
        if (code === ErrorCodes.INGEST_OVERLOADED) {
          this.setRefusing(true);
          await sleep(((isAppError(error) ? error.retryAfterSeconds : undefined) ?? 1) * 1000);
          continue;
        }
        if (code !== ErrorCodes.INGEST_SHUTTING_DOWN && storeFailures < this.options.maxStoreRetries) {
          storeFailures += 1;
          this.setRefusing(true);
          await sleep(this.options.storeRetryMs);
          continue;
        }
        this.setRefusing(false);
        this.discard(batch, code === ErrorCodes.INGEST_SHUTTING_DOWN ? 'shutting_down' : 'store_failed');
        return;
      }
    }
  }

  private discard(batch: readonly Entry[], reason: DiscardReason): void {
    const counts = new Map<SyslogTransport, number>();
    for (const entry of batch) counts.set(entry.transport, (counts.get(entry.transport) ?? 0) + 1);
    for (const [transport, count] of counts) this.events.discarded(transport, count, reason);
  }

  private setRefusing(refusing: boolean): void {
    this.refusing = refusing;
    this.updateCongestion();
  }

  /** Congested at the limit; free again once half of it has drained (so sockets do not flap). */
  private updateCongestion(): void {
    const pending = this.pendingRows;
    const congested = this.refusing || pending >= this.options.maxQueuedRows || (this.congested && pending > this.options.maxQueuedRows / 2);
    if (congested === this.congested) return;
    this.congested = congested;
    this.events.congestion(congested);
  }
}
