import { sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { environmentIs } from './apm-filters.ts';
import type { MinuteRange } from './apm-range.ts';
import { latencyQuantileMs } from './latency-sql.ts';
import { parseLatencyMap } from './latency-map.ts';
import { RED_AGGREGATES } from './red-stats.ts';
import type { DependencyLink, ServiceStats } from './service-map-assemble.ts';

interface ServiceRow {
  readonly service_name: string;
  readonly calls_text: string;
  readonly errors_text: string;
  readonly p99_ms: number | null;
}

/** Each service's requests (entry spans) over the range, from the span aggregates. */
export async function serviceStats(store: Store, limits: ReadLimits, range: MinuteRange, environment: string | undefined): Promise<ServiceStats[]> {
  const rows = await store.query<ServiceRow>(
    sql`SELECT service_name, toString(entry_calls) AS calls_text, toString(entry_errors) AS errors_text,
          ${latencyQuantileMs(sql`entry_latency`, 0.99)} AS p99_ms
        FROM (
          SELECT service_name, sumIf(calls, is_entry = 1) AS entry_calls, sumIf(errors, is_entry = 1) AS entry_errors,
            sumMapIf(latency, is_entry = 1) AS entry_latency
          FROM ${aggregateRows('span', range, environmentIs(environment))}
          GROUP BY service_name
          ORDER BY entry_calls DESC, service_name
          LIMIT ${limits.maxResultRows}
        )`,
    storeLimits(limits),
  );
  return rows.map((row) => ({ service: row.service_name, calls: Number(row.calls_text), errors: Number(row.errors_text), p99Ms: row.p99_ms }));
}

interface LinkRow {
  readonly service_name: string;
  readonly dependency_type: DependencyLink['type'];
  readonly node_system: string;
  readonly target: string;
  readonly incoming: number;
  readonly agg_calls: string;
  readonly agg_errors: string;
  readonly agg_latency: Readonly<Record<string, string>>;
}

/**
 * Every service's calls to dependency nodes over the range, merged per node and direction (external
 * hosts are one node whatever the protocol). Messages received or processed point node → service.
 */
export async function dependencyLinks(store: Store, limits: ReadLimits, range: MinuteRange, environment: string | undefined): Promise<DependencyLink[]> {
  const rows = await store.query<LinkRow>(
    sql`SELECT service_name, dependency_type, if(dependency_type = 'external', '', system) AS node_system, target,
          toUInt8(dependency_type = 'messaging' AND (span_kind = 5 OR operation IN ('receive', 'process', 'deliver', 'settle'))) AS incoming,
          ${RED_AGGREGATES}
        FROM ${aggregateRows('dependency', range, environmentIs(environment))}
        GROUP BY service_name, dependency_type, node_system, target, incoming
        ORDER BY agg_calls DESC, service_name, dependency_type, node_system, target, incoming
        LIMIT ${limits.maxResultRows}`,
    storeLimits(limits),
  );
  return rows.map((row) => ({
    service: row.service_name,
    type: row.dependency_type,
    system: row.node_system,
    target: row.target,
    incoming: row.incoming === 1,
    calls: Number(row.agg_calls),
    errors: Number(row.agg_errors),
    latency: parseLatencyMap(row.agg_latency),
  }));
}
