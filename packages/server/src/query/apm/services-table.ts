import type { ApmServiceSummary, ApmServicesResponse } from '@sightline/contract';
import type { ApmConfig } from '../../config/schema.ts';
import { joinSql, param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { tableRows } from './aggregate-source.ts';
import { readApdexThresholds } from './apdex-settings.ts';
import { inEnvironment, overflowName } from './apm-filters.ts';
import { chooseStep, planSources, rangeSeconds, type MinuteRange } from './apm-range.ts';
import { parseLatencyMap } from './latency-map.ts';
import { OVERFLOW_TABLE, overflowNotice, overflowRows } from './overflow-notices.ts';
import { apdexOfMeasures, redStatsOf, type MergedMeasures } from './red-from-maps.ts';
import { EMPTY_RED_STATS } from './red-stats.ts';
import { alignToSteps, stepGrid, stepIndexSql, type StepGrid } from './step-grid.ts';

export interface ServicesQuery {
  readonly range: MinuteRange;
  readonly environment?: string | undefined;
}

/** Sparklines aim at about this many points (30–60). */
const SPARKLINE_POINTS = 40;
const SPARKLINE_MAX_POINTS = 60;
/** How far before the end of a range the services table looks for services that went quiet. */
export const INACTIVE_LOOKBACK_SECONDS = 30 * 24 * 3600;
const DAY = 24 * 3600;

interface ServiceRow {
  readonly service: string;
  readonly n_calls: string;
  readonly n_errors: string;
  readonly sum_ns: string;
  readonly min_ns: string;
  readonly max_ns: string;
  /** Bucket index → count, as the store writes a Map in JSON. */
  readonly merged_latency: Readonly<Record<string, string>>;
  readonly merged_error_latency: Readonly<Record<string, string>>;
  /** Step index → calls / errors. */
  readonly spark_calls: Readonly<Record<string, string>>;
  readonly spark_errors: Readonly<Record<string, string>>;
  /** Spans past a cap in the range: of this service's operations, or of services (`__overflow__`). */
  /** 1 when the service has requests in the range or the lookback period (0: only overflow notices name it). */
  readonly listed: number;
  readonly overflow_spans: string;
  readonly overflow_first_s: number;
  readonly overflow_last_s: number;
}

/** What a row is read for (bit flags): the statistics, the sparkline, only naming a service, an overflow notice. */
const STATS = 1;
const SPARKLINE = 2;
const NAME_ONLY = 4;
const OVERFLOW = 8;

const MEASURES = sql`calls, errors, duration_sum_ns, duration_min_ns, duration_max_ns, latency, error_latency`;
const COUNTS_ONLY = sql`calls, errors, toUInt64(0) AS duration_sum_ns, toUInt64(0) AS duration_min_ns, toUInt64(0) AS duration_max_ns,
  CAST(map(), 'Map(UInt16, UInt64)') AS latency, CAST(map(), 'Map(UInt16, UInt64)') AS error_latency`;

const OVERFLOW_COUNTS = sql`calls, toUInt64(0) AS errors, toUInt64(0) AS duration_sum_ns, toUInt64(0) AS duration_min_ns,
  toUInt64(0) AS duration_max_ns, CAST(map(), 'Map(UInt16, UInt64)') AS latency, CAST(map(), 'Map(UInt16, UInt64)') AS error_latency`;

function readFor(flags: number): SqlFragment {
  return sql`${param('UInt8', flags)} AS part`;
}

function flagged(flag: number): SqlFragment {
  return sql`bitAnd(part, ${param('UInt8', flag)}) != 0`;
}

function aggregates(grid: StepGrid): SqlFragment {
  const step = sql`toUInt32(${stepIndexSql(grid)})`;
  const stats = flagged(STATS);
  const spark = flagged(SPARKLINE);
  const overflow = flagged(OVERFLOW);
  const listed = flagged(STATS | SPARKLINE | NAME_ONLY);
  return sql`toString(sumIf(calls, ${stats})) AS n_calls, toString(sumIf(errors, ${stats})) AS n_errors,
    toString(sumIf(duration_sum_ns, ${stats})) AS sum_ns, toString(minIf(duration_min_ns, ${stats})) AS min_ns,
    toString(maxIf(duration_max_ns, ${stats})) AS max_ns,
    sumMapIf(latency, ${stats}) AS merged_latency, sumMapIf(error_latency, ${stats}) AS merged_error_latency,
    sumMapIf(map(${step}, calls), ${spark}) AS spark_calls, sumMapIf(map(${step}, errors), ${spark}) AS spark_errors,
    toUInt8(countIf(${listed}) > 0) AS listed, toString(sumIf(calls, ${overflow})) AS overflow_spans, toUnixTimestamp(minIf(time, ${overflow})) AS overflow_first_s,
    toUnixTimestamp(maxIf(time, ${overflow})) AS overflow_last_s`;
}

/**
 * The rows the services table reads, in at most four scans. Latency distributions are most of the
 * bytes, so the statistics read the coarsest rollups covering the range: whole days from the daily
 * table, the partial days' whole hours from the hourly one, the partial hours from the minute one.
 * The sparkline counts calls per step (whole hours on long ranges), so over the whole days it reads
 * the hourly table's counts only. The daily table also names the services seen in the lookback
 * period, so services quiet in the range are listed.
 */
function serviceSourceRows(range: MinuteRange, environment: string | undefined): SqlFragment {
  const where = inEnvironment(sql`service_name != ${overflowName()}`, environment);
  const plan = planSources(range, true);
  const prefix = sql`service_name, time`;
  const reads: SqlFragment[] = [];
  if (plan.minute.length > 0) reads.push(tableRows('apm_service_metrics_1m', plan.minute, where, sql`${prefix}, ${readFor(STATS | SPARKLINE)}, ${MEASURES}`));
  if (plan.hour.length > 0) reads.push(tableRows('apm_service_metrics_1h', plan.hour, where, sql`${prefix}, ${readFor(STATS | SPARKLINE)}, ${MEASURES}`));
  if (plan.day !== undefined) reads.push(tableRows('apm_service_metrics_1h', [plan.day], where, sql`${prefix}, ${readFor(SPARKLINE)}, ${COUNTS_ONLY}`));
  const lookbackFromS = Math.floor(Math.max(0, Math.min(range.startS, range.endS - INACTIVE_LOOKBACK_SECONDS)) / DAY) * DAY;
  const days = plan.day;
  const dayPart =
    days === undefined
      ? readFor(NAME_ONLY)
      : sql`if(time >= toDateTime(${days.startS}), ${param('UInt8', STATS)}, ${param('UInt8', NAME_ONLY)}) AS part`;
  reads.push(tableRows('apm_service_metrics_1d', [{ startS: lookbackFromS, endS: days?.endS ?? range.endS }], where, sql`${prefix}, ${dayPart}, ${MEASURES}`));
  reads.push(tableRows(OVERFLOW_TABLE, [range], overflowRows({ range, environment }), sql`${prefix}, ${readFor(OVERFLOW)}, ${OVERFLOW_COUNTS}`));
  return sql`(${joinSql(reads, ' UNION ALL ')})`;
}

/**
 * Every service's merged measures and sparkline, and the services quiet in the range, in one query
 * of plain aggregates; statistics and apdex are derived in JS. The embedded engine runs parameterized
 * queries one at a time, and analysing quantile and apdex expressions costs more than reading the
 * rows (~20 ms against ~5 ms to merge 7 days of a service), so this page asks little and simply.
 */
async function serviceRows(store: Store, limits: ReadLimits, query: ServicesQuery, grid: StepGrid): Promise<ServiceRow[]> {
  // No alias repeats a column name: the store prefers columns to aliases.
  return store.query<ServiceRow>(
    sql`SELECT service_name AS service, ${aggregates(grid)} FROM ${serviceSourceRows(query.range, query.environment)}
        GROUP BY service_name ORDER BY service_name LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
}

function sparklineOf(grid: StepGrid, counts: Readonly<Record<string, string>>): number[] {
  const steps = new Map(Object.entries(counts).map(([step, count]) => [Number(step), Number(count)]));
  return alignToSteps(grid, steps, (count) => count, 0);
}

function measuresOf(row: ServiceRow): MergedMeasures {
  return {
    calls: Number(row.n_calls),
    errors: Number(row.n_errors),
    durationSumNs: Number(row.sum_ns),
    durationMinNs: Number(row.min_ns),
    durationMaxNs: Number(row.max_ns),
    latency: parseLatencyMap(row.merged_latency),
    errorLatency: parseLatencyMap(row.merged_error_latency),
  };
}

/**
 * The services table: each service's requests (entry-point spans) over the range, with apdex at
 * the service's threshold and a sparkline. Services quiet in the range but seen in the lookback
 * period are listed as inactive with empty statistics; `__overflow__` is reported as a notice.
 */
export async function servicesTable(store: Store, limits: ReadLimits, apm: ApmConfig, query: ServicesQuery): Promise<ApmServicesResponse> {
  const { range } = query;
  const grid = stepGrid(range, chooseStep(range, Math.ceil(rangeSeconds(range) / SPARKLINE_POINTS), SPARKLINE_MAX_POINTS));
  const [rows, thresholds] = await Promise.all([serviceRows(store, limits, query, grid), readApdexThresholds(store, limits)]);
  const overflow = rows
    .filter((row) => Number(row.overflow_spans) > 0)
    .map((row) => overflowNotice(apm, row.service, row.overflow_first_s, row.overflow_last_s, Number(row.overflow_spans)));
  const seconds = rangeSeconds(range);
  const services = rows.filter((row) => row.listed === 1).map((row): ApmServiceSummary => {
    const measures = measuresOf(row);
    const active = measures.calls > 0;
    const thresholdMs = thresholds.get(row.service) ?? apm.defaultApdexThresholdMs;
    return {
      name: row.service,
      ...(active ? redStatsOf(measures, seconds) : EMPTY_RED_STATS),
      active,
      apdexThresholdMs: thresholdMs,
      apdex: apdexOfMeasures(measures, thresholdMs),
      sparkline: { startMs: grid.startS * 1000, stepSeconds: grid.stepSeconds, calls: sparklineOf(grid, row.spark_calls), errors: sparklineOf(grid, row.spark_errors) },
    };
  });
  return { services, overflow };
}
