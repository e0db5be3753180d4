import type { EncodedBatch } from '../signals/decoded.ts';

/**
 * Where receivers hand telemetry. A request first reserves room (`admit`), so an overloaded
 * server refuses before spending work on decoding; the admission is then used exactly once.
 */
export interface IngestSink {
  /** Throws AppError INGEST_OVERLOADED (with a retry hint) when the pending budget is spent. */
  admit(bytes: number, options?: AdmitOptions): Admission;
}

export interface AdmitOptions {
  /**
   * The server's own few rows (self-monitoring): they pass the intake gate, so the disk state that
   * closed the gate is still stored where alerts and the health dashboard read it.
   */
  readonly essential?: boolean;
}

export interface Admission {
  /** Stores the batch; resolves only once every row of it is committed. Releases the reservation. */
  commit(batch: EncodedBatch): Promise<void>;
  /** Gives the reservation back without storing anything (e.g. the request did not decode). */
  release(): void;
}
