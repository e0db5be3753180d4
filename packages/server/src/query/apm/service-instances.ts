import type { ApmInstancesResponse } from '@sightline/contract';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { environmentIs } from './apm-filters.ts';
import type { MinuteRange } from './apm-range.ts';

export interface InstancesQuery {
  readonly range: MinuteRange;
  readonly service: string;
  readonly environment?: string | undefined;
}

interface InstanceRow {
  readonly instance_id: string;
  readonly host_name: string;
  readonly environment: string;
  readonly n_spans: string;
  readonly n_errors: string;
  readonly first_ms: string;
  readonly last_ms: string;
}

/**
 * The instances (service.instance.id, host.name) that served the service, busiest first. The table
 * is hourly: counts and first/last seen cover the whole hours that overlap the range.
 */
export async function serviceInstances(store: Store, limits: ReadLimits, query: InstancesQuery): Promise<ApmInstancesResponse['instances']> {
  const rows = await store.query<InstanceRow>(
    sql`SELECT instance_id, host_name, deployment_environment AS environment,
          toString(sum(spans)) AS n_spans, toString(sum(errors)) AS n_errors,
          toString(toUnixTimestamp64Milli(min(first_seen))) AS first_ms, toString(toUnixTimestamp64Milli(max(last_seen))) AS last_ms
        FROM apm_service_instances_1h
        WHERE service_name = ${query.service}
          AND time >= toStartOfHour(toDateTime(${query.range.startS}, 'UTC')) AND time < toDateTime(${query.range.endS}, 'UTC')
          AND ${environmentIs(query.environment)}
        GROUP BY instance_id, host_name, deployment_environment
        ORDER BY sum(spans) DESC, instance_id, host_name, deployment_environment
        LIMIT ${param('UInt32', limits.maxResultRows)}`,
    storeLimits(limits),
  );
  return rows.map((row) => ({
    instanceId: row.instance_id,
    hostName: row.host_name,
    environment: row.environment,
    spans: Number(row.n_spans),
    errors: Number(row.n_errors),
    firstSeenMs: Number(row.first_ms),
    lastSeenMs: Number(row.last_ms),
  }));
}
