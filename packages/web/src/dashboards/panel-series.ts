/** A panel query's answer as chart data: aligned steps, one named line per series, latest values. Pure. */

import type { PanelQueryResponse } from '@sightline/contract';

type PanelSeries = PanelQueryResponse['series'][number];

export const SERIES_PALETTE = [
  'var(--chart-ok)',
  'var(--chart-p90)',
  'var(--chart-p99)',
  'var(--chart-apdex)',
  'var(--chart-p50)',
  'var(--warn)',
  'var(--danger)',
] as const;

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
}

export interface ChartData {
  /** Step starts, unix seconds. */
  readonly xs: readonly number[];
  readonly lines: readonly ChartSeries[];
}

/** More steps than this are not drawn as an empty grid (only the steps with points are kept). */
const MAX_GRID_STEPS = 5000;

/** What a series is called: its legend name, else its labels (`{cpu="0", mode="idle"}`), else the fallback. */
export function seriesLabel(series: Pick<PanelSeries, 'name' | 'labels'>, fallback: string): string {
  if (series.name.trim() !== '') return series.name;
  const entries = Object.entries(series.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return fallback;
  return `{${entries.map(([key, value]) => `${key}="${value}"`).join(', ')}}`;
}

/** Step starts (ms) from the step containing `startMs` up to `endMs`, plus any point times off that grid. */
function stepTimes(series: readonly PanelSeries[], stepSeconds: number, range: { readonly startMs: number; readonly endMs: number }): number[] {
  const times = new Set<number>();
  const stepMs = stepSeconds * 1000;
  if (stepMs > 0 && (range.endMs - range.startMs) / stepMs <= MAX_GRID_STEPS) {
    for (let t = Math.floor(range.startMs / stepMs) * stepMs; t < range.endMs; t += stepMs) times.add(t);
  }
  for (const s of series) for (const point of s.points) times.add(point.t);
  return [...times].sort((a, b) => a - b);
}

/** The series on one time axis: steps without a point are gaps (null). */
export function chartData(response: PanelQueryResponse, range: { readonly startMs: number; readonly endMs: number }, fallbackName: string): ChartData {
  const times = stepTimes(response.series, response.stepSeconds, range);
  const index = new Map(times.map((t, i) => [t, i]));
  const lines = response.series.map((s, i): ChartSeries => {
    const values: (number | null)[] = times.map(() => null);
    for (const point of s.points) {
      const at = index.get(point.t);
      if (at !== undefined && Number.isFinite(point.v)) values[at] = point.v;
    }
    return { label: seriesLabel(s, fallbackName), color: SERIES_PALETTE[i % SERIES_PALETTE.length] ?? 'var(--chart-ok)', values };
  });
  return { xs: times.map((t) => t / 1000), lines };
}

export function hasPoints(response: PanelQueryResponse): boolean {
  return response.series.some((s) => s.points.some((p) => Number.isFinite(p.v)));
}

export interface LatestValue {
  readonly label: string;
  readonly value: number;
  /** Unix ms of the step the value belongs to. */
  readonly t: number;
}

/** Each series' newest finite value (series without one are left out), in the answer's order. */
export function latestValues(response: PanelQueryResponse, fallbackName: string): LatestValue[] {
  const latest: LatestValue[] = [];
  for (const s of response.series) {
    let newest: { t: number; v: number } | undefined;
    for (const point of s.points) if (Number.isFinite(point.v) && (newest === undefined || point.t >= newest.t)) newest = point;
    if (newest !== undefined) latest.push({ label: seriesLabel(s, fallbackName), value: newest.v, t: newest.t });
  }
  return latest;
}

/** The step to ask for: whole minutes at most, about 120 points over the range, at least 15 s. */
export function panelStep(range: { readonly startMs: number; readonly endMs: number }): number {
  const seconds = Math.max(0, range.endMs - range.startMs) / 1000;
  const raw = seconds / 120;
  if (raw <= 15) return 15;
  if (raw <= 30) return 30;
  return Math.ceil(raw / 60) * 60;
}

/** `Metric a is not being collected.` / `Metrics a, b and c are not being collected.` ('' for none). */
export function missingMetricsText(missing: readonly string[]): string {
  const names = [...new Set(missing)];
  if (names.length === 0) return '';
  if (names.length === 1) return `Metric ${names[0] ?? ''} is not being collected.`;
  const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  return `Metrics ${list} are not being collected.`;
}
