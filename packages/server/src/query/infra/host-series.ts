import { AppError, ErrorCodes } from '../../errors.ts';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';
import { HOST_LABEL_KEYS, HOST_METRIC_NAMES } from './host-metric-catalog.ts';
import type { HostSeriesRow } from './host-identity.ts';
import { MAX_HOST_ROWS } from './host-points.ts';

/**
 * Hosts quiet in the range are still listed when they reported this long before it (a series'
 * `last_seen` is refreshed at most hourly, so at least an hour is needed anyway).
 */
export const QUIET_HOST_LOOKBACK_SECONDS = 24 * 3600;

interface SeriesRow {
  readonly metric_name: string;
  readonly fp: string;
  readonly l: Record<string, string>;
  readonly seen_s: number;
}

/** The host-metric series seen from a day before the range on, with only the labels the view needs. */
export async function hostSeries(store: Store, limits: ReadLimits, range: TimeRange): Promise<HostSeriesRow[]> {
  const fromS = Math.max(0, Number(range.startNs / 1_000_000_000n) - QUIET_HOST_LOOKBACK_SECONDS);
  const rows = await store.query<SeriesRow>(
    sql`SELECT metric_name, toString(fingerprint) AS fp,
          mapFilter((k, v) -> has(${param('Array(String)', HOST_LABEL_KEYS)}, k), argMax(labels, last_seen)) AS l,
          toUInt32(max(last_seen)) AS seen_s
        FROM metric_series
        WHERE metric_name IN ${param('Array(String)', HOST_METRIC_NAMES)} AND last_seen >= toDateTime(${param('Int64', fromS)})
        GROUP BY metric_name, fingerprint
        ORDER BY metric_name, fingerprint
        LIMIT ${param('UInt32', MAX_HOST_ROWS + 1)}`,
    storeLimits(limits),
  );
  if (rows.length > MAX_HOST_ROWS) throw new AppError(ErrorCodes.QUERY_TOO_MUCH_DATA, `More than ${MAX_HOST_ROWS} host metric series.`);
  return rows.map((row) => ({
    metricName: row.metric_name,
    fingerprint: row.fp,
    labels: row.l,
    seenMs: row.seen_s * 1000,
  }));
}
