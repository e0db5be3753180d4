/** A service's (or operation's) time series as chart data: x in unix seconds, one array per line. Pure. */

import type { ApmServiceSeriesResponse } from '@sightline/contract';

/** About this many points per chart; the server rounds the step to whole minutes (hours for long ranges). */
const TARGET_POINTS = 120;

/** The step (seconds) to ask for: a whole number of minutes giving about TARGET_POINTS points. */
export function stepFor(range: { readonly startMs: number; readonly endMs: number }): number {
  const seconds = Math.max(0, range.endMs - range.startMs) / 1000;
  return Math.max(1, Math.ceil(seconds / TARGET_POINTS / 60)) * 60;
}

/** The start (unix seconds) of each of `count` steps. */
export function stepTimes(startMs: number, stepSeconds: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => startMs / 1000 + i * stepSeconds);
}

export interface ServiceChartData {
  readonly xs: number[];
  readonly p50: (number | null)[];
  readonly p90: (number | null)[];
  readonly p99: (number | null)[];
  /** Requests per second. */
  readonly rate: number[];
  /** Errors per second. */
  readonly errorRatePerSecond: number[];
  /** Error percentage 0..100; null for steps without calls. */
  readonly errorPercent: (number | null)[];
  readonly apdex: (number | null)[];
}

/** Arrays of one length (the shortest the server sent), so uPlot never reads past an end. */
export function serviceChartData(series: ApmServiceSeriesResponse): ServiceChartData {
  const count = Math.min(
    series.calls.length,
    series.rate.length,
    series.errors.length,
    series.errorRate.length,
    series.p50Ms.length,
    series.p90Ms.length,
    series.p99Ms.length,
    series.apdex.length,
  );
  const cut = <T>(values: readonly T[]): T[] => values.slice(0, count);
  return {
    xs: stepTimes(series.startMs, series.stepSeconds, count),
    p50: cut(series.p50Ms),
    p90: cut(series.p90Ms),
    p99: cut(series.p99Ms),
    rate: cut(series.rate),
    errorRatePerSecond: cut(series.errors).map((errors) => errors / series.stepSeconds),
    errorPercent: cut(series.errorRate).map((ratio) => (ratio === null ? null : ratio * 100)),
    apdex: cut(series.apdex),
  };
}

/** True when no step has a call (the charts then say so instead of drawing empty axes). */
export function isEmptySeries(series: ApmServiceSeriesResponse): boolean {
  return series.calls.every((calls) => calls === 0);
}
