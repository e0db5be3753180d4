import { APM_OVERFLOW_NAME, type OverflowNotice } from '@sightline/contract';
import { sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { dependencyRowsOf, type DependencyQuery } from './dependencies-table.ts';

interface OverflowRow {
  readonly first_s: number;
  readonly last_s: number;
  readonly spans_text: string;
}

/**
 * A notice when the service's dependency targets of this type went past the per-service cap in the
 * range (their calls are stored under `__overflow__`); `limit` is that configured cap.
 */
export async function dependencyOverflow(store: Store, limits: ReadLimits, query: DependencyQuery, limit: number): Promise<OverflowNotice[]> {
  const rows = await store.query<OverflowRow>(
    sql`SELECT toUnixTimestamp(min(time)) AS first_s, toUnixTimestamp(max(time)) AS last_s, toString(sum(calls)) AS spans_text
        FROM ${aggregateRows('dependency', query.range, sql`${dependencyRowsOf(query)} AND target = ${APM_OVERFLOW_NAME}`)}
        HAVING sum(calls) > 0`,
    storeLimits(limits),
  );
  return rows.map((row) => ({
    service: query.service,
    dimension: 'dependency',
    firstSeenMs: row.first_s * 1000,
    lastSeenMs: row.last_s * 1000,
    spans: Number(row.spans_text),
    limit,
  }));
}
