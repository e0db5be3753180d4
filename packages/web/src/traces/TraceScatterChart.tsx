import { useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { ScatterPoint } from '@sightline/contract';
import { chartColors, themedAxis } from '../charts/chart-theme.ts';
import { UPlotChart } from '../components/UPlotChart.tsx';
import { useTheme } from '../app/theme-context.tsx';
import { formatDurationNs } from '../format/duration.ts';
import { formatDateTime } from '../time/time-format.ts';
import { nearestPoint, scatterData, type ScatterData } from './scatter-data.ts';

export interface TraceScatterChartProps {
  readonly points: readonly ScatterPoint[];
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly onOpenTrace: (traceId: string) => void;
  /** Drag across the chart to zoom the time range. */
  readonly onZoom: (startMs: number, endMs: number) => void;
}

interface Hover {
  readonly index: number;
  readonly left: number;
  readonly top: number;
}

const HEIGHT = 200;

/** Duration (log scale) over start time, one dot per trace; red dots have errors. Click a dot to open its trace. */
/** On the log scale uPlot ticks every 1–9 × 10ⁿ; label only the powers of ten so labels never overlap. */
function logTickLabel(ms: number): string {
  const exponent = Math.log10(ms);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? formatDurationNs(Math.round(ms * 1e6)) : '';
}

export function TraceScatterChart({ points, range, onOpenTrace, onZoom }: TraceScatterChartProps) {
  const { theme } = useTheme();
  const data = useMemo(() => scatterData(points), [points]);
  const dataRef = useRef<ScatterData>(data);
  dataRef.current = data;
  const callbacks = useRef({ onOpenTrace, onZoom });
  callbacks.current = { onOpenTrace, onZoom };
  const hoverRef = useRef<number | undefined>(undefined);
  const [hover, setHover] = useState<Hover | undefined>();

  const options = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => {
    const colors = chartColors();
    const pointsOnly = (stroke: string): uPlot.Series => ({
      stroke,
      paths: () => null,
      points: { show: true, size: 6, width: 1, stroke, fill: stroke },
    });
    const toPixel = (u: uPlot) => (x: number, y: number) => [u.valToPos(x, 'x'), u.valToPos(y, 'y')] as const;
    return {
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false }, y: false },
      select: { show: true, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: true, range: () => [range.startMs / 1000, range.endMs / 1000] },
        y: { distr: 3, log: 10, range: (_u, min, max) => [Math.max(0.001, (min ?? 1) / 2), Math.max(1, (max ?? 1) * 2)] },
      },
      axes: [themedAxis(colors), themedAxis(colors, { size: 64, values: (_u, ticks) => ticks.map(logTickLabel) })],
      series: [{}, { label: 'ok', ...pointsOnly(colors.ok) }, { label: 'error', ...pointsOnly(colors.error) }],
      hooks: {
        setCursor: [
          (u) => {
            const { left, top } = u.cursor;
            const index = left === undefined || top === undefined || left < 0 ? undefined : nearestPoint(dataRef.current, toPixel(u), left, top);
            if (index === hoverRef.current) return;
            hoverRef.current = index;
            setHover(index === undefined ? undefined : { index, left: (left ?? 0) + u.over.offsetLeft, top: (top ?? 0) + u.over.offsetTop });
          },
        ],
        setSelect: [
          (u) => {
            if (u.select.width < 5) return;
            const start = u.posToVal(u.select.left, 'x') * 1000;
            const end = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            callbacks.current.onZoom(start, end);
          },
        ],
        ready: [
          (u) => {
            u.over.addEventListener('click', () => {
              const index = hoverRef.current;
              const traceId = index === undefined ? undefined : dataRef.current.traceIds[index];
              if (traceId !== undefined && u.select.width < 5) callbacks.current.onOpenTrace(traceId);
            });
          },
        ],
      },
    };
  }, [range.startMs, range.endMs, theme]);

  const aligned = useMemo((): uPlot.AlignedData => [data.xs, data.ok, data.errors], [data]);
  const hovered =
    hover === undefined
      ? undefined
      : { x: data.xs[hover.index], y: data.ok[hover.index] ?? data.errors[hover.index], error: data.errors[hover.index] !== null };

  return (
    <div className={`scatter${hover === undefined ? '' : ' is-pointing'}`}>
      <UPlotChart
        options={options}
        data={aligned}
        height={HEIGHT}
        ariaLabel={`Trace durations over time: ${points.length} traces, ${points.filter((p) => p.error).length} with errors`}
      />
      {hover !== undefined && hovered?.x !== undefined && (
        <div className="chart-tooltip" style={{ left: hover.left + 12, top: hover.top + 12 }} aria-hidden="true">
          <div>{formatDateTime(hovered.x * 1000)}</div>
          <div>
            <strong>{formatDurationNs((hovered.y ?? 0) * 1e6)}</strong> {hovered.error && <span className="text-danger">· errors</span>}
          </div>
          <div className="muted">click to open</div>
        </div>
      )}
    </div>
  );
}
