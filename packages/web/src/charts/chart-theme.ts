import type uPlot from 'uplot';
import { cssVar } from '../app/theme-context.tsx';

export interface ChartColors {
  readonly axis: string;
  readonly grid: string;
  readonly ok: string;
  readonly error: string;
}

/** The current theme's chart colours (read when a chart is built). */
export function chartColors(): ChartColors {
  return {
    axis: cssVar('--text-muted', '#555'),
    grid: cssVar('--chart-grid', 'rgba(0,0,0,0.08)'),
    ok: cssVar('--chart-ok', '#2f6fdb'),
    error: cssVar('--danger', '#c62828'),
  };
}

/** A themed axis; `values` formats tick labels. */
export function themedAxis(colors: ChartColors, extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: colors.axis,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
    font: '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    ...extra,
  };
}
