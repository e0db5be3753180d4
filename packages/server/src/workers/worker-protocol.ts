import type { OtlpFormat } from '../receivers/otlp/otlp-decoder.ts';
import type { EncodedBatch, SignalName } from '../signals/decoded.ts';

/** Settings every decode worker starts with (its `workerData`). */
export interface DecodeOptions {
  /** Ids in names of HTTP spans without a route become placeholders in the span metrics. */
  readonly normalizeSpanNames: boolean;
}

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = { normalizeSpanNames: true };

export interface DecodeTask {
  readonly type: 'decode';
  readonly id: number;
  readonly signal: SignalName;
  readonly format: OtlpFormat;
  readonly body: Uint8Array;
  /** The sender's ingest-key environment (receivers/otlp/ingest-auth/environment-tag.ts). */
  readonly environment?: string | undefined;
}

/** Sent after a failed metrics insert: series the worker thinks are stored must be written again. */
export interface ForgetSeries {
  readonly type: 'forget-series';
}

export type ToWorker = DecodeTask | ForgetSeries;

export type FromWorker =
  | { readonly id: number; readonly ok: true; readonly batch: EncodedBatch }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string };
