import type { AnyValue, LogRecord } from '@sightline/contract';
import { sql, type SqlFragment } from '../../storage/sql.ts';
import { anyValueFromJsonText, decodeAttributeMaps, selectAttributeMaps } from '../attribute-maps.ts';
import { decodeResource, decodeScope, idOrEmpty, selectResourceAndScope, type ResourceScopeRow } from '../resource-scope.ts';
import { nanosText } from '../time-range.ts';

/**
 * A hash of a record's identity, the tie-break after the timestamp in the keyset order (records
 * sharing a timestamp still page in a stable order) and, as decimal text, the record's API id.
 */
export const LOG_ROW_HASH = sql`cityHash64(observed_timestamp, time_unix_nano, trace_id, span_id, severity_number, service_name, body, attributes_string)`;

export function selectLogColumns(): SqlFragment {
  return sql`${nanosText(sql`timestamp`)} AS timestamp_ns, toString(time_unix_nano) AS time_raw_ns,
    ${nanosText(sql`observed_timestamp`)} AS observed_ns,
    lower(hex(trace_id)) AS trace_hex, lower(hex(span_id)) AS span_hex, flags,
    severity_number, severity_text, body, body_is_string, event_name, service_name,
    ${selectAttributeMaps('attributes')}, dropped_attributes_count,
    ${selectResourceAndScope()},
    toString(${LOG_ROW_HASH}) AS row_hash`;
}

export interface LogDbRow extends ResourceScopeRow {
  readonly timestamp_ns: string;
  readonly time_raw_ns: string;
  readonly observed_ns: string;
  readonly trace_hex: string;
  readonly span_hex: string;
  readonly flags: number;
  readonly severity_number: number;
  readonly severity_text: string;
  readonly body: string;
  readonly body_is_string: boolean;
  readonly event_name: string;
  readonly service_name: string;
  readonly dropped_attributes_count: number;
  readonly row_hash: string;
}

/** A string body is stored verbatim; any other kind as its OTLP/JSON text. */
function decodeBody(row: LogDbRow): AnyValue {
  return row.body_is_string ? { stringValue: row.body } : anyValueFromJsonText(row.body);
}

export function decodeLog(row: LogDbRow): LogRecord {
  return {
    id: row.row_hash,
    timestampUnixNano: row.timestamp_ns,
    timeUnixNano: row.time_raw_ns,
    observedTimeUnixNano: row.observed_ns,
    traceId: idOrEmpty(row.trace_hex),
    spanId: idOrEmpty(row.span_hex),
    flags: row.flags,
    severityNumber: row.severity_number,
    severityText: row.severity_text,
    body: decodeBody(row),
    eventName: row.event_name,
    serviceName: row.service_name,
    attributes: decodeAttributeMaps(row, 'attributes'),
    droppedAttributesCount: row.dropped_attributes_count,
    resource: decodeResource(row),
    scope: decodeScope(row),
  };
}
