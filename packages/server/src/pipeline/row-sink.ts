import type { SignalRows } from '../signals/decoded.ts';
import type { IngestProtocol } from './ingest-metrics.ts';

/**
 * Where receivers that build rows themselves (Prometheus scrape and remote write, host metrics,
 * syslog, file tail) hand them: encoded on this thread and stored through the pipeline's batching
 * and back-pressure, counted in the ingest metrics under `protocol`.
 */
/** The signals such receivers produce. */
export type RowSignal = 'logs' | 'metrics';

export interface RowSink {
  /**
   * Resolves once every row is committed to the store. Rejects with AppError INGEST_OVERLOADED
   * (with `retryAfterSeconds`) when the pending budget is spent, or another coded AppError when
   * the insert failed; nothing of the call is stored then, so the caller may send it again.
   */
  write<S extends RowSignal>(signal: S, protocol: IngestProtocol, rows: readonly SignalRows[S][]): Promise<void>;
}
