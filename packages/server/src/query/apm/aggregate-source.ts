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

/**
 * One scan of `table` for all its pieces of the range (each branch of a UNION costs a scan). Times
 * compare as unix seconds, whatever the time zone.
 */
export function tableRows(table: string, ranges: readonly MinuteRange[], where: SqlFragment, columns: SqlFragment): SqlFragment {
  const inRanges = ranges.map((range) => sql`(time >= toDateTime(${range.startS}) AND time < toDateTime(${range.endS}))`);
  return sql`SELECT ${columns} FROM ${identifier(table)} WHERE (${joinSql(inRanges, ' OR ')}) AND (${where})`;
}

export interface AggregateRowsOptions {
  /** The caller groups over the whole range (no time steps), so daily rollups may serve whole days. */
  readonly wholeRange?: boolean;
  /** The columns to read (all by default): the latency maps are most of the bytes, skip them when unused. */
  readonly columns?: SqlFragment;
}

/**
 * A subquery (for FROM) with the aggregate rows of `kind` that cover the range and satisfy `where`
 * (a condition on the table's key columns, e.g. `service_name = …`, pushed into every branch so
 * the primary key applies; the `service` tables have only service_name and deployment_environment).
 * Rows are partial aggregates: always GROUP BY and sum / sumMap / min / max.
 */
export function aggregateRows(kind: AggregateKind, range: MinuteRange, where: SqlFragment = sql`1`, options: AggregateRowsOptions = {}): SqlFragment {
  const tables = TABLES[kind];
  const columns = options.columns ?? sql`*`;
  const plan = planSources(range, options.wholeRange === true && tables.day !== undefined);
  const parts: SqlFragment[] = [];
  if (plan.minute.length > 0) parts.push(tableRows(tables.minute, plan.minute, where, columns));
  if (plan.hour.length > 0) parts.push(tableRows(tables.hour, plan.hour, where, columns));
  if (plan.day !== undefined && tables.day !== undefined) parts.push(tableRows(tables.day, [plan.day], where, columns));
  return sql`(${joinSql(parts, ' UNION ALL ')})`;
}
