import { identifier, joinSql, sql, type SqlFragment } from '../../storage/sql.ts';
import { planSources, type MinuteRange } from './apm-range.ts';

/**
 * `span`: per service and operation (every kind, entry or not); `service`: each service's requests
 * (entry-point spans, all operations together); `dependency`: calls to databases, hosts, queues.
 */
export type AggregateKind = 'span' | 'dependency' | 'service';

const TABLES: Readonly<Record<AggregateKind, { readonly minute: string; readonly hour: string; readonly day?: string }>> = {
  span: { minute: 'apm_span_metrics_1m', hour: 'apm_span_metrics_1h' },
  service: { minute: 'apm_service_metrics_1m', hour: 'apm_service_metrics_1h', day: 'apm_service_metrics_1d' },
  dependency: { minute: 'apm_dependency_metrics_1m', hour: 'apm_dependency_metrics_1h' },
};

/** One scan of `table` for all its pieces of the range (each branch of a UNION costs a scan). */
function tableRows(table: string, ranges: readonly MinuteRange[], where: SqlFragment): SqlFragment {
  const inRanges = ranges.map((range) => sql`(time >= toDateTime(${range.startS}, 'UTC') AND time < toDateTime(${range.endS}, 'UTC'))`);
  return sql`SELECT * FROM ${identifier(table)} WHERE (${joinSql(inRanges, ' OR ')}) AND (${where})`;
}

/**
 * A subquery (for FROM) with the aggregate rows of `kind` that cover the range and satisfy `where`
 * (a condition on the table's key columns, e.g. `service_name = …`, pushed into every branch so
 * the primary key applies; the `service` tables have only service_name and deployment_environment).
 * Rows are partial aggregates: always GROUP BY and sum / sumMap / min / max. `wholeRange`: the
 * caller groups over the whole range (no time steps), so daily rollups may serve whole days.
 */
export function aggregateRows(kind: AggregateKind, range: MinuteRange, where: SqlFragment = sql`1`, wholeRange = false): SqlFragment {
  const tables = TABLES[kind];
  const plan = planSources(range, wholeRange && tables.day !== undefined);
  const parts: SqlFragment[] = [];
  if (plan.minute.length > 0) parts.push(tableRows(tables.minute, plan.minute, where));
  if (plan.hour.length > 0) parts.push(tableRows(tables.hour, plan.hour, where));
  if (plan.day !== undefined && tables.day !== undefined) parts.push(tableRows(tables.day, [plan.day], where));
  return sql`(${joinSql(parts, ' UNION ALL ')})`;
}
