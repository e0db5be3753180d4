import type { ApmRecentErrorsResponse, Attributes } from '@sightline/contract';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { decodeKeyValueJson } from '../attribute-maps.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { nanosText } from '../time-range.ts';
import type { MinuteRange } from './apm-range.ts';
import { spanEnvironmentIs, timestampIn } from './raw-span-filters.ts';

export interface RecentErrorsQuery {
  readonly range: MinuteRange;
  readonly service: string;
  readonly environment?: string | undefined;
  readonly limit: number;
}

type RecentError = ApmRecentErrorsResponse['errors'][number];

interface ErrorRow {
  readonly time_ns: string;
  readonly trace_hex: string;
  readonly span_hex: string;
  readonly operation: string;
  readonly duration_ms: number;
  readonly status_message: string;
  readonly http_status: number;
  readonly exception_json: string;
}

function text(attributes: Attributes, key: string): string {
  const value = attributes[key];
  return value !== undefined && 'stringValue' in value ? value.stringValue : '';
}

/** How far back from the end each successive search reaches; the last one covers the whole range. */
const SEARCH_REACH_S = [3600, 24 * 3600, Number.POSITIVE_INFINITY];

/**
 * Non-overlapping windows from the end of the range backwards. The spans table is ordered by
 * service and name, not time, so "newest first" reads every error span of the range; searching the
 * last hour first usually finds enough and leaves the days before it unread.
 */
export function newestFirstWindows(range: MinuteRange): MinuteRange[] {
  const windows: MinuteRange[] = [];
  let to = range.endS;
  for (const reach of SEARCH_REACH_S) {
    const from = Math.max(range.startS, range.endS - reach);
    if (from < to) windows.push({ startS: from, endS: to });
    to = Math.min(to, from);
  }
  return windows;
}

function errorSpans(store: Store, limits: ReadLimits, query: RecentErrorsQuery, window: MinuteRange, limit: number): Promise<ErrorRow[]> {
  return store.query<ErrorRow>(
    sql`SELECT ${nanosText(sql`timestamp`)} AS time_ns, lower(hex(trace_id)) AS trace_hex, lower(hex(span_id)) AS span_hex,
          name AS operation, duration_ns / 1e6 AS duration_ms, status_message, http_status_code AS http_status,
          if(has(events_name, 'exception'), events_attributes[indexOf(events_name, 'exception')], '') AS exception_json
        FROM spans
        WHERE service_name = ${query.service} AND ${timestampIn(window)} AND status_code = 2
          AND ${spanEnvironmentIs(query.environment)}
        ORDER BY timestamp DESC LIMIT ${param('UInt32', limit)}`,
    storeLimits(limits),
  );
}

function toRecentError(row: ErrorRow): RecentError {
  const exception = row.exception_json === '' ? {} : decodeKeyValueJson(row.exception_json);
  return {
    timeNs: row.time_ns,
    traceId: row.trace_hex,
    spanId: row.span_hex,
    operation: row.operation,
    durationMs: row.duration_ms,
    statusMessage: row.status_message,
    exceptionType: text(exception, 'exception.type'),
    exceptionMessage: text(exception, 'exception.message'),
    httpStatusCode: row.http_status,
  };
}

/** The newest spans of the service with status ERROR, with their first exception event's type and message. */
export async function recentErrors(store: Store, limits: ReadLimits, query: RecentErrorsQuery): Promise<RecentError[]> {
  const found: RecentError[] = [];
  for (const window of newestFirstWindows(query.range)) {
    const rows = await errorSpans(store, limits, query, window, query.limit - found.length);
    found.push(...rows.map(toRecentError));
    if (found.length >= query.limit) break;
  }
  return found;
}
