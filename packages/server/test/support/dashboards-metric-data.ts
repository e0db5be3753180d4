import type { Attributes } from '../../src/signals/any-value.ts';
import type { MetricInfo, MetricPoint, NumberPoint } from '../../src/signals/metric-point.ts';
import { SEC, T0 } from './api-metric-data.ts';
import { sampleResource, sampleScope } from './sample-rows.ts';

/**
 * Prometheus-like points for the dashboard API tests, in five one-minute steps from T0. Counters have
 * a base point half a minute before T0 and one point in the middle of each step, so a step's increase
 * is exactly the difference written here.
 */
export const STEP_SECONDS = 60;

function info(name: string, type: 'gauge' | 'sum'): MetricInfo {
  return { name, description: '', unit: '', type, temporality: type === 'sum' ? 2 : 0, isMonotonic: type === 'sum', metadata: [] };
}

function labels(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

function point(metric: MetricInfo, attrs: Record<string, string>, atSeconds: number, value: number): NumberPoint {
  return {
    metric,
    resource: sampleResource,
    scope: sampleScope,
    attributes: labels(attrs),
    startTimeUnixNano: T0 - 3_600n * SEC,
    timeUnixNano: T0 + BigInt(atSeconds) * SEC,
    flags: 0,
    kind: 'number',
    value: { kind: 'int', value: BigInt(value) },
    exemplars: [],
  };
}

/** A cumulative counter from its base value and its increase in each of the five steps. */
function counter(metric: MetricInfo, attrs: Record<string, string>, base: number, increases: readonly number[]): NumberPoint[] {
  const points = [point(metric, attrs, -30, base)];
  let value = base;
  increases.forEach((increase, step) => {
    value += increase;
    points.push(point(metric, attrs, step * STEP_SECONDS + 30, value));
  });
  return points;
}

const blksHit = info('pg_stat_database_blks_hit', 'sum');
const blksRead = info('pg_stat_database_blks_read', 'sum');
const activity = info('pg_stat_activity_count', 'gauge');

/**
 * Per step, `shop` reads 90 blocks from cache and 30 from disk (hit ratio 0.75) except step 2 (none at
 * all); `crm` reads 60 from cache and none from disk (ratio 1).
 */
export const dashboardMetricPoints: MetricPoint[] = [
  ...counter(blksHit, { datname: 'shop', instance: 'pg1' }, 1000, [90, 90, 0, 90, 90]),
  ...counter(blksRead, { datname: 'shop', instance: 'pg1' }, 500, [30, 30, 0, 30, 30]),
  ...counter(blksHit, { datname: 'crm', instance: 'pg1' }, 0, [60, 60, 60, 60, 60]),
  ...counter(blksRead, { datname: 'crm', instance: 'pg1' }, 7, [0, 0, 0, 0, 0]),
  // Connections: 4 active on pg1 and 9 on pg2 in every step.
  ...[0, 1, 2, 3, 4].flatMap((step) => [
    point(activity, { instance: 'pg1', state: 'active' }, step * STEP_SECONDS + 10, 4),
    point(activity, { instance: 'pg2', state: 'active' }, step * STEP_SECONDS + 10, 9),
  ]),
];
