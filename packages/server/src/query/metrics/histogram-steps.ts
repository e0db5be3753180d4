import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import { inRange, nanosTime } from '../time-range.ts';
import { counterLookbackNs } from './number-steps.ts';
import { pointsOfSeries } from './series-selection.ts';
import { stepIndex, type StepGrid } from './step-grid.ts';

export interface HistogramStepsQuery {
  readonly metricName: string;
  readonly series: SqlFragment;
  readonly grid: StepGrid;
  readonly cumulative: boolean;
  readonly maxRows: number;
}

/**
 * Each point's bucket counts as observations made during that point's interval: delta points as
 * they are; cumulative points minus the series' previous point (the whole point after a reset —
 * fewer observations, a new start time or a new bucket layout).
 */
function bucketIncreases(query: HistogramStepsQuery): SqlFragment {
  const { grid } = query;
  const bucket = stepIndex(grid, sql`timestamp`);
  if (!query.cumulative) {
    return sql`SELECT fingerprint, ${bucket} AS bucket, explicit_bounds AS bounds, bucket_counts AS increases
      FROM metric_points_histogram WHERE ${pointsOfSeries(query.metricName)} AND ${inRange(sql`timestamp`, grid)}`;
  }
  const rangeStart = nanosTime(grid.startNs);
  const window = { startNs: grid.startNs - counterLookbackNs(grid), endNs: grid.endNs };
  return sql`SELECT fingerprint, ${bucket} AS bucket, bounds,
      if(rn = 1,
        if(start_timestamp >= ${rangeStart}, counts_now, arrayMap(x -> toUInt64(0), counts_now)),
        if(total < prev_total OR start_timestamp != prev_start OR bounds != prev_bounds,
          counts_now,
          arrayMap((a, b) -> toUInt64(greatest(a, b) - b), counts_now, arrayResize(prev_counts, length(counts_now), 0)))) AS increases
    FROM (
      SELECT fingerprint, timestamp, start_timestamp, explicit_bounds AS bounds, bucket_counts AS counts_now, count AS total,
        lagInFrame(bucket_counts) OVER w AS prev_counts, lagInFrame(count) OVER w AS prev_total,
        lagInFrame(explicit_bounds) OVER w AS prev_bounds, lagInFrame(start_timestamp) OVER w AS prev_start,
        row_number() OVER w AS rn
      FROM metric_points_histogram WHERE ${pointsOfSeries(query.metricName)} AND ${inRange(sql`timestamp`, window)}
      WINDOW w AS (PARTITION BY fingerprint ORDER BY timestamp ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
    ) WHERE timestamp >= ${rangeStart}`;
}

/**
 * Rows (group_values, bucket, bounds, counts): the bucket counts of every series of a group merged
 * per step, one row per bucket layout. The quantile is interpolated from these in JS.
 */
export function histogramStepsSql(query: HistogramStepsQuery): SqlFragment {
  return sql`${query.series}
    SELECT group_values, bucket, bounds, sumForEach(increases) AS counts
    FROM (${bucketIncreases(query)}) AS points
    INNER JOIN series_groups USING (fingerprint)
    GROUP BY group_values, bucket, bounds
    ORDER BY group_values, bucket
    LIMIT ${param('UInt32', query.maxRows + 1)}`;
}

export interface HistogramStepRow {
  readonly group_values: readonly string[];
  readonly bucket: string;
  readonly bounds: readonly number[];
  readonly counts: readonly string[];
}
