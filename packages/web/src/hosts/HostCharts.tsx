import type { HostSeries, InfraHostDetailResponse } from '@sightline/contract';
import { useMemo, type ReactNode } from 'react';
import { TimeSeriesChart, type TimeSeriesLine } from '../charts/TimeSeriesChart.tsx';
import { formatBytes, formatLoad, formatShare, hostStepTimes } from './hosts-view.ts';

const PALETTE = ['var(--chart-ok)', 'var(--chart-p90)', 'var(--chart-p99)', 'var(--chart-apdex)', 'var(--chart-p50)', 'var(--warn)', 'var(--danger)'];

function ChartPanel({ title, empty, children }: { readonly title: string; readonly empty: boolean; readonly children: ReactNode }) {
  return (
    <section className="panel chart-panel" aria-label={title}>
      <div className="panel-header">
        <h3>{title}</h3>
      </div>
      {empty ? <p className="empty">No data in this range.</p> : children}
    </section>
  );
}

const hasData = (lines: readonly TimeSeriesLine[]): boolean => lines.some((l) => l.values.some((v) => v !== null));

function linesOf(series: readonly HostSeries[], count: number, scale = 1): TimeSeriesLine[] {
  return series.map((s, i) => ({
    label: s.name,
    color: PALETTE[i % PALETTE.length] ?? 'var(--chart-ok)',
    values: s.values.slice(0, count).map((v) => (v === null ? null : v * scale)),
  }));
}

const percent = (v: number): string => formatShare(v / 100);

/** CPU, memory, disk use, network, disk I/O and load of one host over the range. */
export function HostCharts({
  detail,
  range,
  onZoom,
}: {
  readonly detail: InfraHostDetailResponse;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly onZoom: (startMs: number, endMs: number) => void;
}) {
  const charts = useMemo(() => {
    const count = detail.cpuBusy.length;
    const cpu: TimeSeriesLine[] = [
      { label: 'busy', color: 'var(--chart-ok)', values: detail.cpuBusy.map((v) => (v === null ? null : v * 100)), fill: true },
      ...linesOf(detail.cpuStates, count, 100).map((l, i) => ({ ...l, color: PALETTE[(i + 1) % PALETTE.length] ?? l.color })),
    ];
    const memoryUsed: TimeSeriesLine[] = [
      { label: 'used', color: 'var(--chart-ok)', values: detail.memoryUsed.slice(0, count).map((v) => (v === null ? null : v * 100)), fill: true },
    ];
    return {
      xs: hostStepTimes(detail.startMs, detail.stepSeconds, count),
      cpu,
      memoryUsed,
      memoryStates: linesOf(detail.memoryStates, count),
      disk: linesOf(detail.diskUsed, count, 100),
      network: linesOf(detail.network, count),
      diskIo: linesOf(detail.diskIo, count),
      load: linesOf(detail.load, count),
    };
  }, [detail]);
  const common = { xs: charts.xs, range, onZoom, height: 170 };
  return (
    <div className="charts-grid">
      <ChartPanel title="CPU" empty={!hasData(charts.cpu)}>
        <TimeSeriesChart {...common} ariaLabel="CPU busy and per-state share over time" formatValue={percent} yRange={[0, 100]} lines={charts.cpu} />
      </ChartPanel>
      <ChartPanel title="Memory used" empty={!hasData(charts.memoryUsed)}>
        <TimeSeriesChart {...common} ariaLabel="Memory used over time" formatValue={percent} yRange={[0, 100]} lines={charts.memoryUsed} />
      </ChartPanel>
      <ChartPanel title="Memory by state" empty={!hasData(charts.memoryStates)}>
        <TimeSeriesChart {...common} ariaLabel="Memory bytes per state over time" formatValue={formatBytes} lines={charts.memoryStates} />
      </ChartPanel>
      <ChartPanel title="Disk used" empty={!hasData(charts.disk)}>
        <TimeSeriesChart {...common} ariaLabel="Used share per filesystem over time" formatValue={percent} yRange={[0, 100]} lines={charts.disk} />
      </ChartPanel>
      <ChartPanel title="Network per second" empty={!hasData(charts.network)}>
        <TimeSeriesChart {...common} ariaLabel="Network bytes per second per interface over time" formatValue={formatBytes} lines={charts.network} />
      </ChartPanel>
      <ChartPanel title="Disk I/O per second" empty={!hasData(charts.diskIo)}>
        <TimeSeriesChart {...common} ariaLabel="Disk bytes read and written per second over time" formatValue={formatBytes} lines={charts.diskIo} />
      </ChartPanel>
      <ChartPanel title="Load average" empty={!hasData(charts.load)}>
        <TimeSeriesChart {...common} ariaLabel="Load averages over time" formatValue={formatLoad} lines={charts.load} />
      </ChartPanel>
    </div>
  );
}
