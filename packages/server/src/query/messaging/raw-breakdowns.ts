import type { MessagingPartition } from '@sightline/contract';
import { sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { parseLatencyMap } from '../apm/latency-map.ts';
import { redStatsOf } from '../apm/red-from-maps.ts';
import { latencyMapOfDurations } from '../apm/span-latency-sql.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { GROUP_SQL, PARTITION_SQL, rawMessagingWhere, ROLE_SQL, type RawScope } from './messaging-sql.ts';

/** Count, errors and duration percentiles of a set of raw spans. */
export interface SideStats {
  readonly count: number;
  readonly errors: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

export const NO_SPANS: SideStats = { count: 0, errors: 0, p50Ms: null, p99Ms: null };

interface MeasureRow {
  readonly n: string;
  readonly errs: string;
  readonly sum_ns: string;
  readonly min_ns: string;
  readonly max_ns: string;
  readonly span_latency: Readonly<Record<string, string | number>>;
}

const MEASURES = sql`toString(count()) AS n, toString(countIf(status_code = 2)) AS errs, toString(sum(duration_ns)) AS sum_ns,
  toString(min(duration_ns)) AS min_ns, toString(max(duration_ns)) AS max_ns, ${latencyMapOfDurations(sql`duration_ns`)} AS span_latency`;

function sideStats(row: MeasureRow): SideStats {
  const stats = redStatsOf(
    {
      calls: Number(row.n),
      errors: Number(row.errs),
      durationSumNs: Number(row.sum_ns),
      durationMinNs: Number(row.min_ns),
      durationMaxNs: Number(row.max_ns),
      latency: parseLatencyMap(row.span_latency),
      errorLatency: new Map(),
    },
    0,
  );
  return { count: stats.calls, errors: stats.errors, p50Ms: stats.p50Ms, p99Ms: stats.p99Ms };
}

async function grouped<R extends MeasureRow>(store: Store, limits: ReadLimits, scope: RawScope, key: SqlFragment, roles: SqlFragment): Promise<R[]> {
  return store.query<R>(
    sql`SELECT ${key} AS part_key, ${ROLE_SQL} AS span_role, groupUniqArray(20)(service_name) AS span_services, ${MEASURES}
        FROM spans WHERE ${rawMessagingWhere(scope)} AND span_role IN ${roles}
        GROUP BY part_key, span_role
        ORDER BY part_key, span_role
        LIMIT ${limits.maxResultRows}`,
    storeLimits(limits),
  );
}

interface KeyedRow extends MeasureRow {
  readonly part_key: string;
  readonly span_role: string;
  readonly span_services: readonly string[];
}

/** Numeric partition ids in numeric order, others after them as text. */
function comparePartitions(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b);
}

/** Published and consumed spans per partition, from the raw spans (partitions the spans name only). */
export async function partitionBreakdown(store: Store, limits: ReadLimits, scope: RawScope): Promise<MessagingPartition[]> {
  const rows = await grouped<KeyedRow>(store, limits, scope, PARTITION_SQL, sql`('publish', 'consume')`);
  const byPartition = new Map<string, { publish: SideStats; consume: SideStats }>();
  for (const row of rows) {
    if (row.part_key === '') continue;
    const entry = byPartition.get(row.part_key) ?? { publish: NO_SPANS, consume: NO_SPANS };
    entry[row.span_role === 'publish' ? 'publish' : 'consume'] = sideStats(row);
    byPartition.set(row.part_key, entry);
  }
  return [...byPartition.entries()].sort(([a], [b]) => comparePartitions(a, b)).map(([partition, sides]) => ({ partition, ...sides }));
}

export interface GroupStats {
  readonly group: string;
  readonly consume: SideStats;
  readonly services: string[];
}

/** Consumed spans per consumer group ('' for consumer spans that name none), busiest first. */
export async function groupBreakdown(store: Store, limits: ReadLimits, scope: RawScope): Promise<GroupStats[]> {
  const rows = await grouped<KeyedRow>(store, limits, scope, GROUP_SQL, sql`('consume')`);
  return rows
    .map((row) => ({ group: row.part_key, consume: sideStats(row), services: [...row.span_services].sort() }))
    .sort((a, b) => b.consume.count - a.consume.count || a.group.localeCompare(b.group));
}
