import { identifier, param, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import { inRange, nanosTime } from '../time-range.ts';
import { pointsOfSeries } from './series-selection.ts';
import { stepIndex, type StepGrid } from './step-grid.ts';

export type Aggregation = 'sum' | 'avg' | 'min' | 'max' | 'count';

/**
 * How one series becomes one value per step:
 * - `last`: the last value in the step (gauges, cumulative values read as they are);
 * - `sum`: the sum of the step's values (delta temporality: each value is an increase);
 * - `increase`: the growth of a cumulative counter in the step, the sum of the differences between
 *   consecutive points; a drop (or a new start time) means the counter restarted, so the new
 *   value itself is the increase.
 */
export type SeriesReduce = 'last' | 'sum' | 'increase';

/** Where the numbers come from: a points table and an expression over its columns. */
export interface NumberSource {
  readonly table: 'metric_points_number' | 'metric_points_histogram' | 'metric_points_exp_histogram' | 'metric_points_summary';
  readonly value: SqlFragment;
  /** Extra condition on the points (e.g. that a summary has the quantile asked for). */
  readonly where?: SqlFragment;
}

export interface NumberStepsQuery {
  readonly metricName: string;
  readonly series: SqlFragment;
  readonly grid: StepGrid;
  readonly source: NumberSource;
  readonly reduce: SeriesReduce;
  /** Divide each series' step value by the step length (rate). */
  readonly perSecond: boolean;
  readonly aggregation: Aggregation;
  readonly maxRows: number;
}

/**
 * A counter's first point in the window has no predecessor; the window starts this much before the
 * range (at least one step) so the first step's increase has a base.
 */
export function counterLookbackNs(grid: StepGrid): bigint {
  const tenMinutes = 600_000_000_000n;
  return grid.stepNs > tenMinutes ? grid.stepNs : tenMinutes;
}

const GROUP_AGGREGATES: Record<Aggregation, string> = {
  sum: 'sum(series_value)',
  avg: 'avg(series_value)',
  min: 'min(series_value)',
  max: 'max(series_value)',
  count: 'toFloat64(count())',
};

function pointWindow(query: NumberStepsQuery, fromNs: bigint): SqlFragment {
  const { source, grid } = query;
  const extra = source.where === undefined ? trustedSql('1') : source.where;
  return sql`${pointsOfSeries(query.metricName)} AND ${inRange(sql`timestamp`, { startNs: fromNs, endNs: grid.endNs })} AND (${extra})`;
}

function perSeriesSteps(query: NumberStepsQuery): SqlFragment {
  const { source, grid } = query;
  const table = identifier(source.table);
  if (query.reduce !== 'increase') {
    const reduce = query.reduce === 'last' ? trustedSql('argMax(point_value, timestamp)') : trustedSql('sum(point_value)');
    return sql`SELECT fingerprint, bucket, ${reduce} AS series_value FROM (
        SELECT fingerprint, timestamp, ${stepIndex(grid, sql`timestamp`)} AS bucket, toFloat64(${source.value}) AS point_value
        FROM ${table} WHERE ${pointWindow(query, grid.startNs)}
      ) GROUP BY fingerprint, bucket`;
  }
  const rangeStart = nanosTime(grid.startNs);
  return sql`SELECT fingerprint, bucket, sum(delta) AS series_value FROM (
      SELECT fingerprint, timestamp, ${stepIndex(grid, sql`timestamp`)} AS bucket,
        if(rn = 1,
          if(start_timestamp >= ${rangeStart}, point_value, 0),
          if(point_value < prev_value OR start_timestamp != prev_start, point_value, point_value - prev_value)) AS delta
      FROM (
        SELECT fingerprint, timestamp, start_timestamp, toFloat64(${source.value}) AS point_value,
          lagInFrame(toFloat64(${source.value})) OVER w AS prev_value,
          lagInFrame(start_timestamp) OVER w AS prev_start,
          row_number() OVER w AS rn
        FROM ${table} WHERE ${pointWindow(query, grid.startNs - counterLookbackNs(grid))}
        WINDOW w AS (PARTITION BY fingerprint ORDER BY timestamp ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
      ) WHERE timestamp >= ${rangeStart}
    ) GROUP BY fingerprint, bucket`;
}

/** Rows (group_values, bucket, v): one value per group and step, computed entirely in the engine. */
export function numberStepsSql(query: NumberStepsQuery): SqlFragment {
  const seriesValue = query.perSecond ? sql`series_value / ${param('Float64', query.grid.stepSeconds)}` : trustedSql('series_value');
  return sql`${query.series}
    SELECT group_values, bucket, ${trustedSql(GROUP_AGGREGATES[query.aggregation])} AS v
    FROM (SELECT fingerprint, bucket, ${seriesValue} AS series_value FROM (${perSeriesSteps(query)})) AS per_series
    INNER JOIN series_groups USING (fingerprint)
    GROUP BY group_values, bucket
    ORDER BY group_values, bucket
    LIMIT ${param('UInt32', query.maxRows + 1)}`;
}

export interface NumberStepRow {
  readonly group_values: readonly string[];
  readonly bucket: string;
  /** Null when the value is NaN or infinite (JSON has no such numbers). */
  readonly v: number | null;
}
