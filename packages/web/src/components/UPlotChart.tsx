import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  /** Everything but the size; a new object rebuilds the chart. */
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  readonly height: number;
  readonly className?: string;
  readonly ariaLabel: string;
}

/** A uPlot canvas chart that fills its container's width and follows resizes. */
export function UPlotChart({ options, data, height, className, ariaLabel }: UPlotChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return undefined;
    const plot = new uPlot({ ...options, width: Math.max(100, container.clientWidth), height }, dataRef.current, container);
    plotRef.current = plot;
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(100, container.clientWidth), height }));
    observer.observe(container);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  return <div ref={containerRef} className={className} role="img" aria-label={ariaLabel} />;
}
