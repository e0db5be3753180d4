import { AppError, ErrorCodes } from '../errors.ts';
import type { EncodedBatch, EncodedChunk } from '../signals/decoded.ts';
import type { InsertTarget, Store } from '../storage/store.ts';
import type { IngestMetrics } from './ingest-metrics.ts';
import { PendingBudget } from './pending-budget.ts';
import type { AdmitOptions, Admission, IngestSink } from './sink.ts';
import { TableBatcher, type BatchResult } from './table-batcher.ts';

/**
 * Consulted before each admission: returns an error (a retryable coded AppError, e.g. INGEST_DISK_FULL)
 * to refuse new ingest, or undefined to admit. Requests admitted earlier still commit.
 */
export type IntakeGate = () => AppError | undefined;

export interface PipelineOptions {
  readonly batchMaxRows: number;
  readonly batchMinRows: number;
  readonly batchMaxAgeMs: number;
  /** Max age of batches for the tables in `aggregateTables`. */
  readonly aggregateBatchMaxAgeMs: number;
  readonly maxPendingBytes: number;
  readonly retryAfterSeconds: number;
}

/**
 * Batches encoded rows per table and acknowledges a request only after every row it carried is
 * committed. Memory is bounded by the pending budget: past it, requests are refused with a retry
 * hint instead of being queued or dropped.
 */
export class IngestPipeline implements IngestSink {
  private readonly budget: PendingBudget;
  private readonly batchers = new Map<string, TableBatcher>();
  private accepting = true;

  constructor(
    private readonly store: Store,
    private readonly targets: ReadonlyMap<string, InsertTarget>,
    private readonly options: PipelineOptions,
    private readonly metrics: IngestMetrics,
    /** Told when a table's insert failed (e.g. so encoders forget what they think is stored). */
    private readonly onInsertFailed: (table: string) => void = () => undefined,
    /**
     * Rows derived from a batch on this thread (e.g. span metrics after their cardinality caps),
     * stored with it: the request is acknowledged only once these are committed too.
     */
    private readonly deriveChunks?: (batch: EncodedBatch) => readonly EncodedChunk[],
    /** Tables of few, small derived rows, batched for `aggregateBatchMaxAgeMs` (fewer fixed-cost inserts). */
    private readonly aggregateTables: ReadonlySet<string> = new Set(),
    private readonly intakeGate?: IntakeGate,
  ) {
    this.budget = new PendingBudget(options.maxPendingBytes);
  }

  get pendingBytes(): number {
    return this.budget.bytes;
  }

  /**
   * Seconds a refused sender should wait: the configured delay plus up to as much again at random,
   * so senders refused together (OTLP exporters honour the hint exactly) do not all return at once.
   */
  private retryHint(): number {
    const base = this.options.retryAfterSeconds;
    return base + Math.floor(Math.random() * (base + 1));
  }

  admit(bytes: number, options: AdmitOptions = {}): Admission {
    if (!this.accepting) {
      throw new AppError(ErrorCodes.INGEST_SHUTTING_DOWN, 'server is shutting down; retry against another instance or later', {
        retryAfterSeconds: this.retryHint(),
      });
    }
    const refusal = options.essential === true ? undefined : this.intakeGate?.();
    if (refusal !== undefined) throw refusal;
    if (!this.budget.tryReserve(bytes)) {
      throw new AppError(ErrorCodes.INGEST_OVERLOADED, 'ingest queue is full; retry after the indicated delay', {
        retryAfterSeconds: this.retryHint(),
      });
    }
    this.metrics.pendingBytes.set(this.budget.bytes);
    let reserved = bytes;
    let used = false;
    const release = (): void => {
      if (used) return;
      used = true;
      this.budget.release(reserved);
      this.metrics.pendingBytes.set(this.budget.bytes);
    };
    return {
      release,
      commit: async (batch: EncodedBatch) => {
        if (used) throw new Error('admission already used');
        try {
          const chunks = this.chunksOf(batch);
          const encodedBytes = chunks.reduce((sum, chunk) => sum + chunk.data.byteLength, 0);
          this.budget.resize(reserved, encodedBytes);
          reserved = encodedBytes;
          await this.commitChunks(chunks);
        } finally {
          release();
        }
      },
    };
  }

  private chunksOf(batch: EncodedBatch): readonly EncodedChunk[] {
    const derived = this.deriveChunks?.(batch) ?? [];
    return derived.length === 0 ? batch.chunks : [...batch.chunks, ...derived];
  }

  /** Resolves once every chunk is committed; a failed insert becomes a retryable error. */
  private async commitChunks(chunks: readonly EncodedChunk[]): Promise<void> {
    try {
      await Promise.all(chunks.map((chunk) => this.batcher(chunk.table).add(chunk.data, chunk.rows)));
    } catch (error) {
      throw new AppError(ErrorCodes.INGEST_STORE_FAILED, 'the store could not commit this batch; retry later', {
        cause: error,
        retryAfterSeconds: this.retryHint(),
      });
    }
  }

  private batcher(table: string): TableBatcher {
    let batcher = this.batchers.get(table);
    if (batcher !== undefined) return batcher;
    const target = this.targets.get(table);
    if (target === undefined) throw new Error(`no insert target for table ${table}`);
    const maxAgeMs = this.aggregateTables.has(table) ? this.options.aggregateBatchMaxAgeMs : this.options.batchMaxAgeMs;
    const limits = { maxRows: this.options.batchMaxRows, minRows: this.options.batchMinRows, maxAgeMs };
    batcher = new TableBatcher(this.store, target, limits, (result) => this.recordBatch(table, result));
    this.batchers.set(table, batcher);
    // Closing: rows that arrive for a table first seen now are committed at once too.
    if (!this.accepting) void batcher.flushAll();
    return batcher;
  }

  private recordBatch(table: string, result: BatchResult): void {
    const failed = result.error !== undefined;
    this.metrics.insertBatches.inc({ table, outcome: failed ? 'failed' : 'committed' });
    this.metrics.insertSeconds.observe({ table }, result.durationMs / 1000);
    if (failed) this.onInsertFailed(table);
    else this.metrics.insertRows.inc({ table }, result.rows);
  }

  /** Stops admitting, commits everything already admitted, and resolves when the queue is empty. */
  async close(): Promise<void> {
    this.accepting = false;
    await Promise.all([...this.batchers.values()].map((batcher) => batcher.flushAll()));
  }
}
