import { param, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { allOf } from '../attribute-filters.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { inRange, nanosTime, type TimeRange } from '../time-range.ts';
import { spanFilterConditions, type SpanFilters } from './span-filters.ts';

/**
 * What orders matching traces, computed from their matching spans in the range: `start` is the
 * earliest matching span's start (unix ns), `duration` the longest matching span's duration (ns).
 */
export type TraceSortKey = 'start' | 'duration';

export interface MatchingTrace {
  readonly traceHex: string;
  /** The sort key value as decimal text. */
  readonly key: string;
}

export interface MatchingTracesQuery {
  readonly sort: TraceSortKey;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  /** Only traces after this one in the order (keyset paging). */
  readonly after?: MatchingTrace;
}

function keyExpression(sort: TraceSortKey): SqlFragment {
  return sort === 'start' ? sql`toUnixTimestamp64Nano(min(timestamp))` : sql`max(duration_ns)`;
}

function keyValue(sort: TraceSortKey, text: string): SqlFragment {
  return sort === 'start' ? sql`${param('Int64', BigInt(text))}` : sql`${param('UInt64', BigInt(text))}`;
}

/**
 * Descending, a trace after the cursor has a key at or below it, so spans above it cannot change
 * its key: skip them (the engine prunes parts by them). Ascending has no such bound.
 */
function spanBound(query: MatchingTracesQuery): SqlFragment | undefined {
  if (query.after === undefined || query.order === 'asc') return undefined;
  const key = BigInt(query.after.key);
  return query.sort === 'start' ? sql`timestamp <= ${nanosTime(key)}` : sql`duration_ns <= ${param('UInt64', key)}`;
}

/**
 * Step one of a trace search: the ids of the traces with at least one span in the range meeting
 * every filter, in the requested order, at most `limit` of them. Only matching spans are read.
 */
export async function findMatchingTraces(
  store: Store,
  limits: ReadLimits,
  range: TimeRange,
  filters: SpanFilters,
  query: MatchingTracesQuery,
): Promise<MatchingTrace[]> {
  const conditions = [inRange(sql`timestamp`, range), ...spanFilterConditions(filters)];
  const bound = spanBound(query);
  if (bound !== undefined) conditions.push(bound);
  const key = keyExpression(query.sort);
  const direction = trustedSql(query.order === 'desc' ? 'DESC' : 'ASC');
  const comparison = trustedSql(query.order === 'desc' ? '<' : '>');
  const having =
    query.after === undefined
      ? trustedSql('')
      : sql`HAVING (${key}, trace_id) ${comparison} (${keyValue(query.sort, query.after.key)}, unhex(${query.after.traceHex}))`;
  const rows = await store.query<{ trace_hex: string; sort_key: string }>(
    sql`SELECT lower(hex(trace_id)) AS trace_hex, toString(${key}) AS sort_key
        FROM spans
        WHERE ${allOf(conditions)}
        GROUP BY trace_id
        ${having}
        ORDER BY ${key} ${direction}, trace_id ${direction}
        LIMIT ${param('UInt32', query.limit)}`,
    storeLimits(limits),
  );
  return rows.map((row) => ({ traceHex: row.trace_hex, key: row.sort_key }));
}
