import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCodes, isAppError } from '../../errors.ts';

const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

export interface RetryEvents {
  /** A write failed and will be tried again after `delayMs`. */
  onRetry(error: unknown, delayMs: number): void;
}

/**
 * Calls `write` until it succeeds: under back-pressure (INGEST_OVERLOADED) again after the hint it
 * carries, after other failures with a growing pause. Returns false when `signal` aborted first,
 * leaving the rows unwritten for the caller to keep.
 */
export async function writeUntilStored(write: () => Promise<void>, signal: AbortSignal, events: RetryEvents): Promise<boolean> {
  let backoffMs = FIRST_BACKOFF_MS;
  while (!signal.aborted) {
    try {
      await write();
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      const overloaded = isAppError(error) && error.code === ErrorCodes.INGEST_OVERLOADED;
      const delayMs = overloaded ? Math.max(1, error.retryAfterSeconds ?? 1) * 1000 : backoffMs;
      if (!overloaded) backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      events.onRetry(error, delayMs);
      try {
        await sleep(delayMs, undefined, { signal });
      } catch {
        return false;
      }
    }
  }
  return false;
}
