import type { HostService } from '@sightline/contract';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import type { MinuteRange } from '../apm/apm-range.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';

interface ServiceRow {
  readonly service_name: string;
  readonly instance_id: string;
  readonly n_spans: string;
  readonly n_errors: string;
  readonly first_ms: string;
  readonly last_ms: string;
}

/**
 * The services (and their instances) whose spans name the host in `host.name`, busiest first, from
 * the hourly instances rollup: counts cover the whole hours that overlap the range.
 */
export async function hostServices(store: Store, limits: ReadLimits, host: string, range: MinuteRange): Promise<HostService[]> {
  const rows = await store.query<ServiceRow>(
    sql`SELECT service_name, instance_id, toString(sum(spans)) AS n_spans, toString(sum(errors)) AS n_errors,
          toString(toUnixTimestamp64Milli(min(first_seen))) AS first_ms, toString(toUnixTimestamp64Milli(max(last_seen))) AS last_ms
        FROM apm_service_instances_1h
        WHERE host_name = ${host}
          AND time >= toStartOfHour(toDateTime(${range.startS}, 'UTC')) AND time < toDateTime(${range.endS}, 'UTC')
        GROUP BY service_name, instance_id
        ORDER BY sum(spans) DESC, service_name, instance_id
        LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => ({
    service: row.service_name,
    instanceId: row.instance_id,
    spans: Number(row.n_spans),
    errors: Number(row.n_errors),
    firstSeenMs: Number(row.first_ms),
    lastSeenMs: Number(row.last_ms),
  }));
}
