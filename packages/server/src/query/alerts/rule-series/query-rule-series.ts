import type { AlertQuery, MetricSeries } from '@sightline/contract';
import type { Store } from '../../../storage/store.ts';
import type { ReadLimits } from '../../read-limits.ts';
import type { TimeRange } from '../../time-range.ts';
import { APM_STEP_UNIT_SECONDS, apmRuleSeries } from './apm-series.ts';
import { exceptionsRuleSeries } from './exceptions-series.ts';
import { logsRuleSeries } from './logs-series.ts';
import { metricRuleSeries } from './metric-series.ts';
import { planRuleSteps, type RuleStepPlan } from './step-plan.ts';

export interface RuleSeriesResult {
  /** The step used: the requested one in whole seconds (whole minutes for `apm`), wider when the range needed too many steps. */
  readonly stepSeconds: number;
  readonly series: MetricSeries[];
}

function seriesOf(store: Store, limits: ReadLimits, query: AlertQuery, plan: RuleStepPlan): Promise<MetricSeries[]> {
  switch (query.kind) {
    case 'metric':
      return metricRuleSeries(store, limits, query, plan);
    case 'logs':
      return logsRuleSeries(store, limits, query, plan);
    case 'apm':
      return apmRuleSeries(store, limits, query, plan);
    case 'exceptions':
      return exceptionsRuleSeries(store, limits, query, plan);
  }
}

/**
 * The series an alert rule is evaluated on: one per group (labels: the group-by keys with their
 * values, keys without a value left out; `{}` without group-by), points at step starts (unix ms).
 *
 * Steps start at multiples of the step since the epoch: the range's start is moved back to one, the
 * end is kept (the last step may be partial). Missing points mean "no data", except for counts
 * (`logs`, `exceptions`, APM `request_rate` / `span_count` / `error_count`): a group with anything
 * in the range has a point at every step, 0 where nothing matched; a query that matched nothing in
 * the whole range has no series. `metric` steps without a value, and APM error rates and latencies
 * at steps without calls, have no point. A never-stored metric gives no series.
 */
export async function queryRuleSeries(store: Store, limits: ReadLimits, query: AlertQuery, range: TimeRange, stepSeconds: number): Promise<RuleSeriesResult> {
  const plan = planRuleSteps(range, stepSeconds, query.kind === 'apm' ? APM_STEP_UNIT_SECONDS : 1);
  if (plan.steps === 0) return { stepSeconds: plan.stepSeconds, series: [] };
  return { stepSeconds: plan.stepSeconds, series: await seriesOf(store, limits, query, plan) };
}
