import type { ApmServiceSummary, ApmServicesResponse, RedStats } from '@sightline/contract';
import type { ApmConfig } from '../../config/schema.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { readApdexThresholds, thresholdOfService } from './apdex-settings.ts';
import { environmentIs, overflowName } from './apm-filters.ts';
import { chooseStep, rangeSeconds, type MinuteRange } from './apm-range.ts';
import { knownServices } from './known-services.ts';
import { overflowNotices } from './overflow-notices.ts';
import { APDEX_AGGREGATES, apdexColumn, EMPTY_RED_STATS, RED_AGGREGATES, redColumns, toRedStats, type RedRow } from './red-stats.ts';
import { serviceSparklines, type Sparkline } from './service-sparklines.ts';
import { stepGrid } from './step-grid.ts';

export interface ServicesQuery {
  readonly range: MinuteRange;
  readonly environment?: string | undefined;
}

/** Sparklines aim at about this many points (30–60). */
const SPARKLINE_POINTS = 40;
const SPARKLINE_MAX_POINTS = 60;

interface ServiceRow extends RedRow {
  readonly service: string;
  readonly apdex: number | null;
}

interface ServiceStats {
  readonly stats: RedStats;
  readonly apdex: number | null;
}

async function serviceStats(
  store: Store,
  limits: ReadLimits,
  query: ServicesQuery,
  threshold: SqlFragment,
): Promise<Map<string, ServiceStats>> {
  const where = sql`service_name != ${overflowName()} AND ${environmentIs(query.environment)}`;
  const rows = await store.query<ServiceRow>(
    sql`SELECT service_name AS service, ${redColumns()}, ${apdexColumn(threshold)}
        FROM (SELECT service_name, ${RED_AGGREGATES}, ${APDEX_AGGREGATES} FROM ${aggregateRows('service', query.range, where, true)} GROUP BY service_name)
        ORDER BY service_name LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  const seconds = rangeSeconds(query.range);
  return new Map(rows.map((row) => [row.service, { stats: toRedStats(row, seconds), apdex: row.apdex }]));
}

/**
 * The services table: each service's requests (entry-point spans) over the range, with apdex at
 * the service's threshold and a sparkline. Services quiet in the range but seen in the lookback
 * period are listed as inactive with empty statistics; `__overflow__` is reported as a notice.
 */
export async function servicesTable(store: Store, limits: ReadLimits, apm: ApmConfig, query: ServicesQuery): Promise<ApmServicesResponse> {
  const { range, environment } = query;
  const thresholds = await readApdexThresholds(store, limits);
  const grid = stepGrid(range, chooseStep(range, Math.ceil(rangeSeconds(range) / SPARKLINE_POINTS), SPARKLINE_MAX_POINTS));
  const [stats, sparklines, known, overflow] = await Promise.all([
    serviceStats(store, limits, query, thresholdOfService(thresholds, apm.defaultApdexThresholdMs)),
    serviceSparklines(store, limits, grid, environment),
    knownServices(store, limits, range, environment),
    overflowNotices(store, limits, apm, { range, environment }),
  ]);
  const emptySparkline: Sparkline = { calls: new Array<number>(grid.count).fill(0), errors: new Array<number>(grid.count).fill(0) };
  const names = [...new Set([...stats.keys(), ...known])].sort();
  const services = names.map((name): ApmServiceSummary => {
    const own = stats.get(name);
    return {
      name,
      ...(own?.stats ?? EMPTY_RED_STATS),
      active: own !== undefined,
      apdexThresholdMs: thresholds.get(name) ?? apm.defaultApdexThresholdMs,
      apdex: own?.apdex ?? null,
      sparkline: { startMs: grid.startS * 1000, stepSeconds: grid.stepSeconds, ...(sparklines.get(name) ?? emptySparkline) },
    };
  });
  return { services, overflow };
}
