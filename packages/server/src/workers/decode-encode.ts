import { aggregateSpans } from '../pipeline/span-metrics/aggregate-spans.ts';
import { exceptionRowsOf } from '../pipeline/span-metrics/exception-rows.ts';
import { decodeLogsJson } from '../receivers/otlp/decode/json-logs.ts';
import { decodeMetricsJson } from '../receivers/otlp/decode/json-metrics.ts';
import { decodeTracesJson } from '../receivers/otlp/decode/json-traces.ts';
import { decodeLogsProtobuf } from '../receivers/otlp/decode/protobuf-logs.ts';
import { decodeMetricsProtobuf } from '../receivers/otlp/decode/protobuf-metrics.ts';
import { decodeTracesProtobuf } from '../receivers/otlp/decode/protobuf-traces.ts';
import { tagEnvironment } from '../receivers/otlp/ingest-auth/environment-tag.ts';
import type { OtlpFormat } from '../receivers/otlp/otlp-decoder.ts';
import type { Decoded, EncodedBatch, SignalName } from '../signals/decoded.ts';
import { encodeLogs, encodeTraces, type MetricsEncoder } from '../storage/encode/encode-signals.ts';
import type { DecodeOptions } from './worker-protocol.ts';

/** Spans and their exception events encoded, with the request's span metrics for the pipeline to cap and store. */
export function encodeTracesWithAggregates(decoded: Decoded<'traces'>, options: DecodeOptions): EncodedBatch {
  const batch = encodeTraces(decoded, exceptionRowsOf(decoded.rows));
  if (decoded.rows.length === 0) return batch;
  return { ...batch, spanMetrics: aggregateSpans(decoded.rows, { normalizeSpanNames: options.normalizeSpanNames }) };
}

/**
 * One OTLP export request body → rows encoded for the store. Pure CPU work; runs in a worker thread.
 * `environment` (the sender's ingest-key environment) tags resources that name none, before encoding.
 */
export function decodeAndEncode(
  signal: SignalName,
  format: OtlpFormat,
  body: Uint8Array,
  metrics: MetricsEncoder,
  options: DecodeOptions,
  environment?: string,
): EncodedBatch {
  const json = format === 'json';
  switch (signal) {
    case 'traces':
      return encodeTracesWithAggregates(tagEnvironment(json ? decodeTracesJson(body) : decodeTracesProtobuf(body), environment), options);
    case 'logs':
      return encodeLogs(tagEnvironment(json ? decodeLogsJson(body) : decodeLogsProtobuf(body), environment));
    case 'metrics':
      return metrics.encode(tagEnvironment(json ? decodeMetricsJson(body) : decodeMetricsProtobuf(body), environment));
  }
}
