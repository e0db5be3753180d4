import type { Decoded } from '../../../signals/decoded.ts';
import type { LogRow } from '../../../signals/log-record.ts';
import type { ResourceInfo, ScopeInfo } from '../../../signals/resource.ts';
import { forEachScope, jsonAnyValue, jsonKeyValues, parseJsonRequest } from './json-common.ts';
import { asEnum, asHexId, asObject, asString, asUint32, asUint64, field, jsonError } from './json-values.ts';
import { Rejections, optionalIdsProblem } from './validate.ts';

/** ExportLogsServiceRequest in OTLP/JSON straight to LogRow. */

const SEVERITY_NAMES = ['UNSPECIFIED', ...['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].flatMap((level) => [level, `${level}2`, `${level}3`, `${level}4`])];
const NAMES = {
  resources: ['resourceLogs', 'resource_logs'],
  scopes: ['scopeLogs', 'scope_logs'],
  items: ['logRecords', 'log_records'],
} as const;

/** Decodes an OTLP/JSON logs export request into log rows; malformed JSON throws OTLP_DECODE_FAILED. */
export function decodeLogsJson(bytes: Uint8Array): Decoded<'logs'> {
  const request = parseJsonRequest(bytes, 'ExportLogsServiceRequest');
  const rows: LogRow[] = [];
  const rejections = new Rejections();
  forEachScope(request, NAMES, (records, resource, scope) => {
    for (const record of records) readLogRecord(record, resource, scope, rows, rejections);
  });
  return { rows, rejected: rejections.count, rejectionMessage: rejections.message('log record', 'log records') };
}

function readLogRecord(value: unknown, resource: ResourceInfo, scope: ScopeInfo, rows: LogRow[], rejections: Rejections): void {
  const o = asObject(value, 'logRecord');
  if (o === undefined) throw jsonError('logRecords must not contain null');
  const traceId = asHexId(field(o, 'traceId', 'trace_id'), 'logRecord.traceId');
  const spanId = asHexId(field(o, 'spanId', 'span_id'), 'logRecord.spanId');
  if (traceId === undefined || spanId === undefined) {
    rejections.add(`${traceId === undefined ? 'trace_id' : 'span_id'} is not a hex string`);
    return;
  }
  const problem = optionalIdsProblem(traceId, spanId);
  if (problem !== undefined) {
    rejections.add(problem);
    return;
  }
  rows.push({
    timeUnixNano: asUint64(field(o, 'timeUnixNano', 'time_unix_nano'), 'logRecord.timeUnixNano'),
    observedTimeUnixNano: asUint64(field(o, 'observedTimeUnixNano', 'observed_time_unix_nano'), 'logRecord.observedTimeUnixNano'),
    severityNumber: asEnum(field(o, 'severityNumber', 'severity_number'), 'SEVERITY_NUMBER_', SEVERITY_NAMES, 'logRecord.severityNumber'),
    severityText: asString(field(o, 'severityText', 'severity_text'), 'logRecord.severityText'),
    body: jsonAnyValue(o.body, 0),
    attributes: jsonKeyValues(o.attributes, 'logRecord.attributes'),
    droppedAttributesCount: asUint32(field(o, 'droppedAttributesCount', 'dropped_attributes_count'), 'logRecord.droppedAttributesCount'),
    flags: asUint32(o.flags, 'logRecord.flags'),
    traceId,
    spanId,
    eventName: asString(field(o, 'eventName', 'event_name'), 'logRecord.eventName'),
    resource,
    scope,
  });
}
