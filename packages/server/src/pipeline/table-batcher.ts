import type { InsertTarget, Store } from '../storage/store.ts';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Batch {
  chunks: Uint8Array[];
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
  return { chunks: [], rows: 0, waiters: [], startedAt: 0 };
}

/**
 * Collects RowBinary chunks for one table and inserts them as one batch when it holds `maxRows`
 * rows or its oldest chunk is `maxAgeMs` old. One insert runs at a time; each chunk's promise
 * settles when the insert carrying it commits or fails.
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
    private readonly maxRows: number,
    private readonly maxAgeMs: number,
    private readonly onBatch: (result: BatchResult) => void,
  ) {}

  add(data: Uint8Array, rows: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pending.rows === 0) this.pending.startedAt = Date.now();
      this.pending.chunks.push(data);
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

  private due(): boolean {
    if (this.pending.rows === 0) return false;
    return this.closing || this.pending.rows >= this.maxRows || Date.now() - this.pending.startedAt >= this.maxAgeMs;
  }

  private schedule(): void {
    if (this.draining) return;
    if (this.due()) {
      void this.drain();
      return;
    }
    if (this.timer === undefined && this.pending.rows > 0) {
      const wait = Math.max(0, this.maxAgeMs - (Date.now() - this.pending.startedAt));
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
      while (this.due()) {
        const batch = this.pending;
        this.pending = emptyBatch();
        await this.insert(batch);
      }
    } finally {
      this.draining = false;
      this.schedule();
      if (this.pending.rows === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
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
