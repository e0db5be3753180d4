import type { ApmDependency, DependencyType } from '@sightline/contract';
import { sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { environmentIs } from './apm-filters.ts';
import { rangeSeconds, type MinuteRange } from './apm-range.ts';
import { RED_AGGREGATES, redColumns, toRedStats, type RedRow } from './red-stats.ts';

export interface DependencyQuery {
  readonly service: string;
  readonly type: DependencyType;
  readonly environment?: string | undefined;
  readonly range: MinuteRange;
}

interface DependencyRow extends RedRow {
  readonly system: string;
  readonly target: string;
  readonly operation: string;
  readonly span_kind: number;
}

/** The rows of one service's dependencies of one type (key columns, so the primary key applies). */
export function dependencyRowsOf(query: DependencyQuery): SqlFragment {
  return sql`service_name = ${query.service} AND dependency_type = ${query.type} AND ${environmentIs(query.environment)}`;
}

/**
 * The calls a service made to databases, other hosts or messaging systems, one row per (system,
 * target, operation, span kind), most total time first; at most `maxResultRows` rows.
 */
export async function listDependencies(store: Store, limits: ReadLimits, query: DependencyQuery): Promise<ApmDependency[]> {
  const rows = await store.query<DependencyRow>(
    sql`SELECT system, target, operation, span_kind, ${redColumns()}
        FROM (
          SELECT system, target, operation, span_kind, ${RED_AGGREGATES}
          FROM ${aggregateRows('dependency', query.range, dependencyRowsOf(query))}
          GROUP BY system, target, operation, span_kind
          ORDER BY agg_sum_ns DESC, system, target, operation, span_kind
          LIMIT ${limits.maxResultRows}
        )
        ORDER BY agg_sum_ns DESC, system, target, operation, span_kind`,
    storeLimits(limits),
  );
  const seconds = rangeSeconds(query.range);
  return rows.map((row) => ({
    type: query.type,
    system: row.system,
    target: row.target,
    operation: row.operation,
    spanKind: row.span_kind,
    ...toRedStats(row, seconds),
  }));
}
