import { MAX_SCATTER_POINTS, type ScatterPoint, type SpanStatusName, type TraceScatterResponse, type TraceSearchResponse, type TraceSummary } from '@sightline/contract';
import type { Store } from '../../storage/store.ts';
import { CURSOR_PARTS, decodeCursor, encodeCursor } from '../cursor.ts';
import { pageSize, type ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';
import { findMatchingTraces, type MatchingTrace, type TraceSortKey } from './matching-traces.ts';
import type { SpanFilters } from './span-filters.ts';
import { summarizeTraces } from './trace-summaries.ts';

/** Span conditions of a trace search: a trace matches when one of its spans in the range meets all of them. */
export interface TraceFilters extends TimeRange, Omit<SpanFilters, 'statusCode' | 'rootOnly' | 'traceId'> {
  readonly status?: SpanStatusName;
}

export interface TraceSearchParams extends TraceFilters {
  readonly sort: TraceSortKey;
  readonly order: 'asc' | 'desc';
  readonly limit?: number;
  readonly cursor?: string;
}

const STATUS_CODES: Readonly<Record<SpanStatusName, number>> = { unset: 0, ok: 1, error: 2 };

function spanFilters(params: TraceFilters): SpanFilters {
  const { status, ...rest } = params;
  return status === undefined ? rest : { ...rest, statusCode: STATUS_CODES[status] };
}

function cursorAfter(params: TraceSearchParams, ordering: string): MatchingTrace | undefined {
  if (params.cursor === undefined) return undefined;
  const keyPattern = params.sort === 'start' ? CURSOR_PARTS.nanos : CURSOR_PARTS.uint64;
  const [key = '', traceHex = ''] = decodeCursor(params.cursor, ordering, [keyPattern, CURSOR_PARTS.traceId]);
  return { traceHex, key };
}

/**
 * Traces with a span matching every filter in the range, one page at a time (keyset cursor). Step
 * one finds one page of trace ids from the matching spans alone; step two summarizes just those.
 */
export async function searchTraces(store: Store, limits: ReadLimits, params: TraceSearchParams): Promise<TraceSearchResponse> {
  const ordering = `traces:${params.sort}:${params.order}`;
  const size = pageSize(params.limit, limits);
  const after = cursorAfter(params, ordering);
  const matches = await findMatchingTraces(store, limits, params, spanFilters(params), {
    sort: params.sort,
    order: params.order,
    limit: size + 1,
    ...(after === undefined ? {} : { after }),
  });
  const page = matches.slice(0, size);
  const summaries = await summarizeTraces(store, limits, page.map((match) => match.traceHex));
  const traces = page.flatMap((match) => summaries.get(match.traceHex) ?? []);
  const last = page[page.length - 1];
  const nextCursor = matches.length > size && last !== undefined ? encodeCursor(ordering, [last.key, last.traceHex]) : null;
  return { traces, nextCursor };
}

function toPoint(summary: TraceSummary): ScatterPoint {
  return { traceId: summary.traceId, startTimeUnixNano: summary.startTimeUnixNano, durationNs: summary.durationNs, error: summary.errorCount > 0 };
}

function byStartThenId(a: ScatterPoint, b: ScatterPoint): number {
  const [startA, startB] = [BigInt(a.startTimeUnixNano), BigInt(b.startTimeUnixNano)];
  if (startA !== startB) return startA < startB ? -1 : 1;
  return a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0;
}

/**
 * One point per matching trace (its root span, or earliest span without a root), for a
 * duration-over-time chart; past MAX_SCATTER_POINTS traces, the slowest are kept.
 */
export async function traceScatter(store: Store, limits: ReadLimits, params: TraceFilters): Promise<TraceScatterResponse> {
  const matches = await findMatchingTraces(store, limits, params, spanFilters(params), {
    sort: 'duration',
    order: 'desc',
    limit: MAX_SCATTER_POINTS + 1,
  });
  const kept = matches.slice(0, MAX_SCATTER_POINTS);
  const summaries = await summarizeTraces(store, limits, kept.map((match) => match.traceHex));
  const points = [...summaries.values()].map(toPoint).sort(byStartThenId);
  return { points, truncated: matches.length > MAX_SCATTER_POINTS };
}
