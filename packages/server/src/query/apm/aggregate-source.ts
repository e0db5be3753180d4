import { identifier, joinSql, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import { planSources, type MinuteRange } from './apm-range.ts';

/** `service`: each service's requests (entry-point spans), all operations together. */
export type AggregateKind = 'span' | 'dependency' | 'service';

const MEASURES = 'calls, errors, duration_sum_ns, duration_min_ns, duration_max_ns, latency, error_latency';

interface KindSource {
  readonly minute: string;
  readonly hour: string;
  /** What each branch selects: both tables must give the same columns for UNION ALL. */
  readonly columns: string;
  /** Rows of the minute table that belong to this kind. */
  readonly minuteWhere?: string;
}

const SOURCES: Readonly<Record<AggregateKind, KindSource>> = {
  span: { minute: 'apm_span_metrics_1m', hour: 'apm_span_metrics_1h', columns: '*' },
  dependency: { minute: 'apm_dependency_metrics_1m', hour: 'apm_dependency_metrics_1h', columns: '*' },
  service: {
    minute: 'apm_span_metrics_1m',
    hour: 'apm_service_metrics_1h',
    columns: `time, service_name, deployment_environment, ${MEASURES}`,
    minuteWhere: 'is_entry = 1',
  },
};

function tableRows(table: string, columns: string, range: MinuteRange, where: SqlFragment): SqlFragment {
  return sql`SELECT ${trustedSql(columns)} FROM ${identifier(table)} WHERE time >= toDateTime(${range.startS}, 'UTC') AND time < toDateTime(${range.endS}, 'UTC') AND (${where})`;
}

/**
 * A subquery (for FROM) with the aggregate rows of `kind` that cover the range and satisfy `where`
 * (a condition on the table's key columns, e.g. `service_name = …`, pushed into every branch so
 * the primary key applies; for `service`, only service_name and deployment_environment exist). Rows are partial aggregates: always GROUP BY and sum / sumMap / min / max.
 */
export function aggregateRows(kind: AggregateKind, range: MinuteRange, where: SqlFragment = sql`1`): SqlFragment {
  const plan = planSources(range);
  const source = SOURCES[kind];
  const minuteWhere = source.minuteWhere === undefined ? where : sql`${trustedSql(source.minuteWhere)} AND (${where})`;
  const parts = plan.minute.map((part) => tableRows(source.minute, source.columns, part, minuteWhere));
  if (plan.hour !== undefined) parts.push(tableRows(source.hour, source.columns, plan.hour, where));
  return sql`(${joinSql(parts, ' UNION ALL ')})`;
}
