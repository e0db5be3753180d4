import type { Decoded, EncodedBatch, EncodedChunk } from '../../signals/decoded.ts';
import type { SpanExceptionRow } from '../../signals/span-exception.ts';
import { RowBinaryWriter } from '../rowbinary/writer.ts';
import { spanExceptionsTable } from '../schema/apm-tables.ts';
import { logsTable } from '../schema/logs-table.ts';
import {
  exponentialHistogramPointsTable,
  histogramPointsTable,
  metricSeriesTable,
  numberPointsTable,
  summaryPointsTable,
  type SeriesPoint,
} from '../schema/metrics-tables.ts';
import { spansTable } from '../schema/spans-table.ts';
import { encodeRows } from './encode-rows.ts';
import { seriesFingerprint } from './metric-fingerprint.ts';
import { SeenSeries } from './seen-series.ts';

/** Spans, and the exception events found in them (`apm_exceptions`), when given. */
export function encodeTraces(decoded: Decoded<'traces'>, exceptions: readonly SpanExceptionRow[] = []): EncodedBatch {
  const chunks: EncodedChunk[] = decoded.rows.length === 0 ? [] : [encodeRows(spansTable, decoded.rows)];
  if (exceptions.length > 0) chunks.push(encodeRows(spanExceptionsTable, exceptions, new RowBinaryWriter(4096)));
  return { signal: 'traces', items: decoded.rows.length, rejected: decoded.rejected, rejectionMessage: decoded.rejectionMessage, chunks };
}

export function encodeLogs(decoded: Decoded<'logs'>): EncodedBatch {
  const chunks = decoded.rows.length === 0 ? [] : [encodeRows(logsTable, decoded.rows)];
  return { signal: 'logs', items: decoded.rows.length, rejected: decoded.rejected, rejectionMessage: decoded.rejectionMessage, chunks };
}

/** Encodes metric points into their type's table, plus the series not written recently. */
export class MetricsEncoder {
  constructor(private readonly seen = new SeenSeries()) {}

  encode(decoded: Decoded<'metrics'>, nowMs = Date.now()): EncodedBatch {
    const series: SeriesPoint[] = [];
    const byKind = { number: [] as SeriesPoint[], histogram: [] as SeriesPoint[], exponential_histogram: [] as SeriesPoint[], summary: [] as SeriesPoint[] };
    for (const point of decoded.rows) {
      const fingerprint = seriesFingerprint(point);
      const item = { fingerprint, point };
      if (this.seen.shouldWrite(fingerprint, nowMs)) series.push(item);
      byKind[point.kind].push(item);
    }
    const chunks: EncodedChunk[] = [];
    const add = (chunk: EncodedChunk): void => {
      if (chunk.rows > 0) chunks.push(chunk);
    };
    add(encodeRows(metricSeriesTable, series));
    add(encodeRows(numberPointsTable as typeof metricSeriesTable, byKind.number));
    add(encodeRows(histogramPointsTable as typeof metricSeriesTable, byKind.histogram));
    add(encodeRows(exponentialHistogramPointsTable as typeof metricSeriesTable, byKind.exponential_histogram));
    add(encodeRows(summaryPointsTable as typeof metricSeriesTable, byKind.summary));
    return { signal: 'metrics', items: decoded.rows.length, rejected: decoded.rejected, rejectionMessage: decoded.rejectionMessage, chunks };
  }

  /** Forget what was written (e.g. after a failed insert, so series are written again). */
  forget(): void {
    this.seen.clear();
  }
}
