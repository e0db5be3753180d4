/**
 * The rule preview as a chart: each group's series on one time axis, a flat line per threshold in its
 * severity's colour, a y range that shows both, and how the condition judges each group now. Pure.
 */

import type { AlertCondition, AlertPreviewResponse, AlertSeverity, AlertThreshold } from '@sightline/contract';
import { formatNumber } from '../dashboards/panel-units.ts';

export const SEVERITY_COLORS: Readonly<Record<AlertSeverity, string>> = {
  critical: 'var(--danger)',
  warning: 'var(--warn)',
  info: 'var(--sev-info)',
};

/** Series colours that are none of the severities'. */
const GROUP_PALETTE = ['var(--chart-ok)', 'var(--chart-p99)', 'var(--chart-apdex)', 'var(--map-external)', 'var(--map-database)', 'var(--text-muted)'] as const;

export const COMPARISON_SYMBOLS: Readonly<Record<AlertCondition['comparison'], string>> = {
  above: '>',
  above_or_equal: '≥',
  below: '<',
  below_or_equal: '≤',
  equal: '=',
  not_equal: '≠',
};

export interface PreviewLine {
  readonly label: string;
  readonly color: string;
  /**
   * One per x: a value; `undefined` for a step between two points close enough to be joined (a
   * scrape interval longer than the step); `null` where data is missing (the line breaks).
   */
  readonly values: readonly (number | null | undefined)[];
  /** Set on a threshold's flat line (drawn dashed). */
  readonly threshold?: AlertSeverity;
}

export interface PreviewChartData {
  /** Unix seconds. */
  readonly xs: readonly number[];
  readonly lines: readonly PreviewLine[];
  readonly yRange: readonly [number, number];
}

const MAX_GRID_STEPS = 5000;
/** Points further apart than this many times a series' usual spacing leave a gap between them. */
const JOIN_FACTOR = 2.5;

/** The series' usual distance between points (the median), at least one step. */
function usualSpacing(times: readonly number[], stepMs: number): number {
  const deltas = times
    .slice(1)
    .map((t, i) => t - (times[i] ?? t))
    .sort((a, b) => a - b);
  return Math.max(stepMs, deltas[Math.floor(deltas.length / 2)] ?? stepMs);
}

/** `{queue="a", host="b"}` (sorted by name), or `all` for the one group of an ungrouped query. */
export function groupName(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? 'all' : `{${entries.map(([k, v]) => `${k}="${v}"`).join(', ')}}`;
}

function stepTimes(response: AlertPreviewResponse, range: { readonly startMs: number; readonly endMs: number }): number[] {
  const times = new Set<number>();
  const stepMs = response.stepSeconds * 1000;
  if (stepMs > 0 && (range.endMs - range.startMs) / stepMs <= MAX_GRID_STEPS) {
    for (let t = Math.floor(range.startMs / stepMs) * stepMs; t < range.endMs; t += stepMs) times.add(t);
  }
  for (const series of response.series) for (const point of series.points) times.add(point.t);
  return [...times].sort((a, b) => a - b);
}

/** From 0 (or below it for negative values) to a little above the largest value or threshold. */
function yRangeOf(values: readonly number[]): readonly [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (hi <= lo) hi = lo + 1;
  const pad = (hi - lo) * 0.1;
  return [lo < 0 ? lo - pad : lo, hi + pad];
}

/** The series of every group (by name) and a flat line per threshold over `range`. */
export function previewChartData(
  response: AlertPreviewResponse,
  condition: { readonly comparison: AlertCondition['comparison']; readonly thresholds: readonly AlertThreshold[] },
  range: { readonly startMs: number; readonly endMs: number },
): PreviewChartData {
  const times = stepTimes(response, range);
  const index = new Map(times.map((t, i) => [t, i]));
  const finite: number[] = [];
  // By name, so a group keeps its place and colour while the rule is edited.
  const ordered = [...response.series].sort((a, b) => (groupName(a.labels) < groupName(b.labels) ? -1 : 1));
  const groups = ordered.map((series, i): PreviewLine => {
    const points = series.points.filter((p) => Number.isFinite(p.v) && index.has(p.t)).sort((a, b) => a.t - b.t);
    const joinMs =
      JOIN_FACTOR *
      usualSpacing(
        points.map((p) => p.t),
        response.stepSeconds * 1000,
      );
    const values: (number | null | undefined)[] = times.map(() => null);
    points.forEach((point, k) => {
      const at = index.get(point.t) ?? 0;
      values[at] = point.v;
      finite.push(point.v);
      const next = points[k + 1];
      if (next === undefined || next.t - point.t > joinMs) return;
      for (let j = at + 1; j < (index.get(next.t) ?? at); j++) values[j] = undefined;
    });
    return { label: groupName(series.labels), color: GROUP_PALETTE[i % GROUP_PALETTE.length] ?? 'var(--chart-ok)', values };
  });
  const symbol = COMPARISON_SYMBOLS[condition.comparison];
  const thresholds = condition.thresholds.map((t): PreviewLine => ({
    label: `${t.severity} ${symbol} ${formatNumber(t.value)}`,
    color: SEVERITY_COLORS[t.severity],
    values: times.map(() => t.value),
    threshold: t.severity,
  }));
  return {
    xs: times.map((t) => t / 1000),
    lines: [...groups, ...thresholds],
    yRange: yRangeOf([...finite, ...condition.thresholds.map((t) => t.value)]),
  };
}

export interface Judgement {
  readonly group: string;
  readonly severity: AlertSeverity | null;
  /** `would fire: critical (value 93.2)`, `ok (value 12)`, `no data`. */
  readonly text: string;
}

type PreviewGroup = AlertPreviewResponse['groups'][number];

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/** Each group's verdict at the range end, those that would fire first (most severe first). */
export function judgements(groups: readonly PreviewGroup[]): Judgement[] {
  return groups
    .map((g): Judgement => {
      const value = g.value === null ? '' : ` (value ${formatNumber(g.value)})`;
      const text = g.severity !== null ? `would fire: ${g.severity}${value}` : g.value === null ? 'no data' : `ok${value}`;
      return { group: groupName(g.labels), severity: g.severity, text };
    })
    .sort(
      (a, b) => (a.severity === null ? 3 : SEVERITY_RANK[a.severity]) - (b.severity === null ? 3 : SEVERITY_RANK[b.severity]) || (a.group < b.group ? -1 : 1),
    );
}

/** `2 of 5 groups would fire`, `would fire`, `would not fire`, `no groups`. */
export function judgementSummary(groups: readonly PreviewGroup[]): string {
  const firing = groups.filter((g) => g.severity !== null).length;
  if (groups.length === 0) return 'no data to judge';
  if (groups.length === 1) return firing === 1 ? 'would fire now' : 'would not fire now';
  return `${firing} of ${groups.length} groups would fire now`;
}
