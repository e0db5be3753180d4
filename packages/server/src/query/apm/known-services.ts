import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { environmentIs, overflowName } from './apm-filters.ts';
import type { MinuteRange } from './apm-range.ts';

/** How far before the end of a range the services table looks for services that went quiet. */
export const INACTIVE_LOOKBACK_SECONDS = 30 * 24 * 3600;

/**
 * Services with any span metrics from the lookback period (or the range, when longer) up to the end
 * of the range, sorted. Day resolution is enough for a name list, and the daily rollup keeps the
 * scan small; data older than the retention period is gone anyway.
 */
export async function knownServices(store: Store, limits: ReadLimits, range: MinuteRange, environment: string | undefined): Promise<string[]> {
  const fromS = Math.max(0, Math.min(range.startS, range.endS - INACTIVE_LOOKBACK_SECONDS));
  const rows = await store.query<{ service: string }>(
    sql`SELECT DISTINCT service_name AS service FROM apm_service_metrics_1d
        WHERE time >= toStartOfDay(toDateTime(${fromS}, 'UTC')) AND time < toDateTime(${range.endS}, 'UTC')
          AND service_name != ${overflowName()} AND ${environmentIs(environment)}
        ORDER BY service LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => row.service);
}
