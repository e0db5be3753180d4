import { decodeLogsJson } from '../receivers/otlp/decode/json-logs.ts';
import { decodeMetricsJson } from '../receivers/otlp/decode/json-metrics.ts';
import { decodeTracesJson } from '../receivers/otlp/decode/json-traces.ts';
import { decodeLogsProtobuf } from '../receivers/otlp/decode/protobuf-logs.ts';
import { decodeMetricsProtobuf } from '../receivers/otlp/decode/protobuf-metrics.ts';
import { decodeTracesProtobuf } from '../receivers/otlp/decode/protobuf-traces.ts';
import type { OtlpFormat } from '../receivers/otlp/otlp-decoder.ts';
import type { EncodedBatch, SignalName } from '../signals/decoded.ts';
import { encodeLogs, encodeTraces, type MetricsEncoder } from '../storage/encode/encode-signals.ts';

/** One OTLP export request body → rows encoded for the store. Pure CPU work; runs in a worker thread. */
export function decodeAndEncode(signal: SignalName, format: OtlpFormat, body: Uint8Array, metrics: MetricsEncoder): EncodedBatch {
  const json = format === 'json';
  switch (signal) {
    case 'traces':
      return encodeTraces(json ? decodeTracesJson(body) : decodeTracesProtobuf(body));
    case 'logs':
      return encodeLogs(json ? decodeLogsJson(body) : decodeLogsProtobuf(body));
    case 'metrics':
      return metrics.encode(json ? decodeMetricsJson(body) : decodeMetricsProtobuf(body));
  }
}
