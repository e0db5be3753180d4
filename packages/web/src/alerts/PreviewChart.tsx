import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useTheme } from '../app/theme-context.tsx';
import { chartColors, themedAxis } from '../charts/chart-theme.ts';
import { UPlotChart } from '../components/UPlotChart.tsx';
import { formatNumber } from '../dashboards/panel-units.ts';
import type { PreviewChartData } from './preview-chart.ts';

/** `var(--x)` as the theme's colour now (canvas cannot read CSS variables). */
function resolveColor(color: string): string {
  const name = /^var\((--[\w-]+)\)$/.exec(color)?.[1];
  if (name === undefined) return color;
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? '#888888' : value;
}

const SPARSE_POINTS = 12;

const format = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatNumber(v));

/** Each group's series with the thresholds as dashed lines in their severity's colour, over the range. */
export function PreviewChart({
  chart,
  range,
  height = 220,
  ariaLabel,
}: {
  readonly chart: PreviewChartData;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly height?: number;
  readonly ariaLabel: string;
}) {
  const { theme } = useTheme();
  const lineKey = chart.lines.map((l) => `${l.label}|${l.color}|${l.threshold ?? ''}`).join(';');
  const [yLow, yHigh] = chart.yRange;
  // Few points (or lone ones between gaps) would be invisible as a line alone.
  const sparse = chart.lines.every((l) => l.threshold !== undefined || l.values.filter((v) => v !== null && v !== undefined).length <= SPARSE_POINTS);
  const options = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => {
    const colors = chartColors();
    return {
      legend: { show: true, live: true },
      cursor: { points: { size: 6 } },
      scales: { x: { time: true, range: () => [range.startMs / 1000, range.endMs / 1000] }, y: { range: () => [yLow, yHigh] } },
      axes: [themedAxis(colors), themedAxis(colors, { size: 62, values: (_u, ticks) => ticks.map((t) => format(t)) })],
      series: [
        { label: 'time' },
        ...chart.lines.map((line): uPlot.Series => {
          const stroke = resolveColor(line.color);
          return line.threshold === undefined
            ? { label: line.label, stroke, width: 1.5, spanGaps: false, points: { show: sparse, size: 5, fill: stroke }, value: (_u, v) => format(v) }
            : { label: line.label, stroke, width: 1.5, dash: [6, 4], points: { show: false }, value: (_u, v) => format(v) };
        }),
      ],
    };
    // lineKey stands for the lines' labels and colours; their values only change the data.
  }, [range.startMs, range.endMs, yLow, yHigh, lineKey, sparse, theme]);
  const data = useMemo((): uPlot.AlignedData => [[...chart.xs], ...chart.lines.map((l) => [...l.values])], [chart]);
  return <UPlotChart options={options} data={data} height={height} className="series-chart alert-preview-chart" ariaLabel={ariaLabel} />;
}
