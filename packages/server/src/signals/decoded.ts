import type { LogRow } from './log-record.ts';
import type { MetricPoint } from './metric-point.ts';
import type { SpanRow } from './span.ts';
import type { SpanMetricsDigest } from './span-metrics.ts';

export type SignalName = 'traces' | 'logs' | 'metrics';

export interface SignalRows {
  traces: SpanRow;
  logs: LogRow;
  metrics: MetricPoint;
}

/**
 * What a decoder made of one export request: the valid items, and how many it refused
 * (OTLP partial success) with a message saying why.
 */
export interface Decoded<S extends SignalName> {
  readonly rows: SignalRows[S][];
  readonly rejected: number;
  readonly rejectionMessage: string;
}

/**
 * Rows encoded for the store, one chunk per table, ready to be batched. `items` counts the
 * telemetry items (spans, log records, data points) the chunk set carries.
 */
export interface EncodedBatch {
  readonly signal: SignalName;
  readonly items: number;
  readonly rejected: number;
  readonly rejectionMessage: string;
  readonly chunks: readonly EncodedChunk[];
  /** Traces: RED aggregates of the request's spans, before the cardinality caps (the pipeline applies them). */
  readonly spanMetrics?: SpanMetricsDigest;
}

export interface EncodedChunk {
  readonly table: string;
  readonly rows: number;
  readonly data: Uint8Array;
}
