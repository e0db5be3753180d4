import { AppError, ErrorCodes } from '../errors.ts';
import type { IngestMetrics, IngestProtocol } from '../pipeline/ingest-metrics.ts';
import type { RowSignal, RowSink } from '../pipeline/row-sink.ts';
import type { IngestSink } from '../pipeline/sink.ts';
import type { EncodedBatch, SignalRows } from '../signals/decoded.ts';
import { encodeLogs, MetricsEncoder } from '../storage/encode/encode-signals.ts';

function outcomeOf(error: unknown): 'overloaded' | 'store_failed' {
  return error instanceof AppError && error.code === ErrorCodes.INGEST_OVERLOADED ? 'overloaded' : 'store_failed';
}

/**
 * The RowSink of the process: encodes rows on the main thread (these receivers send little compared
 * with OTLP) and commits them through the pipeline, so they share its batching, acknowledgement
 * and back-pressure. Metric series already written are remembered like the decode workers do.
 */
export class RowWriter implements RowSink {
  private readonly metricsEncoder = new MetricsEncoder();

  constructor(
    private readonly sink: IngestSink,
    private readonly metrics: IngestMetrics,
  ) {}

  async write<S extends RowSignal>(signal: S, protocol: IngestProtocol, rows: readonly SignalRows[S][]): Promise<void> {
    if (rows.length === 0) return;
    const batch = this.encode(signal, rows);
    const bytes = batch.chunks.reduce((total, chunk) => total + chunk.data.byteLength, 0);
    try {
      await this.sink.admit(bytes, { essential: protocol === 'self_monitoring' }).commit(batch);
    } catch (error) {
      // The series rows may not be stored: write them again with the next points.
      if (signal === 'metrics') this.metricsEncoder.forget();
      this.metrics.countRequest(signal, protocol, outcomeOf(error));
      throw error;
    }
    this.metrics.countRequest(signal, protocol, 'accepted', batch.items, 0);
  }

  /** After a failed insert of metric tables elsewhere: series are written again. */
  forgetSeries(): void {
    this.metricsEncoder.forget();
  }

  private encode<S extends RowSignal>(signal: S, rows: readonly SignalRows[S][]): EncodedBatch {
    const decoded = { rows: [...rows], rejected: 0, rejectionMessage: '' };
    return signal === 'logs'
      ? encodeLogs(decoded as { rows: SignalRows['logs'][]; rejected: number; rejectionMessage: string })
      : this.metricsEncoder.encode(decoded as { rows: SignalRows['metrics'][]; rejected: number; rejectionMessage: string });
  }
}
