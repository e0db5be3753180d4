import { useMemo } from 'react';
import { TimeSeriesChart } from '../charts/TimeSeriesChart.tsx';
import type { MetricViewProps } from './MetricPanel.tsx';
import { chartData } from './panel-series.ts';
import { panelFormatter } from './panel-units.ts';

/** Lines over time with a legend (the series' names), in the panel's unit. */
export function TimeseriesView({ panel, data, scope, onZoom }: MetricViewProps) {
  const chart = useMemo(() => chartData(data, scope, panel.title), [data, scope, panel.title]);
  const format = useMemo(() => panelFormatter(panel.unit), [panel.unit]);
  return (
    <TimeSeriesChart xs={chart.xs} lines={chart.lines} formatValue={format} range={scope} height={180} ariaLabel={`${panel.title} over time`} onZoom={onZoom} />
  );
}
