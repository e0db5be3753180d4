import type { MetricSeries } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../../errors.ts';
import { MAX_RESULT_POINTS } from '../../metrics/query-metric.ts';
import { stepStartMs, type RuleStepPlan } from './step-plan.ts';

/** Most points one rule query may return (the metrics module's bound); queries read at most one row more. */
export const MAX_RULE_POINTS = MAX_RESULT_POINTS;

function tooMuchData(): AppError {
  return new AppError(ErrorCodes.QUERY_TOO_MUCH_DATA, `The result would exceed ${MAX_RULE_POINTS} points; use a larger step, fewer groups or more filters.`);
}

/** One value computed by a rule query: a group (its values, in group-by order) at a step. */
export interface GroupStepValue {
  readonly groupValues: readonly string[];
  readonly step: number;
  /** null: no value at this step (e.g. an error rate without calls). */
  readonly value: number | null;
}

/** The group-by keys with their values; empty values are left out (as the metrics series leave out labels a series lacks). */
export function labelsOf(groupBy: readonly string[], values: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  groupBy.forEach((key, index) => {
    const value = values[index] ?? '';
    if (value !== '') labels[key] = value;
  });
  return labels;
}

/**
 * Values become one series per group, points in step order. Without `fill`, a step without a finite
 * value has no point ("no data"). With `fill` (counts: a step without records is a true zero), every
 * step of the plan has a point, `fill` where the group had no value; only groups that have at least
 * one value in the range get a series at all, so a query that matched nothing returns no series.
 * More than MAX_RULE_POINTS values or points fail with QUERY_TOO_MUCH_DATA.
 */
export function seriesFromSteps(values: readonly GroupStepValue[], groupBy: readonly string[], plan: RuleStepPlan, fill?: number): MetricSeries[] {
  const groups = new Map<string, { readonly groupValues: readonly string[]; readonly byStep: Map<number, number> }>();
  for (const item of values) {
    if (!Number.isInteger(item.step) || item.step < 0 || item.step >= plan.steps) continue;
    const key = JSON.stringify(item.groupValues);
    let group = groups.get(key);
    if (group === undefined) {
      group = { groupValues: item.groupValues, byStep: new Map() };
      groups.set(key, group);
    }
    if (item.value !== null && Number.isFinite(item.value)) group.byStep.set(item.step, item.value);
  }
  let total = 0;
  for (const group of groups.values()) total += fill === undefined ? group.byStep.size : group.byStep.size > 0 ? plan.steps : 0;
  if (total > MAX_RULE_POINTS || values.length > MAX_RULE_POINTS) throw tooMuchData();
  const series: MetricSeries[] = [];
  for (const { groupValues, byStep } of groups.values()) {
    if (byStep.size === 0) continue;
    const points: MetricSeries['points'] = [];
    if (fill === undefined) {
      for (const step of [...byStep.keys()].sort((a, b) => a - b)) points.push({ t: stepStartMs(plan, step), v: byStep.get(step) ?? 0 });
    } else {
      for (let step = 0; step < plan.steps; step++) points.push({ t: stepStartMs(plan, step), v: byStep.get(step) ?? fill });
    }
    series.push({ labels: labelsOf(groupBy, groupValues), points });
  }
  return series;
}
