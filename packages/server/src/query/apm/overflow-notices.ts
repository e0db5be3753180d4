import { APM_OVERFLOW_NAME, type OverflowNotice } from '@sightline/contract';
import type { ApmConfig } from '../../config/schema.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { environmentIs, overflowName } from './apm-filters.ts';
import type { MinuteRange } from './apm-range.ts';

export interface OverflowScope {
  readonly range: MinuteRange;
  readonly environment?: string | undefined;
  /** Only this service's overflowed operations; every service and operation notice when absent. */
  readonly service?: string | undefined;
}

interface NoticeRow {
  readonly owner: string;
  readonly first_s: number;
  readonly last_s: number;
  readonly spans: string;
}

function overflowRows(scope: OverflowScope): SqlFragment {
  const overflow = overflowName();
  return scope.service === undefined
    ? sql`service_name = ${overflow} OR operation = ${overflow}`
    : sql`service_name = ${scope.service} AND operation = ${overflow}`;
}

/**
 * Where span metrics went past the cardinality caps in the range: one notice for the overflowed
 * services (`__overflow__`) and one per service whose operations overflowed. Always read from the
 * minute table, even for long ranges, to give first and last minutes: both names are conditions on
 * the leading key columns (service, operation), so the primary key skips nearly every other granule.
 */
export async function overflowNotices(store: Store, limits: ReadLimits, apm: ApmConfig, scope: OverflowScope): Promise<OverflowNotice[]> {
  const { startS, endS } = scope.range;
  const rows = await store.query<NoticeRow>(
    sql`SELECT service_name AS owner, toUnixTimestamp(min(time)) AS first_s, toUnixTimestamp(max(time)) AS last_s, toString(sum(calls)) AS spans
        FROM apm_span_metrics_1m
        WHERE time >= toDateTime(${startS}, 'UTC') AND time < toDateTime(${endS}, 'UTC')
          AND (${overflowRows(scope)}) AND ${environmentIs(scope.environment)}
        GROUP BY service_name ORDER BY service_name LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => {
    const services = row.owner === APM_OVERFLOW_NAME;
    return {
      service: row.owner,
      dimension: services ? 'service' : 'operation',
      firstSeenMs: row.first_s * 1000,
      lastSeenMs: row.last_s * 1000,
      spans: Number(row.spans),
      limit: services ? apm.maxServices : apm.maxOperationsPerService,
    };
  });
}
