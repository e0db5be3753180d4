import type { ApmServiceSummary, ApmServicesResponse } from '@sightline/contract';
import type { ApmConfig } from '../../config/schema.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { readApdexThresholds } from './apdex-settings.ts';
import { environmentIs, overflowName } from './apm-filters.ts';
import { chooseStep, rangeSeconds, type MinuteRange } from './apm-range.ts';
import { parseLatencyMap } from './latency-map.ts';
import { overflowNotices } from './overflow-notices.ts';
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
}

/**
 * Merges over rows flagged `in_range` (the rows of the lookback period only name services, so quiet
 * ones are listed too), plus per-step calls and errors for the sparkline.
 */
function inRangeAggregates(grid: StepGrid): SqlFragment {
  const step = sql`toUInt32(${stepIndexSql(grid)})`;
  return sql`toString(sumIf(calls, in_range)) AS n_calls, toString(sumIf(errors, in_range)) AS n_errors,
    toString(sumIf(duration_sum_ns, in_range)) AS sum_ns, toString(minIf(duration_min_ns, in_range)) AS min_ns,
    toString(maxIf(duration_max_ns, in_range)) AS max_ns,
    sumMapIf(latency, in_range) AS merged_latency, sumMapIf(error_latency, in_range) AS merged_error_latency,
    sumMapIf(map(${step}, calls), in_range) AS spark_calls, sumMapIf(map(${step}, errors), in_range) AS spark_errors`;
}

/** Services seen from the lookback period (or the range, when longer) to the end of the range, from the daily rollup. */
function lookbackRows(range: MinuteRange, where: SqlFragment): SqlFragment {
  const fromS = Math.floor(Math.max(0, Math.min(range.startS, range.endS - INACTIVE_LOOKBACK_SECONDS)) / DAY) * DAY;
  return sql`SELECT *, 0 AS in_range FROM apm_service_metrics_1d
    WHERE time >= toDateTime(${fromS}, 'UTC') AND time < toDateTime(${range.endS}, 'UTC') AND (${where})`;
}

/**
 * Every service's merged measures and sparkline, and the services quiet in the range, in one query
 * of plain aggregates; statistics and apdex are derived in JS. The embedded engine runs parameterized
 * queries one at a time, and analysing quantile and apdex expressions costs more than reading the
 * rows (~20 ms against ~5 ms to merge 7 days of a service), so this page asks little and simply.
 */
async function serviceRows(store: Store, limits: ReadLimits, query: ServicesQuery, grid: StepGrid): Promise<ServiceRow[]> {
  const where = sql`service_name != ${overflowName()} AND ${environmentIs(query.environment)}`;
  // No alias repeats a column name: the store prefers columns to aliases.
  return store.query<ServiceRow>(
    sql`SELECT service_name AS service, ${inRangeAggregates(grid)}
        FROM (SELECT *, 1 AS in_range FROM ${aggregateRows('service', query.range, where)} UNION ALL ${lookbackRows(query.range, where)})
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
  const { range, environment } = query;
  const grid = stepGrid(range, chooseStep(range, Math.ceil(rangeSeconds(range) / SPARKLINE_POINTS), SPARKLINE_MAX_POINTS));
  const [rows, thresholds, overflow] = await Promise.all([
    serviceRows(store, limits, query, grid),
    readApdexThresholds(store, limits),
    overflowNotices(store, limits, apm, { range, environment }),
  ]);
  const seconds = rangeSeconds(range);
  const services = rows.map((row): ApmServiceSummary => {
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
