import { Writer } from 'protobufjs/minimal.js';
import type { SignalName } from '../../../signals/decoded.ts';

/**
 * OTLP Export{Trace,Logs,Metrics}ServiceResponse (opentelemetry/proto/collector/<signal>/v1/*_service.proto):
 * partial_success = 1 { rejected_<items> = 1 (int64), error_message = 2 }. When nothing was
 * rejected and there is no message the response is empty: the spec's plain success.
 */

const JSON_COUNT_FIELD: Readonly<Record<SignalName, string>> = {
  traces: 'rejectedSpans',
  logs: 'rejectedLogRecords',
  metrics: 'rejectedDataPoints',
};

const EMPTY = new Uint8Array(0);

/** The response as protobuf bytes. The field numbers are the same for the three signals. */
export function encodeExportResponse(_signal: SignalName, rejected: number, errorMessage: string): Uint8Array {
  if (rejected === 0 && errorMessage === '') return EMPTY;
  const writer = Writer.create();
  writer.uint32((1 << 3) | 2).fork(); // partial_success
  if (rejected !== 0) writer.uint32((1 << 3) | 0).int64(rejected);
  if (errorMessage !== '') writer.uint32((2 << 3) | 2).string(errorMessage);
  writer.ldelim();
  return writer.finish();
}

/** The response as OTLP/JSON (lowerCamelCase names, int64 as a decimal string, defaults omitted). */
export function exportResponseJson(signal: SignalName, rejected: number, errorMessage: string): string {
  if (rejected === 0 && errorMessage === '') return '{}';
  const partialSuccess: Record<string, string> = {};
  if (rejected !== 0) partialSuccess[JSON_COUNT_FIELD[signal]] = String(rejected);
  if (errorMessage !== '') partialSuccess.errorMessage = errorMessage;
  return JSON.stringify({ partialSuccess });
}
