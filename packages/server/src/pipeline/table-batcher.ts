import type { InsertTarget, Store } from '../storage/store.ts';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Batch {
  chunks: Uint8Array[];
  chunkRows: number[];
  rows: number;
  waiters: Waiter[];
  startedAt: number;
}

export interface BatchResult {
  readonly rows: number;
  readonly bytes: number;
  readonly durationMs: number;
  readonly error?: unknown;
}

function emptyBatch(): Batch {
  return { chunks: [], chunkRows: [], rows: 0, waiters: [], startedAt: 0 };
}

export interface BatchLimits {
  /** Most rows one insert carries (a whole request's chunk is never split). */
  readonly maxRows: number;
  /** Insert when no other insert runs and at least this many rows wait (the engine is idle: use it). */
  readonly minRows: number;
  /** Insert whatever waits once the oldest row has waited this long. */
  readonly maxAgeMs: number;
}

/**
 * Collects RowBinary chunks for one table and inserts them as one batch. One insert runs at a time,
 * so under load batches grow while the previous one commits; when idle, small batches wait at most
 * `maxAgeMs`. Each chunk's promise settles when the insert carrying it commits or fails.
 */
export class TableBatcher {
  private pending = emptyBatch();
  private draining = false;
  private timer: NodeJS.Timeout | undefined;
  private closing = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly target: InsertTarget,
    private readonly limits: BatchLimits,
    private readonly onBatch: (result: BatchResult) => void,
  ) {}

  add(data: Uint8Array, rows: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pending.rows === 0) this.pending.startedAt = Date.now();
      this.pending.chunks.push(data);
      this.pending.chunkRows.push(rows);
      this.pending.rows += rows;
      this.pending.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Flushes everything pending now and resolves when nothing is left in flight. */
  flushAll(): Promise<void> {
    this.closing = true;
    if (!this.draining && this.pending.rows === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      void this.drain();
    });
  }

  /** Evaluated only while no insert runs (in `schedule` when not draining, and between inserts). */
  private due(): boolean {
    const { rows, startedAt } = this.pending;
    if (rows === 0) return false;
    return this.closing || rows >= this.limits.minRows || Date.now() - startedAt >= this.limits.maxAgeMs;
  }

  private schedule(): void {
    if (this.draining) return;
    if (this.due()) {
      void this.drain();
      return;
    }
    if (this.timer === undefined && this.pending.rows > 0) {
      const wait = Math.max(0, this.limits.maxAgeMs - (Date.now() - this.pending.startedAt));
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.drain();
      }, wait);
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    try {
      while (this.due()) await this.insert(this.takeBatch());
    } finally {
      this.draining = false;
      this.schedule();
      if (this.pending.rows === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** The oldest chunks up to `maxRows` rows; the rest keep waiting (with their original age). */
  private takeBatch(): Batch {
    const pending = this.pending;
    let count = 0;
    let rows = 0;
    while (count < pending.chunks.length && (count === 0 || rows + (pending.chunkRows[count] as number) <= this.limits.maxRows)) {
      rows += pending.chunkRows[count] as number;
      count++;
    }
    if (count === pending.chunks.length) {
      this.pending = emptyBatch();
      return pending;
    }
    const batch: Batch = {
      chunks: pending.chunks.splice(0, count),
      chunkRows: pending.chunkRows.splice(0, count),
      waiters: pending.waiters.splice(0, count),
      rows,
      startedAt: pending.startedAt,
    };
    pending.rows -= rows;
    return batch;
  }

  private async insert(batch: Batch): Promise<void> {
    const started = performance.now();
    const bytes = batch.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    try {
      await this.store.insertRowBinary(this.target, batch.chunks);
      this.onBatch({ rows: batch.rows, bytes, durationMs: performance.now() - started });
      for (const waiter of batch.waiters) waiter.resolve();
    } catch (error) {
      this.onBatch({ rows: batch.rows, bytes, durationMs: performance.now() - started, error });
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }
}
