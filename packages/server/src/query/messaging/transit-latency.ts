import type { TransitLatency } from '@sightline/contract';
import { sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { parseLatencyMap } from '../apm/latency-map.ts';
import { redStatsOf } from '../apm/red-from-maps.ts';
import { latencyMapOfDurations } from '../apm/span-latency-sql.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { DESTINATION_SQL, GROUP_SQL, rawMessagingWhere, ROLE_SQL, type RawScope } from './messaging-sql.ts';

/**
 * Producers are looked for this long before the range too: a message consumed early in the range
 * was usually published shortly before it.
 */
export const PRODUCER_LOOKBACK_NS = 15n * 60n * 1_000_000_000n;

export interface TransitRow {
  readonly system: string;
  readonly destination: string;
  /** The consumer group ('' when none, or when not grouped by it). */
  readonly group: string;
  readonly transit: TransitLatency;
  /** Consumer spans with at least one producer found. */
  readonly linkedConsumers: number;
}

interface Row {
  readonly c_system: string;
  readonly c_destination: string;
  readonly c_group: string;
  readonly linked: string;
  readonly linked_consumers: string;
  readonly sum_ns: string;
  readonly min_ns: string;
  readonly max_ns: string;
  readonly transit_latency: Readonly<Record<string, string | number>>;
}

export const NO_TRANSIT: TransitLatency = { linked: 0, avgMs: null, p50Ms: null, p99Ms: null, maxMs: null };

/**
 * Producer→consumer latency (consumer start − producer start) of the consumer spans in the scope
 * whose parent, or one of whose links, is a producer span: joined by trace id and span id at
 * query time. Each (producer, consumer) pair counts once, so a batch consumer linked to several
 * producers gives one value per message. Negative values (clock skew between hosts) fall in the lowest latency bucket.
 */
export async function transitLatency(store: Store, limits: ReadLimits, scope: RawScope, byGroup: boolean): Promise<TransitRow[]> {
  const producerRange = { startNs: scope.range.startNs - PRODUCER_LOOKBACK_NS, endNs: scope.range.endNs };
  const group = byGroup ? GROUP_SQL : sql`''`;
  const rows = await store.query<Row>(
    sql`SELECT c_system, c_destination, c_group, toString(count()) AS linked, toString(uniqExact(c_trace, c_span)) AS linked_consumers,
          toString(sum(delta_ns)) AS sum_ns,
          toString(min(delta_ns)) AS min_ns, toString(max(delta_ns)) AS max_ns,
          ${latencyMapOfDurations(sql`greatest(delta_ns, 0)`)} AS transit_latency
        FROM (
          SELECT c_system, c_destination, c_group, c_trace, c_span, any(c_start_ns - p_start_ns) AS delta_ns
          FROM (
            SELECT messaging_system AS c_system, ${DESTINATION_SQL} AS c_destination, ${group} AS c_group,
              trace_id AS c_trace, span_id AS c_span, toUnixTimestamp64Nano(timestamp) AS c_start_ns,
              arrayJoin(arrayPushFront(arrayZip(links_trace_id, links_span_id), (trace_id, parent_span_id))) AS c_ref,
              tupleElement(c_ref, 1) AS r_trace, tupleElement(c_ref, 2) AS r_span
            FROM spans WHERE ${rawMessagingWhere(scope)} AND ${ROLE_SQL} = 'consume'
          ) AS consumers
          INNER JOIN (
            SELECT trace_id AS p_trace, span_id AS p_span, toUnixTimestamp64Nano(timestamp) AS p_start_ns
            FROM spans WHERE ${rawMessagingWhere({ ...scope, destination: undefined }, producerRange)} AND ${ROLE_SQL} = 'publish'
          ) AS producers ON consumers.r_trace = producers.p_trace AND consumers.r_span = producers.p_span
          GROUP BY c_system, c_destination, c_group, c_trace, c_span, r_trace, r_span
        )
        GROUP BY c_system, c_destination, c_group
        ORDER BY c_system, c_destination, c_group
        LIMIT ${limits.maxResultRows}`,
    storeLimits(limits),
  );
  return rows.map((row) => {
    const linked = Number(row.linked);
    const stats = redStatsOf(
      {
        calls: linked,
        errors: 0,
        durationSumNs: Number(row.sum_ns),
        durationMinNs: Number(row.min_ns),
        durationMaxNs: Number(row.max_ns),
        latency: parseLatencyMap(row.transit_latency),
        errorLatency: new Map(),
      },
      0,
    );
    return {
      system: row.c_system,
      destination: row.c_destination,
      group: row.c_group,
      linkedConsumers: Number(row.linked_consumers),
      transit: { linked, avgMs: stats.avgMs, p50Ms: stats.p50Ms, p99Ms: stats.p99Ms, maxMs: stats.maxMs },
    };
  });
}
