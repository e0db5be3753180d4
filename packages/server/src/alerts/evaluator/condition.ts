import type { AlertCondition, AlertSeverity, AlertThreshold, MetricPoint } from '@sightline/contract';

/** How a window of points compares with the condition: the reduced value and the most severe breached threshold. */
export interface Judgement {
  /** The window's reduced value (null: no point in the window). */
  readonly value: number | null;
  readonly breached: AlertThreshold | null;
}

type Comparison = AlertCondition['comparison'];

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { info: 1, warning: 2, critical: 3 };

export function severityRank(severity: AlertSeverity | null): number {
  return severity === null ? 0 : SEVERITY_RANK[severity];
}

export function breaches(comparison: Comparison, value: number, threshold: number): boolean {
  switch (comparison) {
    case 'above':
      return value > threshold;
    case 'above_or_equal':
      return value >= threshold;
    case 'below':
      return value < threshold;
    case 'below_or_equal':
      return value <= threshold;
    case 'equal':
      return value === threshold;
    case 'not_equal':
      return value !== threshold;
  }
}

/**
 * The points of a window `[windowEndMs − windowSeconds, windowEndMs)`: a point stands for its step
 * `[t, t + step)` and counts when the step *starts* inside the window, so a window of N steps holds N
 * points (the newest step may still be filling up). When a step is longer than the window (a coarse
 * preview), no step may start inside it: then the steps overlapping the window count instead.
 */
export function windowPoints(points: readonly MetricPoint[], windowEndMs: number, windowSeconds: number, stepSeconds: number): MetricPoint[] {
  const windowStart = windowEndMs - windowSeconds * 1000;
  const stepMs = stepSeconds * 1000;
  if (stepMs <= windowSeconds * 1000) return points.filter((point) => point.t >= windowStart && point.t < windowEndMs);
  return points.filter((point) => point.t < windowEndMs && point.t + stepMs > windowStart);
}

/** Whether the points breach one threshold under the match type. */
function breachedBy(condition: AlertCondition, values: readonly number[], threshold: number): boolean {
  const test = (value: number): boolean => breaches(condition.comparison, value, threshold);
  switch (condition.match) {
    case 'at_least_once':
      return values.some(test);
    case 'all_the_time':
      return values.every(test);
    default:
      return test(aggregate(condition.match, values));
  }
}

function aggregate(match: 'on_average' | 'in_total' | 'last', values: readonly number[]): number {
  if (match === 'last') return values[values.length - 1] as number;
  const total = values.reduce((sum, value) => sum + value, 0);
  return match === 'in_total' ? total : total / values.length;
}

/**
 * The value shown for the window. `at_least_once`: the most extreme point in the breaching direction
 * (the maximum for above, the minimum for below); `all_the_time`: the least extreme one. Equality
 * comparisons have no direction: at_least_once shows the newest point that breaches the winning
 * threshold, otherwise (and for all_the_time) the newest point.
 */
function shownValue(condition: AlertCondition, values: readonly number[], breached: AlertThreshold | null): number {
  const { comparison, match } = condition;
  const newest = values[values.length - 1] as number;
  if (match === 'on_average' || match === 'in_total' || match === 'last') return aggregate(match, values);
  const upward = comparison === 'above' || comparison === 'above_or_equal';
  const downward = comparison === 'below' || comparison === 'below_or_equal';
  if (upward || downward) {
    const wantMax = (match === 'at_least_once') === upward;
    return wantMax ? Math.max(...values) : Math.min(...values);
  }
  if (match === 'at_least_once' && breached !== null) {
    for (let index = values.length - 1; index >= 0; index--) {
      const value = values[index] as number;
      if (breaches(comparison, value, breached.value)) return value;
    }
  }
  return newest;
}

/**
 * Judges one series at `windowEndMs`: the points of the condition's window (see windowPoints) reduced
 * by its match type and compared with each threshold; the most severe breached threshold wins.
 * Points must be in time order (as the series queries return them).
 */
export function judgeSeries(condition: AlertCondition, points: readonly MetricPoint[], windowEndMs: number, stepSeconds: number): Judgement {
  const values = windowPoints(points, windowEndMs, condition.windowSeconds, stepSeconds)
    .map((point) => point.v)
    .filter((value) => Number.isFinite(value));
  if (values.length === 0) return { value: null, breached: null };
  let breached: AlertThreshold | null = null;
  for (const threshold of condition.thresholds) {
    if (severityRank(threshold.severity) <= severityRank(breached?.severity ?? null)) continue;
    if (breachedBy(condition, values, threshold.value)) breached = threshold;
  }
  return { value: shownValue(condition, values, breached), breached };
}
