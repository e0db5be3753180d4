import type { MetricAlertQuery, MetricSeries } from '@sightline/contract';
import { ErrorCodes, isAppError } from '../../../errors.ts';
import type { Store } from '../../../storage/store.ts';
import { queryMetric } from '../../metrics/query-metric.ts';
import type { ReadLimits } from '../../read-limits.ts';
import type { RuleStepPlan } from './step-plan.ts';

/**
 * A metric rule through the metrics query module (the dashboards' panel query): filters, group-by,
 * aggregation, rate / increase, quantile, over the plan's aligned range and step. Steps without a
 * value have no point. A metric never stored gives no series (the rule sees "no data"); an invalid
 * query (e.g. rate of a gauge) fails with QUERY_INVALID.
 */
export async function metricRuleSeries(store: Store, limits: ReadLimits, query: MetricAlertQuery, plan: RuleStepPlan): Promise<MetricSeries[]> {
  try {
    const result = await queryMetric(store, limits, {
      ...plan.range,
      name: query.metric,
      stepSeconds: plan.stepSeconds,
      filters: query.filters,
      groupBy: query.groupBy,
      aggregation: query.aggregation,
      ...(query.function === undefined ? {} : { function: query.function }),
      ...(query.quantile === undefined ? {} : { quantile: query.quantile }),
    });
    return result.series;
  } catch (error) {
    if (isAppError(error) && error.code === ErrorCodes.NOT_FOUND) return [];
    throw error;
  }
}
