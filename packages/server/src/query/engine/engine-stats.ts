import { sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

export interface EngineStats {
  /** Memory the engine tracks as in use (queries, inserts, merges, caches). */
  readonly trackedMemoryBytes: number;
  /** Merges running now. */
  readonly runningMerges: number;
  /** Active data parts per table. */
  readonly partsByTable: ReadonlyMap<string, number>;
}

/** The embedded engine's own state, for self-monitoring. */
export async function readEngineStats(store: Store): Promise<EngineStats> {
  const metrics = await store.query<{ metric: string; value: string }>(
    sql`SELECT metric, toString(value) AS value FROM system.metrics WHERE metric IN ('MemoryTracking', 'Merge')`,
  );
  const parts = await store.query<{ table: string; parts: string }>(
    sql`SELECT table, toString(count()) AS parts FROM system.parts WHERE database = currentDatabase() AND active GROUP BY table`,
  );
  const value = (name: string): number => Number(metrics.find((row) => row.metric === name)?.value ?? 0);
  return {
    trackedMemoryBytes: value('MemoryTracking'),
    runningMerges: value('Merge'),
    partsByTable: new Map(parts.map((row) => [row.table, Number(row.parts)])),
  };
}
