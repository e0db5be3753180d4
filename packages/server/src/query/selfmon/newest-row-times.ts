import { identifier, joinSql, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { inRange, nanosText, type TimeRange } from '../time-range.ts';

export interface NewestRowTimes {
  /** Unix nanoseconds of the newest row's time per signal; undefined when the window holds none. */
  readonly spans: bigint | undefined;
  readonly logs: bigint | undefined;
  readonly metrics: bigint | undefined;
}

export interface NewestRowOptions {
  /** Only rows whose time lies here are looked at (recent partitions only; rows from skewed future clocks left out). */
  readonly window: TimeRange;
  /** Logs and spans of this service are left out (the process's own). */
  readonly excludeService: string;
  /** Metrics whose name starts with this are left out (the process's own). */
  readonly excludeMetricPrefix: string;
}

const METRIC_POINT_TABLES = ['metric_points_number', 'metric_points_histogram', 'metric_points_exp_histogram', 'metric_points_summary'] as const;

function newestMetric(table: string, options: NewestRowOptions): SqlFragment {
  return sql`SELECT maxOrNull(timestamp) AS newest FROM ${identifier(table)}
    WHERE ${inRange(sql`timestamp`, options.window)} AND NOT startsWith(metric_name, ${options.excludeMetricPrefix})`;
}

/**
 * The time of the newest span, log record and metric point among recent rows, in one read. Each
 * table is read only within the window, so the engine prunes to its last partitions.
 */
export async function readNewestRowTimes(store: Store, options: NewestRowOptions): Promise<NewestRowTimes> {
  const { window, excludeService } = options;
  const metrics = METRIC_POINT_TABLES.map((table) => newestMetric(table, options));
  const rows = await store.query<{ signal: string; newest: string | null }>(sql`
    SELECT 'spans' AS signal, ${nanosText(sql`maxOrNull(timestamp)`)} AS newest FROM spans
      WHERE ${inRange(sql`timestamp`, window)} AND service_name != ${excludeService}
    UNION ALL
    SELECT 'logs' AS signal, ${nanosText(sql`maxOrNull(timestamp)`)} AS newest FROM logs
      WHERE ${inRange(sql`timestamp`, window)} AND service_name != ${excludeService}
    UNION ALL
    SELECT 'metrics' AS signal, ${nanosText(sql`maxOrNull(newest)`)} AS newest
      FROM (${joinSql(metrics, ' UNION ALL ')})`);
  const newest = (signal: string): bigint | undefined => {
    const value = rows.find((row) => row.signal === signal)?.newest;
    return value === null || value === undefined ? undefined : BigInt(value);
  };
  return { spans: newest('spans'), logs: newest('logs'), metrics: newest('metrics') };
}
