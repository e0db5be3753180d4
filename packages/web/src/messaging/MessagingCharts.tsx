import type { ConsumerLag, MessagingSeries } from '@sightline/contract';
import { useMemo, type ReactNode } from 'react';
import { TimeSeriesChart } from '../charts/TimeSeriesChart.tsx';
import { formatCount, formatLatencyMs, formatRate } from '../format/apm-numbers.ts';
import { lagChartData, messagingChartData } from './messaging-view.ts';

const LAG_COLORS = ['var(--chart-p50)', 'var(--chart-p90)', 'var(--chart-p99)', 'var(--chart-apdex)', 'var(--danger)'];

function ChartPanel({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="panel chart-panel" aria-label={title}>
      <div className="panel-header">
        <h3>{title}</h3>
      </div>
      {children}
    </section>
  );
}

export interface MessagingChartsProps {
  readonly series: MessagingSeries;
  readonly lag: ConsumerLag;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly onZoom: (startMs: number, endMs: number) => void;
}

/** Messages per second, p99 latencies and consumer lag over time. */
export function MessagingCharts({ series, lag, range, onZoom }: MessagingChartsProps) {
  const data = useMemo(() => messagingChartData(series), [series]);
  const lagData = useMemo(() => lagChartData(lag), [lag]);
  const common = { xs: data.xs, range, onZoom, height: 170 };
  return (
    <div className="charts-grid">
      <ChartPanel title="Messages per second">
        <TimeSeriesChart
          {...common}
          ariaLabel="Messages published and consumed per second, and failed ones"
          formatValue={formatRate}
          lines={[
            { label: 'published', color: 'var(--chart-p50)', values: data.published, fill: true },
            { label: 'consumed', color: 'var(--chart-p90)', values: data.consumed },
            { label: 'errors', color: 'var(--danger)', values: data.errors },
          ]}
        />
      </ChartPanel>
      <ChartPanel title="Latency p99">
        <TimeSeriesChart
          {...common}
          ariaLabel="p99 duration of publishing and of processing over time"
          formatValue={formatLatencyMs}
          lines={[
            { label: 'publish p99', color: 'var(--chart-p50)', values: data.publishP99 },
            { label: 'process p99', color: 'var(--chart-p99)', values: data.consumeP99 },
          ]}
        />
      </ChartPanel>
      <ChartPanel title="Consumer lag">
        {lag.metric === null ? (
          <p className="empty">
            No lag metrics. Scrape kafka_exporter (<code>kafka_consumergroup_lag</code>) or run the Collector’s kafkametrics receiver (
            <code>kafka.consumer_group.lag</code>) to see how far each consumer group is behind.
          </p>
        ) : lagData.groups.length === 0 ? (
          <p className="empty">
            No <code>{lag.metric}</code> series for this topic in this range.
          </p>
        ) : (
          <TimeSeriesChart
            xs={lagData.xs}
            range={range}
            onZoom={onZoom}
            height={170}
            ariaLabel={`Consumer lag per group (${lag.metric})`}
            formatValue={formatCount}
            lines={lagData.groups.map((g, i) => ({ label: g.group === '' ? '(no group)' : g.group, color: LAG_COLORS[i % LAG_COLORS.length] ?? 'var(--text)', values: g.values }))}
          />
        )}
      </ChartPanel>
    </div>
  );
}
