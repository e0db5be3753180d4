import type { TraceResponse } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../errors.ts';
import { identifier, param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { nanosText, nanosTime, type TimeRange } from '../time-range.ts';
import { decodeSpan, selectSpanColumns, type SpanDbRow } from './span-row.ts';

/** Most spans one trace response carries; larger traces come back truncated (flagged). */
export const MAX_TRACE_SPANS = 10_000;

interface TraceBoundsRow {
  readonly start_ns: string;
  readonly end_ns: string;
  readonly span_count: string;
}

function notFound(traceId: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `trace ${traceId} not found`);
}

/**
 * Every span of a trace. The trace index gives the trace's time span, so the spans scan touches
 * only the partitions (days) the trace lives in; an optional range narrows it further.
 */
export async function getTrace(store: Store, limits: ReadLimits, traceId: string, range?: TimeRange): Promise<TraceResponse> {
  const id = traceId.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(id) || /^0+$/.test(id)) throw new AppError(ErrorCodes.QUERY_INVALID, 'traceId: expected 32 hex digits, not all zero');
  const readLimits = storeLimits(limits);
  const [bounds] = await store.query<TraceBoundsRow>(
    sql`SELECT ${nanosText(sql`min(start)`)} AS start_ns, ${nanosText(sql`max(${identifier('end')})`)} AS end_ns, toString(sum(span_count)) AS span_count
        FROM trace_index WHERE trace_id = unhex(${id}) GROUP BY trace_id`,
    readLimits,
  );
  if (bounds === undefined) throw notFound(id);
  let fromNs = BigInt(bounds.start_ns);
  // A span starts no later than the latest end of the trace.
  let toNs = BigInt(bounds.end_ns);
  if (range !== undefined) {
    if (range.startNs > fromNs) fromNs = range.startNs;
    if (range.endNs - 1n < toNs) toNs = range.endNs - 1n;
    if (fromNs > toNs) throw notFound(id);
  }
  const rows = await store.query<SpanDbRow>(
    sql`SELECT ${selectSpanColumns()} FROM spans
        WHERE trace_id = unhex(${id}) AND timestamp >= ${nanosTime(fromNs)} AND timestamp <= ${nanosTime(toNs)}
        ORDER BY timestamp, span_id
        LIMIT ${param('UInt32', MAX_TRACE_SPANS + 1)}`,
    readLimits,
  );
  if (rows.length === 0) throw notFound(id);
  const spans = rows.slice(0, MAX_TRACE_SPANS).map(decodeSpan);
  return {
    traceId: id,
    startTimeUnixNano: bounds.start_ns,
    endTimeUnixNano: bounds.end_ns,
    spanCount: Number(bounds.span_count),
    truncated: rows.length > MAX_TRACE_SPANS,
    spans,
  };
}
