import type { MetricSeries } from '@sightline/contract';
import { stepTimeMs, type StepGrid } from './step-grid.ts';

/** One computed value: a group (its label values) at a step. */
export interface StepValue {
  readonly groupValues: readonly string[];
  readonly bucket: number;
  readonly value: number | null;
}

function labelsOf(groupBy: readonly string[], values: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  groupBy.forEach((key, index) => {
    const value = values[index] ?? '';
    if (value !== '') labels[key] = value;
  });
  return labels;
}

/**
 * Values ordered by group then step become one series per group; steps without a finite value
 * are left out (JSON has no NaN).
 */
export function toSeries(values: readonly StepValue[], groupBy: readonly string[], grid: StepGrid): MetricSeries[] {
  const series: MetricSeries[] = [];
  let currentKey: string | undefined;
  let current: MetricSeries | undefined;
  for (const item of values) {
    const key = JSON.stringify(item.groupValues);
    if (current === undefined || key !== currentKey) {
      current = { labels: labelsOf(groupBy, item.groupValues), points: [] };
      currentKey = key;
      series.push(current);
    }
    if (item.value !== null && Number.isFinite(item.value)) current.points.push({ t: stepTimeMs(grid, item.bucket), v: item.value });
  }
  return series.filter((item) => item.points.length > 0);
}
