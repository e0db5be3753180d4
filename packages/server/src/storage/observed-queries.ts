import { isAppError } from '../errors.ts';
import type { SqlFragment } from './sql.ts';
import type { InsertTarget, QueryLimits, Store } from './store.ts';

/** Told about every read (e.g. self-metrics: latency, guardrail hits). */
export interface QueryObserver {
  /** `outcome`: `ok`, or the error code (e.g. QUERY_MEMORY_LIMIT when a guardrail stopped the read). */
  observe(seconds: number, outcome: string): void;
}

/** `store` with every read timed and its outcome reported to `observer`; writes pass through. */
export function observeQueries(store: Store, observer: QueryObserver): Store {
  return {
    kind: store.kind,
    async query<Row>(query: SqlFragment, limits?: QueryLimits): Promise<Row[]> {
      const started = performance.now();
      try {
        const rows = await store.query<Row>(query, limits);
        observer.observe((performance.now() - started) / 1000, 'ok');
        return rows;
      } catch (error) {
        observer.observe((performance.now() - started) / 1000, isAppError(error) ? error.code : 'INTERNAL');
        throw error;
      }
    },
    command: (statement: SqlFragment) => store.command(statement),
    insertRowBinary: (target: InsertTarget, chunks: readonly Uint8Array[]) => store.insertRowBinary(target, chunks),
    close: () => store.close(),
  };
}
