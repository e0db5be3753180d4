import { useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import { useTheme } from '../app/theme-context.tsx';
import { UPlotChart } from '../components/UPlotChart.tsx';
import { chartColors, themedAxis } from './chart-theme.ts';

export interface TimeSeriesLine {
  readonly label: string;
  /** A CSS colour or `var(--name)` custom property of the theme. */
  readonly color: string;
  readonly values: readonly (number | null)[];
  /** Filled under the line (one line per chart, e.g. a rate). */
  readonly fill?: boolean;
}

export interface TimeSeriesChartProps {
  /** Unix seconds. */
  readonly xs: readonly number[];
  readonly lines: readonly TimeSeriesLine[];
  readonly formatValue: (value: number) => string;
  readonly range: { readonly startMs: number; readonly endMs: number };
  /** Fixed y range (e.g. [0, 1] for apdex); otherwise from 0 to a little above the largest value. */
  readonly yRange?: readonly [number, number];
  readonly height?: number;
  readonly ariaLabel: string;
  /** Drag across the chart to zoom the time range. */
  readonly onZoom?: (startMs: number, endMs: number) => void;
}

/** At most this many values with data: each is drawn as a dot too. */
const SPARSE_POINTS = 12;

/** Indices of the values worth a dot: not gaps and not zero (a zero rate lies on the axis). */
function withData(values: uPlot.AlignedData[number] | undefined): number[] {
  const indices: number[] = [];
  values?.forEach((v, i) => {
    if (v !== null && v !== undefined && v !== 0) indices.push(i);
  });
  return indices;
}

/** `var(--x)` resolved against the current theme (canvas cannot read CSS variables). */
function resolveColor(color: string): string {
  const match = /^var\((--[\w-]+)\)$/.exec(color);
  if (match === null) return color;
  const value = getComputedStyle(document.documentElement)
    .getPropertyValue(match[1] ?? '')
    .trim();
  return value === '' ? '#888888' : value;
}

function withAlpha(color: string, alpha: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? `${color}${alpha}` : color;
}

/** Lines over time on a uPlot canvas with a live legend; gaps where a step has no value. */
export function TimeSeriesChart({ xs, lines, formatValue, range, yRange, height = 160, ariaLabel, onZoom }: TimeSeriesChartProps) {
  const { theme } = useTheme();
  const formatRef = useRef(formatValue);
  formatRef.current = formatValue;
  const zoomRef = useRef(onZoom);
  zoomRef.current = onZoom;
  const lineKey = lines.map((l) => `${l.label}|${l.color}|${l.fill === true}`).join(';');
  const sparse = lines.every((l) => l.values.filter((v) => v !== null && v !== 0).length <= SPARSE_POINTS);

  const options = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => {
    const colors = chartColors();
    const format = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatRef.current(v));
    return {
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { size: 6 } },
      scales: {
        x: { time: true, range: () => [range.startMs / 1000, range.endMs / 1000] },
        y: { range: yRange === undefined ? (_u, _min, max) => [0, max === null || max <= 0 ? 1 : max * 1.1] : () => [yRange[0], yRange[1]] },
      },
      axes: [themedAxis(colors), themedAxis(colors, { size: 62, values: (_u, ticks) => ticks.map((t) => (t === 0 ? '0' : format(t))) })],
      series: [
        { label: 'time' },
        ...lines.map((line): uPlot.Series => {
          const stroke = resolveColor(line.color);
          return {
            label: line.label,
            stroke,
            width: 1.5,
            spanGaps: false,
            // Few values (or lone ones between gaps) would be invisible as a line alone.
            points: { show: sparse, size: 5, fill: stroke, filter: (u, seriesIdx, show) => (show ? withData(u.data[seriesIdx]) : null) },
            value: (_u, v) => format(v),
            ...(line.fill === true ? { fill: withAlpha(stroke, '26') } : {}),
          };
        }),
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 5 || zoomRef.current === undefined) return;
            const start = u.posToVal(u.select.left, 'x') * 1000;
            const end = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            zoomRef.current(start, end);
          },
        ],
      },
    };
    // lineKey stands for `lines`' labels and colours; their values only change the data.
  }, [range.startMs, range.endMs, yRange?.[0], yRange?.[1], lineKey, sparse, theme]);

  const data = useMemo((): uPlot.AlignedData => [[...xs], ...lines.map((l) => [...l.values])], [xs, lines]);
  return <UPlotChart options={options} data={data} height={height} className="series-chart" ariaLabel={ariaLabel} />;
}
