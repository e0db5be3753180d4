import { AppError, ErrorCodes } from '../errors.ts';
import type { SqlFragment } from './sql.ts';
import type { InsertTarget, QueryLimits, Store } from './store.ts';

export interface QueryConcurrencyOptions {
  /** Reads running at once. */
  readonly maxConcurrent: number;
  /** Reads that may wait for a slot; one more fails at once. */
  readonly maxQueued: number;
  /** How long a read may wait for a slot before it fails. */
  readonly queueWaitMs: number;
}

interface Waiter {
  readonly grant: () => void;
  readonly timer: NodeJS.Timeout;
}

function busy(options: QueryConcurrencyOptions, reason: string): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(options.queueWaitMs / 1000 / 2));
  return new AppError(ErrorCodes.QUERY_BUSY, `The server is busy with other queries (${reason}): try again in a moment.`, { retryAfterSeconds });
}

/**
 * Admission for reads: at most `maxConcurrent` run, up to `maxQueued` wait in arrival order for at
 * most `queueWaitMs`, the rest fail with QUERY_BUSY. Each running read may use its whole per-query
 * memory, so this cap is what keeps their sum inside the engine's budget.
 */
export class QuerySlots {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: QueryConcurrencyOptions) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxQueued) return Promise.reject(busy(this.options, `${this.waiting.length} already waiting`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(busy(this.options, `no slot within ${this.options.queueWaitMs} ms`));
        }, this.options.queueWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next !== undefined) next.grant();
    else this.running--;
  }
}

/** The same store with its reads admitted through QuerySlots; statements and inserts pass straight through. */
export function limitQueryConcurrency(store: Store, options: QueryConcurrencyOptions): Store {
  const slots = new QuerySlots(options);
  return {
    kind: store.kind,
    query: <Row>(query: SqlFragment, limits?: QueryLimits) => slots.run(() => store.query<Row>(query, limits)),
    command: (statement: SqlFragment) => store.command(statement),
    insertRowBinary: (target: InsertTarget, chunks: readonly Uint8Array[]) => store.insertRowBinary(target, chunks),
    close: () => store.close(),
  };
}
