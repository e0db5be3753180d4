import type { ApmOperation } from '@sightline/contract';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { aggregateRows } from './aggregate-source.ts';
import { environmentIs, overflowName } from './apm-filters.ts';
import { rangeSeconds, type MinuteRange } from './apm-range.ts';
import { RED_AGGREGATES, redColumns, toRedStats, type RedRow } from './red-stats.ts';

export interface OperationsQuery {
  readonly range: MinuteRange;
  readonly service: string;
  readonly environment?: string | undefined;
  /** Most operations returned (the busiest). */
  readonly limit: number;
}

interface OperationRow extends RedRow {
  readonly operation: string;
  readonly span_kind: number;
  readonly entry_point: number;
}

/**
 * Every operation (span name and kind) of the service in the range, busiest first. An operation is
 * an entry point when any of its spans were requests of the service. The overflow operation is left
 * out (it is reported as a notice).
 */
export async function operationsTable(store: Store, limits: ReadLimits, query: OperationsQuery): Promise<ApmOperation[]> {
  const where = sql`service_name = ${query.service} AND operation != ${overflowName()} AND ${environmentIs(query.environment)}`;
  const rows = await store.query<OperationRow>(
    sql`SELECT operation, span_kind, entry_point, ${redColumns()}
        FROM (SELECT operation, span_kind, max(is_entry) AS entry_point, ${RED_AGGREGATES}
              FROM ${aggregateRows('span', query.range, where)} GROUP BY operation, span_kind)
        ORDER BY agg_calls DESC, operation, span_kind LIMIT ${param('UInt32', query.limit)}`,
    storeLimits(limits),
  );
  const seconds = rangeSeconds(query.range);
  return rows.map((row) => ({ name: row.operation, spanKind: row.span_kind, entryPoint: row.entry_point === 1, ...toRedStats(row, seconds) }));
}
