import type { QueryLimits } from '../storage/store.ts';

/** The guardrails every read runs under (a subset of the `query` config section). */
export interface ReadLimits {
  readonly maxMemoryBytes: number;
  readonly maxExecutionSeconds: number;
  readonly maxRowsToRead: number;
  /** Most items one page (or one metric result) may hold. */
  readonly maxResultRows: number;
  /** Page size when a request names none. */
  readonly defaultLimit: number;
}

export function storeLimits(limits: ReadLimits): QueryLimits {
  return {
    maxMemoryBytes: limits.maxMemoryBytes,
    maxExecutionSeconds: limits.maxExecutionSeconds,
    maxRowsToRead: limits.maxRowsToRead,
  };
}

/** The page size for a request: its own limit or the default, never above the configured cap. */
export function pageSize(requested: number | undefined, limits: ReadLimits): number {
  const size = requested ?? limits.defaultLimit;
  return Math.max(1, Math.min(Math.floor(size), limits.maxResultRows));
}
