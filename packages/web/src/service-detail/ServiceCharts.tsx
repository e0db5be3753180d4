import type { ApmApdexSettingsResponse, ApmServiceSeriesResponse } from '@sightline/contract';
import { useMemo, type ReactNode } from 'react';
import { isEmptySeries, serviceChartData } from '../apm/series-data.ts';
import { TimeSeriesChart } from '../charts/TimeSeriesChart.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatApdex, formatLatencyMs, formatRate } from '../format/apm-numbers.ts';
import type { ApiState } from '../hooks/use-api.ts';
import { ApdexEditor } from './ApdexEditor.tsx';

export interface ServiceChartsProps {
  readonly service: string;
  readonly series: ApiState<ApmServiceSeriesResponse>;
  readonly apdex: ApiState<ApmApdexSettingsResponse>;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly onZoom: (startMs: number, endMs: number) => void;
  readonly onApdexSaved: () => void;
}

function ChartPanel({ title, extra, children }: { readonly title: string; readonly extra?: ReactNode; readonly children: ReactNode }) {
  return (
    <section className="panel chart-panel" aria-label={title}>
      <div className="panel-header">
        <h3>{title}</h3>
        {extra}
      </div>
      {children}
    </section>
  );
}

const percent = (v: number): string => `${String(Number(v.toFixed(v < 10 ? 2 : 1)))}%`;

/** Latency percentiles, requests and errors per second, error percentage and apdex over time. */
export function ServiceCharts({ service, series, apdex, range, onZoom, onApdexSaved }: ServiceChartsProps) {
  const data = useMemo(() => (series.data === undefined ? undefined : serviceChartData(series.data)), [series.data]);
  if (series.error !== undefined) return <ErrorNotice error={series.error} title="Could not load the charts" onRetry={series.reload} />;
  if (data === undefined || series.data === undefined) return <div className="charts-grid charts-loading" aria-busy="true" />;
  const empty = isEmptySeries(series.data);
  const what = series.data.operation === null ? 'requests' : `“${series.data.operation}”`;
  const common = { xs: data.xs, range, onZoom, height: 170 };
  const thresholdMs = series.data.apdexThresholdMs;
  const custom = apdex.data?.services[service] !== undefined;
  return (
    <div className={`charts-grid${series.loading ? ' is-stale' : ''}`}>
      {empty && <p className="charts-empty muted">No {what} in this range.</p>}
      <ChartPanel title="Latency">
        <TimeSeriesChart
          {...common}
          ariaLabel={`Latency percentiles of ${what} over time`}
          formatValue={formatLatencyMs}
          lines={[
            { label: 'p50', color: 'var(--chart-p50)', values: data.p50 },
            { label: 'p90', color: 'var(--chart-p90)', values: data.p90 },
            { label: 'p99', color: 'var(--chart-p99)', values: data.p99 },
          ]}
        />
      </ChartPanel>
      <ChartPanel title="Requests and errors">
        <TimeSeriesChart
          {...common}
          ariaLabel={`Rate of ${what} and of errors over time`}
          formatValue={formatRate}
          lines={[
            { label: 'requests', color: 'var(--chart-ok)', values: data.rate, fill: true },
            { label: 'errors', color: 'var(--danger)', values: data.errorRatePerSecond },
          ]}
        />
      </ChartPanel>
      <ChartPanel title="Error rate">
        <TimeSeriesChart
          {...common}
          ariaLabel={`Error percentage of ${what} over time`}
          formatValue={percent}
          lines={[{ label: 'errors', color: 'var(--danger)', values: data.errorPercent, fill: true }]}
        />
      </ChartPanel>
      <ChartPanel
        title="Apdex"
        extra={
          <ApdexEditor
            key={thresholdMs}
            service={service}
            thresholdMs={thresholdMs}
            defaultMs={apdex.data?.defaultThresholdMs}
            custom={custom}
            onSaved={onApdexSaved}
          />
        }
      >
        <TimeSeriesChart
          {...common}
          ariaLabel={`Apdex of ${what} over time against a threshold of ${formatLatencyMs(thresholdMs)}`}
          formatValue={formatApdex}
          yRange={[0, 1]}
          lines={[{ label: 'apdex', color: 'var(--chart-apdex)', values: data.apdex }]}
        />
      </ChartPanel>
    </div>
  );
}
