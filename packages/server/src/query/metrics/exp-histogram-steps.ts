import { identifier, param, sql, type SqlFragment } from '../../storage/sql.ts';
import { inRange, nanosTime } from '../time-range.ts';
import { counterLookbackNs } from './number-steps.ts';
import { pointsOfSeries } from './series-selection.ts';
import { stepIndex, type StepGrid } from './step-grid.ts';

export interface ExpHistogramStepsQuery {
  readonly metricName: string;
  readonly series: SqlFragment;
  readonly grid: StepGrid;
  readonly cumulative: boolean;
  /** Every point is brought to this (the smallest) scale so buckets of all series line up. */
  readonly scale: number;
  readonly maxRows: number;
}

function pointsWindow(query: Pick<ExpHistogramStepsQuery, 'metricName' | 'grid' | 'cumulative'>): SqlFragment {
  const { grid } = query;
  const startNs = query.cumulative ? grid.startNs - counterLookbackNs(grid) : grid.startNs;
  return sql`${pointsOfSeries(query.metricName)} AND ${inRange(sql`timestamp`, { startNs, endNs: grid.endNs })}`;
}

/** The smallest scale among the points a query reads (null when there are none). */
export function minScaleSql(query: Pick<ExpHistogramStepsQuery, 'metricName' | 'series' | 'grid' | 'cumulative'>): SqlFragment {
  return sql`${query.series} SELECT if(count() = 0, NULL, min(scale)) AS min_scale FROM metric_points_exp_histogram WHERE ${pointsWindow(query)}`;
}

/**
 * One side's buckets as a (indexes, counts) tuple at the common scale. Index i at scale s covers
 * (base^i, base^(i+1)] with base = 2^(2^-s); lowering the scale by d maps i to i >> d.
 */
function rescaled(side: 'positive' | 'negative', scale: number): SqlFragment {
  const offset = identifier(`${side}_offset`);
  const counts = identifier(`${side}_bucket_counts`);
  return sql`arrayReduce('sumMap',
    [arrayMap(i -> bitShiftRight(toInt64(${offset}) + i - 1, scale - ${param('Int32', scale)}), arrayEnumerate(${counts}))],
    [arrayMap(c -> toInt64(c), ${counts})])`;
}

/** `now` minus `previous`, bucket by bucket (both (indexes, counts) tuples). */
function difference(now: string, previous: string): SqlFragment {
  const [a, b] = [identifier(now), identifier(previous)];
  return sql`arrayReduce('sumMap', [arrayConcat(${a}.1, ${b}.1)], [arrayConcat(${a}.2, arrayMap(c -> -c, ${b}.2))])`;
}

function scaled(tuple: string): SqlFragment {
  const t = identifier(tuple);
  return sql`(${t}.1, arrayMap(c -> c * fresh_weight, ${t}.2))`;
}

/** Each point's observations during its interval (see histogram-steps.ts for the reset rules). */
function increases(query: ExpHistogramStepsQuery): SqlFragment {
  const { grid } = query;
  const normalized = sql`SELECT fingerprint, timestamp, start_timestamp, count AS total, toInt64(zero_count) AS zero_now,
      ${rescaled('positive', query.scale)} AS pos_now, ${rescaled('negative', query.scale)} AS neg_now
    FROM metric_points_exp_histogram WHERE ${pointsWindow(query)}`;
  const bucket = stepIndex(grid, sql`timestamp`);
  if (!query.cumulative) {
    return sql`SELECT fingerprint, ${bucket} AS bucket, pos_now AS pos_inc, neg_now AS neg_inc, zero_now AS zero_inc FROM (${normalized})`;
  }
  const rangeStart = nanosTime(grid.startNs);
  return sql`SELECT fingerprint, ${bucket} AS bucket,
      rn = 1 OR total < prev_total OR start_timestamp != prev_start AS whole,
      if(rn = 1 AND start_timestamp < ${rangeStart}, 0, 1) AS fresh_weight,
      if(whole, ${scaled('pos_now')}, ${difference('pos_now', 'prev_pos')}) AS pos_inc,
      if(whole, ${scaled('neg_now')}, ${difference('neg_now', 'prev_neg')}) AS neg_inc,
      if(whole, zero_now * fresh_weight, greatest(zero_now - prev_zero, 0)) AS zero_inc
    FROM (
      SELECT *, lagInFrame(total) OVER w AS prev_total, lagInFrame(start_timestamp) OVER w AS prev_start,
        lagInFrame(zero_now) OVER w AS prev_zero, lagInFrame(pos_now) OVER w AS prev_pos, lagInFrame(neg_now) OVER w AS prev_neg,
        row_number() OVER w AS rn
      FROM (${normalized})
      WINDOW w AS (PARTITION BY fingerprint ORDER BY timestamp ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
    ) WHERE timestamp >= ${rangeStart}`;
}

/** Rows (group_values, bucket, pos, neg, zero): every series of a group merged per step. */
export function expHistogramStepsSql(query: ExpHistogramStepsQuery): SqlFragment {
  return sql`${query.series}
    SELECT group_values, bucket, sumMap(pos_inc.1, pos_inc.2) AS pos, sumMap(neg_inc.1, neg_inc.2) AS neg, sum(zero_inc) AS zero
    FROM (${increases(query)}) AS points
    INNER JOIN series_groups USING (fingerprint)
    GROUP BY group_values, bucket
    ORDER BY group_values, bucket
    LIMIT ${param('UInt32', query.maxRows + 1)}`;
}

/** Index and count arrays as the JSON output gives them (64-bit integers as text). */
type IndexCounts = readonly [readonly string[], readonly string[]];

export interface ExpHistogramStepRow {
  readonly group_values: readonly string[];
  readonly bucket: string;
  readonly pos: IndexCounts;
  readonly neg: IndexCounts;
  readonly zero: string;
}
