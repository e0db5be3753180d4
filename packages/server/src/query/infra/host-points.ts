/**
 * The two reads of host metric points, each one query over `metric_points_number`: figures over a
 * range and figures per step. The caller maps each series (fingerprint) to a key — e.g. "host A,
 * CPU mode idle" — and the engine aggregates the series of a key, so results stay small however
 * many CPUs or series a host has.
 *
 * Counters: the increase between consecutive points, a drop (or a new start time) counting as a
 * restart whose new value is the increase (as the metrics explorer does). Gauges: the newest value.
 */

import { AppError, ErrorCodes } from '../../errors.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { counterLookbackNs } from '../metrics/number-steps.ts';
import { stepIndex, type StepGrid } from '../metrics/step-grid.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { inRange, type TimeRange } from '../time-range.ts';

/** Most rows one read may return (keys × steps). */
export const MAX_HOST_ROWS = 100_000;

/** Series → key: `fingerprints[i]` (decimal text) belongs to key `keys[i]` (1-based). */
export interface KeyMapping {
  readonly metricNames: readonly string[];
  readonly fingerprints: readonly string[];
  readonly keys: readonly number[];
}

export interface KeySummaryRow {
  readonly key_index: number;
  /** Sum of the key's counter increases between points in the range. */
  readonly increase: number;
  /** Sum of the key's series rates (increase / time between their first and last point). */
  readonly rate: number;
  readonly n_rates: number;
  /** Sum of the key's series' newest values (gauges). */
  readonly last_value: number | null;
  /** Newest point, unix ns as text. */
  readonly last_ns: string;
  /** Shortest typical gap between a series' points, seconds; null with single points. */
  readonly interval_s: number | null;
}

export interface KeyStepRow {
  readonly key_index: number;
  readonly bucket: string;
  readonly increase: number;
  /** Points in the step with a predecessor (0: no increase is known). */
  readonly n_deltas: string;
  readonly last_value: number | null;
}

function pointsOf(mapping: KeyMapping, window: TimeRange): SqlFragment {
  return sql`metric_name IN ${param('Array(String)', mapping.metricNames)}
    AND fingerprint IN (SELECT arrayJoin(fp_list)) AND ${inRange(sql`timestamp`, window)}`;
}

/** Points with their counter delta and the seconds since the series' previous point (0 for the first). */
function deltas(mapping: KeyMapping, window: TimeRange, extra: SqlFragment = sql``): SqlFragment {
  return sql`SELECT fingerprint, timestamp, v ${extra}, rn > 1 AS based,
      if(rn = 1, 0, if(v < prev_v OR start_timestamp != prev_start, v, v - prev_v)) AS delta,
      if(rn = 1, 0, (toUnixTimestamp64Nano(timestamp) - toUnixTimestamp64Nano(prev_ts)) / 1e9) AS dt
    FROM (
      SELECT fingerprint, timestamp, start_timestamp, toFloat64(value) AS v,
        lagInFrame(toFloat64(value)) OVER w AS prev_v, lagInFrame(start_timestamp) OVER w AS prev_start,
        lagInFrame(timestamp) OVER w AS prev_ts, row_number() OVER w AS rn
      FROM metric_points_number WHERE ${pointsOf(mapping, window)}
      WINDOW w AS (PARTITION BY fingerprint ORDER BY timestamp ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
    )`;
}

function withKeys(mapping: KeyMapping): SqlFragment {
  return sql`WITH arrayMap(x -> toUInt64(x), ${param('Array(String)', mapping.fingerprints)}) AS fp_list`;
}

function keyOf(mapping: KeyMapping): SqlFragment {
  return sql`transform(fingerprint, fp_list, ${param('Array(UInt32)', mapping.keys)}, toUInt32(0))`;
}

async function run<Row>(store: Store, limits: ReadLimits, query: SqlFragment): Promise<Row[]> {
  const rows = await store.query<Row>(query, storeLimits(limits));
  if (rows.length > MAX_HOST_ROWS) {
    throw new AppError(ErrorCodes.QUERY_TOO_MUCH_DATA, `The result would exceed ${MAX_HOST_ROWS} rows; use a shorter range or a larger step.`);
  }
  return rows;
}

/** Per key over the range: counter increase and rate, newest gauge value, newest point, interval. */
export async function summarizeKeys(store: Store, limits: ReadLimits, range: TimeRange, mapping: KeyMapping): Promise<KeySummaryRow[]> {
  if (mapping.fingerprints.length === 0) return [];
  return run<KeySummaryRow>(
    store,
    limits,
    sql`${withKeys(mapping)}
    SELECT ${keyOf(mapping)} AS key_index, sum(inc) AS increase, sum(ifNull(rate, 0)) AS rate, countIf(rate IS NOT NULL) AS n_rates,
      sum(last_value) AS last_value, toString(max(last_ns)) AS last_ns, min(interval_s) AS interval_s
    FROM (
      SELECT fingerprint, sum(delta) AS inc, if(sum(dt) > 0, sum(delta) / sum(dt), NULL) AS rate,
        argMax(v, timestamp) AS last_value, max(toUnixTimestamp64Nano(timestamp)) AS last_ns,
        if(count() > 1, (max(toUnixTimestamp64Nano(timestamp)) - min(toUnixTimestamp64Nano(timestamp))) / 1e9 / (count() - 1), NULL) AS interval_s
      FROM (${deltas(mapping, range)})
      GROUP BY fingerprint
    )
    GROUP BY key_index ORDER BY key_index
    LIMIT ${param('UInt32', MAX_HOST_ROWS + 1)}`,
  );
}

/**
 * Per key and step: counter increase (a step's first point takes its base from up to ten minutes
 * before the range) and the sum of the series' last values in the step.
 */
export async function stepKeys(store: Store, limits: ReadLimits, grid: StepGrid, mapping: KeyMapping): Promise<KeyStepRow[]> {
  if (mapping.fingerprints.length === 0) return [];
  const window = {
    startNs: grid.startNs - counterLookbackNs(grid),
    endNs: grid.endNs,
  };
  return run<KeyStepRow>(
    store,
    limits,
    sql`${withKeys(mapping)}
    SELECT ${keyOf(mapping)} AS key_index, bucket, sum(inc) AS increase, sum(n_based) AS n_deltas, sum(last_value) AS last_value
    FROM (
      SELECT fingerprint, bucket, sum(delta) AS inc, countIf(based) AS n_based, argMax(v, timestamp) AS last_value
      FROM (${deltas(mapping, window, sql`, ${stepIndex(grid, sql`timestamp`)} AS bucket`)})
      WHERE timestamp >= fromUnixTimestamp64Nano(${param('Int64', grid.startNs)})
      GROUP BY fingerprint, bucket
    )
    GROUP BY key_index, bucket ORDER BY key_index, bucket
    LIMIT ${param('UInt32', MAX_HOST_ROWS + 1)}`,
  );
}
