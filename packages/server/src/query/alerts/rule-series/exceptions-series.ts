import type { ExceptionsAlertQuery, MetricSeries } from '@sightline/contract';
import { param, sql, type SqlFragment } from '../../../storage/sql.ts';
import type { Store } from '../../../storage/store.ts';
import { allOf } from '../../attribute-filters.ts';
import { storeLimits, type ReadLimits } from '../../read-limits.ts';
import { inRange } from '../../time-range.ts';
import { groupValuesSql } from './group-values.ts';
import { MAX_RULE_POINTS, seriesFromSteps } from './series-points.ts';
import { stepIndexSql, type RuleStepPlan } from './step-plan.ts';

interface CountRow {
  readonly step_index: number;
  readonly group_values: readonly string[];
  readonly n: string;
}

function conditions(query: ExceptionsAlertQuery, plan: RuleStepPlan): SqlFragment {
  const parts = [inRange(sql`timestamp`, plan.range)];
  if (query.service !== undefined) parts.push(sql`service_name = ${query.service}`);
  if (query.exceptionType !== undefined) parts.push(sql`exception_type = ${query.exceptionType}`);
  return allOf(parts);
}

/**
 * Exception events of spans (the APM exceptions table) counted per step, by service and / or
 * exception type. Zero-filled like log counts: 0 at steps without exceptions for a group that had
 * some in the range; no series at all when none matched.
 */
export async function exceptionsRuleSeries(store: Store, limits: ReadLimits, query: ExceptionsAlertQuery, plan: RuleStepPlan): Promise<MetricSeries[]> {
  const groups = groupValuesSql(query.groupBy.map((key) => (key === 'service' ? sql`service_name` : sql`exception_type`)));
  const rows = await store.query<CountRow>(
    sql`SELECT ${stepIndexSql(plan, sql`timestamp`)} AS step_index, ${groups} AS group_values, toString(count()) AS n
        FROM apm_exceptions
        WHERE ${conditions(query, plan)}
        GROUP BY step_index, group_values
        ORDER BY group_values, step_index
        LIMIT ${param('UInt32', MAX_RULE_POINTS + 1)}`,
    storeLimits(limits),
  );
  const values = rows.map((row) => ({ groupValues: row.group_values, step: Number(row.step_index), value: Number(row.n) }));
  return seriesFromSteps(values, query.groupBy, plan, 0);
}
