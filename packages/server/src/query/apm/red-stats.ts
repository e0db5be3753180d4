import type { RedStats } from '@sightline/contract';
import { sql, type SqlFragment } from '../../storage/sql.ts';
import { apdexFromCumulative, cumulativeColumns, quantileFromCumulative } from './latency-sql.ts';

/**
 * RED statistics in two query levels: an inner GROUP BY merges the partial aggregate rows with
 * `RED_AGGREGATES`, an outer SELECT derives the statistics with `redColumns()` once per group, so
 * quantiles are computed from one merged latency map per output row.
 */

/** Merges partial aggregate rows; the names are distinct from the table's columns on purpose. */
export const RED_AGGREGATES: SqlFragment = sql`sum(calls) AS agg_calls, sum(errors) AS agg_errors, sum(duration_sum_ns) AS agg_sum_ns,
  min(duration_min_ns) AS agg_min_ns, max(duration_max_ns) AS agg_max_ns, sumMap(latency) AS agg_latency,
  ${cumulativeColumns(sql`agg_latency`, sql`agg_keys`, sql`agg_cum`)}`;

/** Also merges the failed calls' latencies, which apdex needs (kept apart: not every query does). */
export const APDEX_AGGREGATES: SqlFragment = sql`sumMap(error_latency) AS agg_error_latency,
  ${cumulativeColumns(sql`agg_error_latency`, sql`agg_error_keys`, sql`agg_error_cum`)}`;

/**
 * A latency quantile of the merged map, clamped to the exact min and max: the true value lies in
 * [min, max] and within 1% of the bucket's value, so clamping only moves the answer closer to it.
 */
function quantileMs(q: number): SqlFragment {
  return sql`if(agg_calls = 0, NULL, least(greatest(${quantileFromCumulative(sql`agg_keys`, sql`agg_cum`, q)}, agg_min_ns / 1e6), agg_max_ns / 1e6))`;
}

/** The outer columns read by `toRedStats` (over a subquery that selected `RED_AGGREGATES`). */
export function redColumns(): SqlFragment {
  return sql`toString(agg_calls) AS calls, toString(agg_errors) AS errors,
    if(agg_calls = 0, NULL, agg_sum_ns / agg_calls / 1e6) AS avg_ms,
    ${quantileMs(0.5)} AS p50_ms, ${quantileMs(0.9)} AS p90_ms, ${quantileMs(0.95)} AS p95_ms, ${quantileMs(0.99)} AS p99_ms,
    if(agg_calls = 0, NULL, agg_max_ns / 1e6) AS max_ms`;
}

/** Apdex of the merged maps for a threshold (ms) given as SQL, as column `apdex` (needs `APDEX_AGGREGATES`). */
export function apdexColumn(thresholdMs: SqlFragment): SqlFragment {
  const all = { keys: sql`agg_keys`, cumulative: sql`agg_cum` };
  const failed = { keys: sql`agg_error_keys`, cumulative: sql`agg_error_cum` };
  return sql`${apdexFromCumulative(all, failed, sql`agg_calls`, thresholdMs)} AS apdex`;
}

export interface RedRow {
  readonly calls: string;
  readonly errors: string;
  readonly avg_ms: number | null;
  readonly p50_ms: number | null;
  readonly p90_ms: number | null;
  readonly p95_ms: number | null;
  readonly p99_ms: number | null;
  readonly max_ms: number | null;
}

/** Statistics of a row from `redColumns()`; `seconds` is the time the calls are spread over. */
export function toRedStats(row: RedRow, seconds: number): RedStats {
  const calls = Number(row.calls);
  const errors = Number(row.errors);
  return {
    calls,
    rate: seconds > 0 ? calls / seconds : 0,
    errors,
    errorRate: calls > 0 ? errors / calls : 0,
    avgMs: row.avg_ms,
    p50Ms: row.p50_ms,
    p90Ms: row.p90_ms,
    p95Ms: row.p95_ms,
    p99Ms: row.p99_ms,
    maxMs: row.max_ms,
  };
}

/** The statistics of nothing: a service without requests in the range. */
export const EMPTY_RED_STATS: RedStats = {
  calls: 0,
  rate: 0,
  errors: 0,
  errorRate: 0,
  avgMs: null,
  p50Ms: null,
  p90Ms: null,
  p95Ms: null,
  p99Ms: null,
  maxMs: null,
};
