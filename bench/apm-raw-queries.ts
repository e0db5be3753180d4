import type { ChdbStore } from '../packages/server/src/storage/chdb/chdb-store.ts';
import { sql } from '../packages/server/src/storage/sql.ts';

/**
 * The APM tables computed from raw spans, as a system without span metrics would: exact
 * nearest-rank quantiles over every matching span. The baseline of bench/apm.ts.
 */
interface Range {
  readonly startNs: bigint;
  readonly endNs: bigint;
}

interface RawRow {
  readonly name: string;
  readonly calls: string;
  readonly errors: string;
  readonly avgMs: number;
  readonly p: readonly number[];
  readonly apdex?: number;
}

export interface RawCalls {
  readonly name: string;
  readonly calls: number;
  readonly p99Ms: number | null;
}

/** Exact nearest-rank p50/p95/p99 (the value of rank ⌈q·n⌉) of the inner query's `sorted` durations. */
const NEAREST_RANK_MS = sql`arrayMap(q -> sorted[toUInt64(greatest(1, ceil(q * length(sorted))))] / 1e6, [0.5, 0.95, 0.99])`;

function inRange(range: Range) {
  return sql`timestamp >= fromUnixTimestamp64Nano(toInt64(${range.startNs})) AND timestamp < fromUnixTimestamp64Nano(toInt64(${range.endNs}))`;
}

/** Entry spans (roots, servers, consumers) per service: calls, errors, avg, p50/p95/p99, apdex, the services seen in the lookback, and the per-step sparkline. */
export async function rawServicesTable(store: ChdbStore, range: Range, apdexMs: number): Promise<RawCalls[]> {
  const thresholdNs = apdexMs * 1e6;
  const rows = await store.query<RawRow>(sql`
    SELECT name, calls, errors, avgMs, apdex, ${NEAREST_RANK_MS} AS p FROM (
      SELECT service_name AS name, count() AS calls, countIf(status_code = 2) AS errors, avg(duration_ns) / 1e6 AS avgMs,
        arraySort(groupArray(duration_ns)) AS sorted,
        (countIf(status_code != 2 AND duration_ns <= ${thresholdNs}) + countIf(status_code != 2 AND duration_ns > ${thresholdNs} AND duration_ns <= ${4 * thresholdNs}) / 2) / count() AS apdex
      FROM spans
      WHERE ${inRange(range)} AND (kind IN (2, 5) OR parent_span_id = toFixedString(unhex('0000000000000000'), 8))
      GROUP BY service_name)`);
  // Services quiet in the range but seen in the 30 days before its end are listed too (as inactive).
  await store.query(sql`
    SELECT DISTINCT service_name FROM spans
    WHERE timestamp >= fromUnixTimestamp64Nano(toInt64(${range.endNs - 30n * 86_400n * 1_000_000_000n})) AND timestamp < fromUnixTimestamp64Nano(toInt64(${range.endNs}))`);
  const stepSeconds = Math.max(60, Math.ceil(Number((range.endNs - range.startNs) / 1_000_000_000n) / 60 / 60) * 60);
  await store.query(sql`
    SELECT service_name, toStartOfInterval(timestamp, toIntervalSecond(${stepSeconds})) AS step, count(), countIf(status_code = 2)
    FROM spans WHERE ${inRange(range)} AND (kind IN (2, 5) OR parent_span_id = toFixedString(unhex('0000000000000000'), 8))
    GROUP BY service_name, step`);
  return rows.map((row) => ({ name: row.name, calls: Number(row.calls), p99Ms: row.p[2] ?? null }));
}

/** Every operation (name and kind) of one service. */
export async function rawOperationsTable(store: ChdbStore, range: Range, service: string): Promise<RawCalls[]> {
  const rows = await store.query<RawRow & { kind: number }>(sql`
    SELECT name, kind, calls, errors, avgMs, ${NEAREST_RANK_MS} AS p FROM (
      SELECT name, kind, count() AS calls, countIf(status_code = 2) AS errors, avg(duration_ns) / 1e6 AS avgMs,
        arraySort(groupArray(duration_ns)) AS sorted
      FROM spans
      WHERE service_name = ${service} AND ${inRange(range)}
      GROUP BY name, kind)`);
  return rows.map((row) => ({ name: `${row.name}#${row.kind}`, calls: Number(row.calls), p99Ms: row.p[2] ?? null }));
}
