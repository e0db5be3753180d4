/** The scatter chart's data: trace start (seconds) against duration (ms), ok and error as two series. Pure. */

import type { ScatterPoint } from '@sightline/contract';
import { nanosToMs } from '../format/nanos.ts';

/** Durations are drawn on a log scale, which cannot show 0. */
export const MIN_DURATION_MS = 0.001;

export interface ScatterData {
  /** Start times in unix seconds, ascending. */
  readonly xs: number[];
  /** Duration in ms where the trace is ok, else null. */
  readonly ok: (number | null)[];
  /** Duration in ms where the trace has errors, else null. */
  readonly errors: (number | null)[];
  readonly traceIds: string[];
}

export function scatterData(points: readonly ScatterPoint[]): ScatterData {
  const rows = points
    .map((p) => ({ x: nanosToMs(p.startTimeUnixNano) / 1000, y: Math.max(MIN_DURATION_MS, Number(p.durationNs) / 1e6), error: p.error, traceId: p.traceId }))
    .sort((a, b) => a.x - b.x);
  return {
    xs: rows.map((r) => r.x),
    ok: rows.map((r) => (r.error ? null : r.y)),
    errors: rows.map((r) => (r.error ? r.y : null)),
    traceIds: rows.map((r) => r.traceId),
  };
}

/** The point nearest to `(left, top)` within `radius` pixels, given each point's pixel position. */
export function nearestPoint(
  data: ScatterData,
  toPixel: (x: number, y: number) => readonly [number, number],
  left: number,
  top: number,
  radius = 8,
): number | undefined {
  let best: number | undefined;
  let bestDistance = radius * radius;
  for (let i = 0; i < data.xs.length; i++) {
    const y = data.ok[i] ?? data.errors[i];
    const x = data.xs[i];
    if (y === null || y === undefined || x === undefined) continue;
    const [px, py] = toPixel(x, y);
    const distance = (px - left) ** 2 + (py - top) ** 2;
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
