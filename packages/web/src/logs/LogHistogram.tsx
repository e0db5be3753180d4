import { useMemo, useRef } from 'react';
import uPlot from 'uplot';
import type { LogHistogramResponse } from '@sightline/contract';
import { useTheme, cssVar } from '../app/theme-context.tsx';
import { chartColors, themedAxis } from '../charts/chart-theme.ts';
import { UPlotChart } from '../components/UPlotChart.tsx';
import { STACK_ORDER, stackHistogram } from './histogram-data.ts';

export interface LogHistogramProps {
  readonly histogram: LogHistogramResponse;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly onZoom: (startMs: number, endMs: number) => void;
}

const HEIGHT = 150;

/** Log counts per time bucket, stacked by severity. Drag to zoom the time range. */
export function LogHistogram({ histogram, range, onZoom }: LogHistogramProps) {
  const { theme } = useTheme();
  const stacked = useMemo(() => stackHistogram(histogram), [histogram]);
  const countsRef = useRef(stacked.counts);
  countsRef.current = stacked.counts;
  const zoomRef = useRef(onZoom);
  zoomRef.current = onZoom;

  const options = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => {
    const colors = chartColors();
    const bars = uPlot.paths.bars?.({ size: [0.9, 64], align: 1 });
    // Drawn top-down: the tallest (cumulative) series first, each lower level painted over it.
    const series: uPlot.Series[] = [...STACK_ORDER]
      .map((level, i) => ({ level, i }))
      .reverse()
      .map(({ level, i }) => {
        const color = cssVar(`--sev-${level}`, '#888888');
        return {
          label: level,
          stroke: color,
          fill: color,
          width: 0,
          paths: bars,
          points: { show: false },
          value: (_u: uPlot, _v: number | null, _s: number, idx: number | null) => (idx === null ? '' : String(countsRef.current[i]?.[idx] ?? 0)),
        };
      });
    return {
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: {
        x: { time: true, range: () => [range.startMs / 1000, range.endMs / 1000] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1) * 1.05] },
      },
      axes: [themedAxis(colors), themedAxis(colors, { size: 48, values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? v.toLocaleString() : '')) })],
      series: [{ label: 'time' }, ...series],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 5) return;
            const start = u.posToVal(u.select.left, 'x') * 1000;
            const end = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            zoomRef.current(start, end);
          },
        ],
      },
    };
  }, [range.startMs, range.endMs, theme]);

  const data = useMemo((): uPlot.AlignedData => [stacked.xs, ...[...stacked.stacked].reverse()], [stacked]);
  return (
    <UPlotChart
      options={options}
      data={data}
      height={HEIGHT}
      className="histogram"
      ariaLabel={`Log volume over time by severity: ${stacked.total.toLocaleString()} logs in ${stacked.xs.length} buckets of ${histogram.stepSeconds} seconds`}
    />
  );
}
