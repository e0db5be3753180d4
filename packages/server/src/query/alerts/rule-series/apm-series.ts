import { APM_OVERFLOW_NAME, type ApmAlertQuery, type MetricSeries } from '@sightline/contract';
import { param, sql, type SqlFragment } from '../../../storage/sql.ts';
import { serviceMetrics1mTable, spanMetrics1mTable } from '../../../storage/schema/apm-tables.ts';
import type { Store } from '../../../storage/store.ts';
import { aggregateRows, tableRows } from '../../apm/aggregate-source.ts';
import { environmentIs } from '../../apm/apm-filters.ts';
import { minuteRange, type MinuteRange } from '../../apm/apm-range.ts';
import { RED_AGGREGATES, redColumns } from '../../apm/red-stats.ts';
import { secondsInRange, stepGrid, stepIndexSql } from '../../apm/step-grid.ts';
import { allOf } from '../../attribute-filters.ts';
import { storeLimits, type ReadLimits } from '../../read-limits.ts';
import { apmMeasureValue, apmSourceOf, isCountMeasure, needsLatency, type ApmStepMeasures } from './apm-measures.ts';
import { groupValuesSql } from './group-values.ts';
import { MAX_RULE_POINTS, seriesFromSteps } from './series-points.ts';
import type { RuleStepPlan } from './step-plan.ts';

/** The APM aggregates are per minute: rule steps over them are whole minutes. */
export const APM_STEP_UNIT_SECONDS = 60;
const HOUR = 3600;

interface StepRow {
  readonly step_index: number;
  readonly group_values: readonly string[];
  readonly calls: string;
  readonly errors: string;
  readonly avg_ms?: number | null;
  readonly p50_ms?: number | null;
  readonly p95_ms?: number | null;
  readonly p99_ms?: number | null;
}

/**
 * Key conditions: service, operation, environment; the overflow name (spans past the cardinality
 * caps) is never a group of its own, as the APM tables report it apart, but counts in ungrouped totals.
 */
function conditions(query: ApmAlertQuery): SqlFragment {
  const parts: SqlFragment[] = [environmentIs(query.environment)];
  if (query.service !== undefined) parts.push(sql`service_name = ${query.service}`);
  if (query.operation !== undefined) parts.push(sql`operation = ${query.operation}`);
  if (query.groupBy.includes('service')) parts.push(sql`service_name != ${APM_OVERFLOW_NAME}`);
  if (query.groupBy.includes('operation')) parts.push(sql`operation != ${APM_OVERFLOW_NAME}`);
  return allOf(parts);
}

/**
 * The aggregate rows of the range. Steps of whole hours may take whole hours from the hourly rollups
 * (an hourly row falls in exactly one step); finer steps read the minute tables only.
 */
function sourceRows(query: ApmAlertQuery, range: MinuteRange, stepSeconds: number): SqlFragment {
  const kind = apmSourceOf(query);
  const latency = needsLatency(query.measure);
  const keys = kind === 'span' ? sql`time, service_name, operation` : sql`time, service_name`;
  const columns = latency ? sql`*` : sql`${keys}, calls, errors`;
  if (stepSeconds % HOUR === 0) return aggregateRows(kind, range, conditions(query), { columns });
  const minuteTable = kind === 'span' ? spanMetrics1mTable.name : serviceMetrics1mTable.name;
  return sql`(${tableRows(minuteTable, [range], conditions(query), columns)})`;
}

function measuresOf(row: StepRow): ApmStepMeasures {
  return {
    calls: Number(row.calls),
    errors: Number(row.errors),
    avgMs: row.avg_ms ?? null,
    p50Ms: row.p50_ms ?? null,
    p95Ms: row.p95_ms ?? null,
    p99Ms: row.p99_ms ?? null,
  };
}

/**
 * An APM rule: a measure of a service's requests, or of an operation's spans, per step and group,
 * merged with the APM API's own aggregates and formulas (same rates, error rates, clamped
 * nearest-rank percentiles). Counts and rates are 0 at steps where a group that had spans in the
 * range had none; error rate and latencies have no point there.
 */
export async function apmRuleSeries(store: Store, limits: ReadLimits, query: ApmAlertQuery, plan: RuleStepPlan): Promise<MetricSeries[]> {
  // The plan's start is a multiple of the step, itself whole minutes: the grid matches the plan's steps.
  const range = minuteRange(plan.range);
  const grid = stepGrid(range, plan.stepSeconds);
  const groups = groupValuesSql(query.groupBy.map((key) => (key === 'service' ? sql`service_name` : sql`operation`)));
  const latency = needsLatency(query.measure);
  const merge = latency ? RED_AGGREGATES : sql`sum(calls) AS agg_calls, sum(errors) AS agg_errors`;
  const outer = latency ? redColumns() : sql`toString(agg_calls) AS calls, toString(agg_errors) AS errors`;
  const rows = await store.query<StepRow>(
    sql`SELECT step_index, group_values, ${outer}
        FROM (SELECT toInt32(${stepIndexSql(grid)}) AS step_index, ${groups} AS group_values, ${merge}
              FROM ${sourceRows(query, range, plan.stepSeconds)} GROUP BY step_index, group_values)
        ORDER BY group_values, step_index
        LIMIT ${param('UInt32', MAX_RULE_POINTS + 1)}`,
    storeLimits(limits),
  );
  const values = rows.map((row) => {
    const step = Number(row.step_index);
    return { groupValues: row.group_values, step, value: apmMeasureValue(query.measure, measuresOf(row), secondsInRange(grid, step)) };
  });
  return seriesFromSteps(values, query.groupBy, plan, isCountMeasure(query.measure) ? 0 : undefined);
}
