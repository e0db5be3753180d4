/**
 * One memory budget for the whole process, split into its parts. Pure: every number here is derived
 * from the budget (and the query concurrency), so one setting sizes the engine, its caches, the
 * ingest buffers and each query.
 */

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Share of the host's memory the process takes when no budget is configured. */
export const DEFAULT_BUDGET_FRACTION = 0.25;

export interface EngineCaches {
  readonly markCacheBytes: number;
  readonly primaryIndexCacheBytes: number;
  readonly indexMarkCacheBytes: number;
  /** Uncompressed blocks are not cached: the hit rate on telemetry scans is low and it is memory the queries need. */
  readonly uncompressedCacheBytes: number;
  readonly queryConditionCacheBytes: number;
  readonly compiledExpressionCacheBytes: number;
}

export interface MemoryPlan {
  readonly budgetBytes: number;
  /** Kept for the Node runtime itself: V8 heap, decode workers, sockets, buffers in flight. */
  readonly runtimeReserveBytes: number;
  /** Decoded telemetry waiting for the store (`pipeline.maxPendingBytes`). */
  readonly ingestBufferBytes: number;
  /** Cap of the whole embedded engine (`max_server_memory_usage`): queries, inserts, merges, caches. */
  readonly engineBytes: number;
  readonly caches: EngineCaches;
  /** Per read query (`max_memory_usage`); the concurrency cap times this, plus one for inserts and merges, fits in the engine. */
  readonly queryMemoryBytes: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.floor(Math.min(max, Math.max(min, value)));
}

export function defaultBudgetBytes(totalMemoryBytes: number): number {
  return Math.floor(totalMemoryBytes * DEFAULT_BUDGET_FRACTION);
}

function cachesFor(engineBytes: number): EngineCaches {
  return {
    markCacheBytes: clamp(engineBytes / 16, 4 * MiB, 1 * GiB),
    primaryIndexCacheBytes: clamp(engineBytes / 32, 2 * MiB, 512 * MiB),
    indexMarkCacheBytes: clamp(engineBytes / 64, 1 * MiB, 256 * MiB),
    uncompressedCacheBytes: 0,
    queryConditionCacheBytes: clamp(engineBytes / 64, 1 * MiB, 100 * MiB),
    compiledExpressionCacheBytes: clamp(engineBytes / 64, 1 * MiB, 128 * MiB),
  };
}

export function totalCacheBytes(caches: EngineCaches): number {
  let sum = 0;
  for (const bytes of Object.values(caches) as number[]) sum += bytes;
  return sum;
}

/**
 * The split of `budgetBytes` for `maxConcurrentQueries` read queries at a time:
 * - the runtime reserve (15%, 64 MiB–512 MiB) and the ingest buffers (1/8, 16–256 MiB) come off first;
 * - the rest is the engine's cap, never less than half the budget;
 * - the engine's caches take a sixteenth or so of it;
 * - what remains is shared by the concurrent queries plus one slot for inserts and merges; each query
 *   gets at most 2 GiB and at least 16 MiB.
 */
export function planMemory(budgetBytes: number, maxConcurrentQueries: number): MemoryPlan {
  const budget = Math.max(1, Math.floor(budgetBytes));
  const runtimeReserveBytes = clamp(budget * 0.15, 64 * MiB, 512 * MiB);
  const ingestBufferBytes = clamp(budget / 8, 16 * MiB, 256 * MiB);
  const engineBytes = Math.max(Math.floor(budget / 2), budget - runtimeReserveBytes - ingestBufferBytes);
  const caches = cachesFor(engineBytes);
  const forQueries = Math.max(0, engineBytes - totalCacheBytes(caches));
  const slots = Math.max(1, Math.floor(maxConcurrentQueries)) + 1;
  const queryMemoryBytes = clamp(forQueries / slots, 16 * MiB, 2 * GiB);
  return { budgetBytes: budget, runtimeReserveBytes, ingestBufferBytes, engineBytes, caches, queryMemoryBytes };
}
