import type { SpanSearchResponse, SpanSummary } from '@sightline/contract';
import { param, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { allOf } from '../attribute-filters.ts';
import { CURSOR_PARTS, decodeCursor, encodeCursor } from '../cursor.ts';
import { pageSize, storeLimits, type ReadLimits } from '../read-limits.ts';
import { idOrEmpty } from '../resource-scope.ts';
import { inRange, nanosText, nanosTime, type TimeRange } from '../time-range.ts';
import { spanFilterConditions, type SpanFilters } from './span-filters.ts';

export interface SpanSearchParams extends TimeRange, SpanFilters {
  readonly sort: 'timestamp' | 'duration';
  readonly order: 'asc' | 'desc';
  readonly limit?: number;
  readonly cursor?: string;
}

interface SpanSummaryRow {
  readonly trace_hex: string;
  readonly span_hex: string;
  readonly parent_hex: string;
  readonly service_name: string;
  readonly name: string;
  readonly kind: number;
  readonly start_ns: string;
  readonly duration_ns: string;
  readonly status_code: number;
  readonly http_method: string;
  readonly http_route: string;
  readonly http_status_code: number;
}

/** The sort key columns (most significant first); trace and span id make it unique per span. */
function sortKey(sort: SpanSearchParams['sort']): SqlFragment {
  return sort === 'duration' ? sql`duration_ns, timestamp, trace_id, span_id` : sql`timestamp, trace_id, span_id`;
}

function keyAfterCursor(params: SpanSearchParams, ordering: string): SqlFragment | undefined {
  if (params.cursor === undefined) return undefined;
  const { nanos, uint64, traceId, spanId } = CURSOR_PARTS;
  const comparison = trustedSql(params.order === 'desc' ? '<' : '>');
  if (params.sort === 'duration') {
    const [duration = '', start = '', trace = '', span = ''] = decodeCursor(params.cursor, ordering, [uint64, nanos, traceId, spanId]);
    return sql`(${sortKey('duration')}) ${comparison} (${param('UInt64', BigInt(duration))}, ${nanosTime(BigInt(start))}, unhex(${trace}), unhex(${span}))`;
  }
  const [start = '', trace = '', span = ''] = decodeCursor(params.cursor, ordering, [nanos, traceId, spanId]);
  // The plain bound on timestamp lets the engine prune parts before comparing tuples.
  const bound = trustedSql(params.order === 'desc' ? '<=' : '>=');
  return sql`timestamp ${bound} ${nanosTime(BigInt(start))} AND (${sortKey('timestamp')}) ${comparison} (${nanosTime(BigInt(start))}, unhex(${trace}), unhex(${span}))`;
}

function toSummary(row: SpanSummaryRow): SpanSummary {
  return {
    traceId: row.trace_hex,
    spanId: row.span_hex,
    parentSpanId: idOrEmpty(row.parent_hex),
    serviceName: row.service_name,
    name: row.name,
    kind: row.kind,
    startTimeUnixNano: row.start_ns,
    durationNs: row.duration_ns,
    statusCode: row.status_code,
    httpMethod: row.http_method,
    httpRoute: row.http_route,
    httpStatusCode: row.http_status_code,
  };
}

/** Spans matching the filters in the time range, one page at a time (keyset cursor). */
export async function searchSpans(store: Store, limits: ReadLimits, params: SpanSearchParams): Promise<SpanSearchResponse> {
  const ordering = `spans:${params.sort}:${params.order}`;
  const size = pageSize(params.limit, limits);
  const conditions = [inRange(sql`timestamp`, params), ...spanFilterConditions(params)];
  const after = keyAfterCursor(params, ordering);
  if (after !== undefined) conditions.push(after);
  const direction = trustedSql(params.order === 'desc' ? 'DESC' : 'ASC');
  const orderBy =
    params.sort === 'duration'
      ? sql`duration_ns ${direction}, timestamp ${direction}, trace_id ${direction}, span_id ${direction}`
      : sql`timestamp ${direction}, trace_id ${direction}, span_id ${direction}`;
  const rows = await store.query<SpanSummaryRow>(
    sql`SELECT lower(hex(trace_id)) AS trace_hex, lower(hex(span_id)) AS span_hex, lower(hex(parent_span_id)) AS parent_hex,
          service_name, name, kind, ${nanosText(sql`timestamp`)} AS start_ns, duration_ns, status_code,
          http_method, http_route, http_status_code
        FROM spans
        WHERE ${allOf(conditions)}
        ORDER BY ${orderBy}
        LIMIT ${param('UInt32', size + 1)}`,
    storeLimits(limits),
  );
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  let nextCursor: string | null = null;
  if (rows.length > size && last !== undefined) {
    const key = [last.start_ns, last.trace_hex, last.span_hex];
    nextCursor = encodeCursor(ordering, params.sort === 'duration' ? [last.duration_ns, ...key] : key);
  }
  return { spans: page.map(toSummary), nextCursor };
}
