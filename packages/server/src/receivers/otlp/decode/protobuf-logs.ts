import { EMPTY_VALUE } from '../../../signals/any-value.ts';
import type { KeyValue } from '../../../signals/any-value.ts';
import type { Decoded } from '../../../signals/decoded.ts';
import type { LogRow } from '../../../signals/log-record.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import { fieldMask, readAnyValue, readKeyValue, readResource, readScope } from './protobuf-common.ts';
import { NO_ITEMS, newResource, newScope } from './row-parts.ts';
import { EMPTY_BYTES, Rejections, optionalIdsProblem } from './validate.ts';
import { WireReader } from './wire-reader.ts';

/*
 * ExportLogsServiceRequest (opentelemetry/proto/collector/logs/v1/logs_service.proto and
 * logs/v1/logs.proto) straight to LogRow.
 */

const REQUEST_FIELDS = fieldMask(1); // resource_logs=1
const RESOURCE_LOGS_FIELDS = fieldMask(1, 2, 3); // resource=1, scope_logs=2, schema_url=3
const SCOPE_LOGS_FIELDS = fieldMask(1, 2, 3); // scope=1, log_records=2, schema_url=3
// time_unix_nano=1, severity_number=2, severity_text=3, body=5, attributes=6, dropped_attributes_count=7,
// flags=8, trace_id=9, span_id=10, observed_time_unix_nano=11, event_name=12
const LOG_RECORD_FIELDS = fieldMask(1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12);

/** Decodes an OTLP/protobuf logs export request into log rows; malformed bytes throw OTLP_DECODE_FAILED. */
export function decodeLogsProtobuf(bytes: Uint8Array): Decoded<'logs'> {
  const r = new WireReader(bytes);
  const rows: LogRow[] = [];
  const rejections = new Rejections();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x0a) readResourceLogs(r, rows, rejections);
    else r.skipUnknown(tag, REQUEST_FIELDS, 'ExportLogsServiceRequest');
  }
  return { rows, rejected: rejections.count, rejectionMessage: rejections.message('log record', 'log records') };
}

function readResourceLogs(r: WireReader, rows: LogRow[], rejections: Rejections): void {
  const outer = r.enter();
  const resource = newResource();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x12) readScopeLogs(r, resource, rows, rejections);
    else if (tag === 0x0a) readResource(r, resource);
    else if (tag === 0x1a) resource.schemaUrl = r.string();
    else r.skipUnknown(tag, RESOURCE_LOGS_FIELDS, 'ResourceLogs');
  }
  r.leave(outer);
}

function readScopeLogs(r: WireReader, resource: ResourceInfo, rows: LogRow[], rejections: Rejections): void {
  const outer = r.enter();
  const scope = newScope();
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x12) readLogRecord(r, resource, scope, rows, rejections);
    else if (tag === 0x0a) readScope(r, scope);
    else if (tag === 0x1a) scope.schemaUrl = r.string();
    else r.skipUnknown(tag, SCOPE_LOGS_FIELDS, 'ScopeLogs');
  }
  r.leave(outer);
}

function readLogRecord(r: WireReader, resource: ResourceInfo, scope: ScopeInfo, rows: LogRow[], rejections: Rejections): void {
  const outer = r.enter();
  let timeUnixNano = 0n;
  let observedTimeUnixNano = 0n;
  let severityNumber = 0;
  let severityText = '';
  let body = EMPTY_VALUE;
  let attributes: KeyValue[] | undefined;
  let droppedAttributesCount = 0;
  let flags = 0;
  let traceId = EMPTY_BYTES;
  let spanId = EMPTY_BYTES;
  let eventName = '';
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x09: timeUnixNano = r.fixed64(); break;
      case 0x10: severityNumber = r.int32(); break;
      case 0x1a: severityText = r.string(); break;
      case 0x2a: body = readAnyValue(r, 0); break;
      case 0x32: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x38: droppedAttributesCount = r.uint32(); break;
      case 0x45: flags = r.fixed32(); break;
      case 0x4a: traceId = r.bytes(); break;
      case 0x52: spanId = r.bytes(); break;
      case 0x59: observedTimeUnixNano = r.fixed64(); break;
      case 0x62: eventName = r.string(); break;
      default: r.skipUnknown(tag, LOG_RECORD_FIELDS, 'LogRecord');
    }
  }
  r.leave(outer);
  const problem = optionalIdsProblem(traceId, spanId);
  if (problem !== undefined) {
    rejections.add(problem);
    return;
  }
  rows.push({
    timeUnixNano, observedTimeUnixNano, severityNumber, severityText, body,
    attributes: attributes ?? NO_ITEMS, droppedAttributesCount, flags, traceId, spanId, eventName, resource, scope,
  });
}
