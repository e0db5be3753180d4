import { APM_OVERFLOW_NAME, type OverflowNotice } from '@sightline/contract';
import type { ApmConfig } from '../../config/schema.ts';
import { identifier, param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { inEnvironment } from './apm-filters.ts';
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

/** The table of minutes in which span metrics went past a cap (`service_name`: whose operations, or `__overflow__`). */
export const OVERFLOW_TABLE = 'apm_overflow_1m';

/** Its rows in scope (a WHERE condition; the range is the caller's). */
export function overflowRows(scope: OverflowScope): SqlFragment {
  return inEnvironment(scope.service === undefined ? sql`1` : sql`service_name = ${scope.service}`, scope.environment);
}

/**
 * Where span metrics went past the cardinality caps in the range: one notice for the overflowed
 * services (`__overflow__`) and one per service whose operations overflowed, with first and last minutes.
 */
export async function overflowNotices(store: Store, limits: ReadLimits, apm: ApmConfig, scope: OverflowScope): Promise<OverflowNotice[]> {
  const { startS, endS } = scope.range;
  const rows = await store.query<NoticeRow>(
    sql`SELECT service_name AS owner, toUnixTimestamp(min(time)) AS first_s, toUnixTimestamp(max(time)) AS last_s, toString(sum(calls)) AS spans
        FROM ${identifier(OVERFLOW_TABLE)}
        WHERE time >= toDateTime(${startS}) AND time < toDateTime(${endS}) AND (${overflowRows(scope)})
        GROUP BY service_name ORDER BY service_name LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => overflowNotice(apm, row.owner, row.first_s, row.last_s, Number(row.spans)));
}

/** The notice for `owner`: `__overflow__` for the services past the cap, else a service whose operations were. */
export function overflowNotice(apm: ApmConfig, owner: string, firstS: number, lastS: number, spans: number): OverflowNotice {
  const services = owner === APM_OVERFLOW_NAME;
  return {
    service: owner,
    dimension: services ? 'service' : 'operation',
    firstSeenMs: firstS * 1000,
    lastSeenMs: lastS * 1000,
    spans,
    limit: services ? apm.maxServices : apm.maxOperationsPerService,
  };
}
