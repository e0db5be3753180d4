/** The log histogram as stacked series for uPlot: levels stacked bottom (fatal) to top (unset). Pure. */

import type { LogHistogramResponse, SeverityCounts } from '@sightline/contract';

/** Bottom to top, so errors sit on the axis where they are easiest to see. */
export const STACK_ORDER: readonly (keyof SeverityCounts)[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'unset'];

export interface StackedHistogram {
  /** Bucket starts in unix seconds. */
  readonly xs: number[];
  /** Per level in STACK_ORDER: the running total up to and including that level. */
  readonly stacked: number[][];
  /** Per level in STACK_ORDER: the bucket's own count. */
  readonly counts: number[][];
  readonly total: number;
}

export function stackHistogram(histogram: LogHistogramResponse): StackedHistogram {
  const buckets = [...histogram.buckets].sort((a, b) => a.t - b.t);
  const counts = STACK_ORDER.map((level) => buckets.map((b) => b.counts[level]));
  const stacked: number[][] = [];
  counts.forEach((series, i) => {
    const below = stacked[i - 1];
    stacked.push(series.map((value, j) => value + (below?.[j] ?? 0)));
  });
  const top = stacked[stacked.length - 1] ?? [];
  return { xs: buckets.map((b) => b.t / 1000), stacked, counts, total: top.reduce((a, b) => a + b, 0) };
}
