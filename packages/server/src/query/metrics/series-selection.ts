import type { LabelFilter, MetricInfo } from '@sightline/contract';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import { allOf } from '../attribute-filters.ts';

function labelCondition(filter: LabelFilter): SqlFragment {
  const value = filter.value ?? '';
  switch (filter.op) {
    case 'equals':
      return sql`labels[${filter.label}] = ${value}`;
    case 'not_equals':
      return sql`labels[${filter.label}] != ${value}`;
    case 'regex':
      // Anchored like PromQL matchers; RE2 syntax.
      return sql`match(labels[${filter.label}], concat('^(?:', ${value}, ')$'))`;
    case 'exists':
      return sql`mapContains(labels, ${filter.label})`;
  }
}

/**
 * The series a metric query reads: `series` (fingerprint, series_labels) and `series_groups`
 * (fingerprint, group_values — the group-by label values, '' where a series lacks the label),
 * as a WITH clause for the points query.
 */
export function seriesWithClause(metric: MetricInfo, filters: readonly LabelFilter[], groupBy: readonly string[]): SqlFragment {
  const conditions = [
    sql`metric_name = ${metric.name}`,
    sql`type = ${metric.type}`,
    sql`temporality = ${param('UInt8', metric.temporality)}`,
    sql`is_monotonic = ${metric.monotonic}`,
    ...filters.map(labelCondition),
  ];
  return sql`WITH
    series AS (SELECT fingerprint, any(labels) AS series_labels FROM metric_series WHERE ${allOf(conditions)} GROUP BY fingerprint),
    series_groups AS (SELECT fingerprint, arrayMap(k -> series_labels[k], ${param('Array(String)', groupBy)}) AS group_values FROM series)`;
}

/** The points of the selected series of `metric` in a time window (a condition on a points table). */
export function pointsOfSeries(metricName: string): SqlFragment {
  return sql`metric_name = ${metricName} AND fingerprint IN (SELECT fingerprint FROM series)`;
}
