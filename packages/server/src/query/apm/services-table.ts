import type { ApmServiceSummary, ApmServicesResponse } from '@sightline/contract';
import type { ApmConfig } from '../../config/schema.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { storedThresholdOfService } from './apdex-settings.ts';
import { environmentIs, overflowName } from './apm-filters.ts';
import { chooseStep, rangeSeconds, type MinuteRange } from './apm-range.ts';
import { cumulativeColumns } from './latency-sql.ts';
import { overflowNotices } from './overflow-notices.ts';
import { apdexColumn, EMPTY_RED_STATS, redColumns, toRedStats, type RedRow } from './red-stats.ts';
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

interface ServiceRow extends RedRow {
  readonly service: string;
  readonly apdex: number | null;
  readonly threshold_ms: number;
  /** Step index → calls / errors (64-bit counts as text). */
  readonly spark_calls: Readonly<Record<string, string>>;
  readonly spark_errors: Readonly<Record<string, string>>;
}

/**
 * The merges of `red-stats.ts`, over rows flagged `in_range`: the rows of the lookback period only
 * name services (so quiet ones are listed too). Plus per-step calls and errors for the sparkline.
 */
function inRangeAggregates(grid: StepGrid): SqlFragment {
  const step = sql`toUInt32(${stepIndexSql(grid)})`;
  return sql`sumIf(calls, in_range) AS agg_calls, sumIf(errors, in_range) AS agg_errors, sumIf(duration_sum_ns, in_range) AS agg_sum_ns,
    minIf(duration_min_ns, in_range) AS agg_min_ns, maxIf(duration_max_ns, in_range) AS agg_max_ns,
    sumMapIf(latency, in_range) AS agg_latency, ${cumulativeColumns(sql`agg_latency`, sql`agg_keys`, sql`agg_cum`)},
    sumMapIf(error_latency, in_range) AS agg_error_latency, ${cumulativeColumns(sql`agg_error_latency`, sql`agg_error_keys`, sql`agg_error_cum`)},
    sumMapIf(map(${step}, calls), in_range) AS spark_calls, sumMapIf(map(${step}, errors), in_range) AS spark_errors`;
}

/** Services seen from the lookback period (or the range, when longer) to the end of the range, from the daily rollup. */
function lookbackRows(range: MinuteRange, where: SqlFragment): SqlFragment {
  const fromS = Math.floor(Math.max(0, Math.min(range.startS, range.endS - INACTIVE_LOOKBACK_SECONDS)) / DAY) * DAY;
  return sql`SELECT *, 0 AS in_range FROM apm_service_metrics_1d
    WHERE time >= toDateTime(${fromS}, 'UTC') AND time < toDateTime(${range.endS}, 'UTC') AND (${where})`;
}

/**
 * Every service's statistics, apdex and sparkline, and the services quiet in the range, in one
 * query: the embedded engine runs parameterized queries one at a time, so on this page the number
 * of queries, not their size, sets the time (7 days: ~25 ms for this one).
 */
async function serviceRows(store: Store, limits: ReadLimits, apm: ApmConfig, query: ServicesQuery, grid: StepGrid): Promise<ServiceRow[]> {
  const where = sql`service_name != ${overflowName()} AND ${environmentIs(query.environment)}`;
  const threshold = storedThresholdOfService(apm.defaultApdexThresholdMs);
  // The threshold is a column of its own layer: written into each use, its subquery is analysed each time.
  return store.query<ServiceRow>(
    sql`SELECT service_name AS service, ${redColumns()}, ${apdexColumn(sql`threshold_ms`)}, threshold_ms, spark_calls, spark_errors
        FROM (SELECT *, ${threshold} AS threshold_ms
              FROM (SELECT service_name, ${inRangeAggregates(grid)}
                    FROM (SELECT *, 1 AS in_range FROM ${aggregateRows('service', query.range, where)} UNION ALL ${lookbackRows(query.range, where)})
                    GROUP BY service_name))
        ORDER BY service_name LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
}

function sparklineOf(grid: StepGrid, counts: Readonly<Record<string, string>>): number[] {
  const steps = new Map(Object.entries(counts).map(([step, count]) => [Number(step), Number(count)]));
  return alignToSteps(grid, steps, (count) => count, 0);
}

/**
 * The services table: each service's requests (entry-point spans) over the range, with apdex at
 * the service's threshold and a sparkline. Services quiet in the range but seen in the lookback
 * period are listed as inactive with empty statistics; `__overflow__` is reported as a notice.
 */
export async function servicesTable(store: Store, limits: ReadLimits, apm: ApmConfig, query: ServicesQuery): Promise<ApmServicesResponse> {
  const { range, environment } = query;
  const grid = stepGrid(range, chooseStep(range, Math.ceil(rangeSeconds(range) / SPARKLINE_POINTS), SPARKLINE_MAX_POINTS));
  const [rows, overflow] = await Promise.all([serviceRows(store, limits, apm, query, grid), overflowNotices(store, limits, apm, { range, environment })]);
  const seconds = rangeSeconds(range);
  const services = rows.map((row): ApmServiceSummary => {
    const active = Number(row.calls) > 0;
    return {
      name: row.service,
      ...(active ? toRedStats(row, seconds) : EMPTY_RED_STATS),
      active,
      apdexThresholdMs: row.threshold_ms,
      apdex: active ? row.apdex : null,
      sparkline: { startMs: grid.startS * 1000, stepSeconds: grid.stepSeconds, calls: sparklineOf(grid, row.spark_calls), errors: sparklineOf(grid, row.spark_errors) },
    };
  });
  return { services, overflow };
}
