/** The Hosts table's state (filter, sort), sort values, links and number formats. Pure. */

import type { HostSummary } from '@sightline/contract';
import { compareText, readSort, writeSort, type SortState, type SortValue } from '../apm/table-sort.ts';
import { pathWithGlobals } from '../router/routes.ts';

export const HOST_COLUMNS = ['name', 'cpu', 'memory', 'disk', 'load1', 'networkIn', 'networkOut', 'lastSeen'] as const;
export type HostColumn = (typeof HOST_COLUMNS)[number];

export const DEFAULT_HOST_SORT: SortState<HostColumn> = { column: 'name', order: 'asc' };

export const HOST_FILTER_PARAM = 'q';

export interface HostsView {
  readonly filter: string;
  readonly sort: SortState<HostColumn>;
}

export function readHostsView(params: URLSearchParams): HostsView {
  return { filter: params.get(HOST_FILTER_PARAM) ?? '', sort: readSort(params, HOST_COLUMNS, DEFAULT_HOST_SORT) };
}

export function writeHostsView(params: URLSearchParams, view: HostsView): void {
  if (view.filter.trim() === '') params.delete(HOST_FILTER_PARAM);
  else params.set(HOST_FILTER_PARAM, view.filter);
  writeSort(params, view.sort, DEFAULT_HOST_SORT);
}

/** Hosts whose name contains every word of `filter`, ignoring case. */
export function filterHosts(hosts: readonly HostSummary[], filter: string): HostSummary[] {
  const words = filter
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return hosts.filter((h) => words.every((w) => h.name.toLowerCase().includes(w)));
}

export function hostSortValue(column: HostColumn): (host: HostSummary) => SortValue {
  switch (column) {
    case 'name':
      return (h) => h.name;
    case 'cpu':
      return (h) => h.cpu;
    case 'memory':
      return (h) => h.memory;
    case 'disk':
      return (h) => h.disk;
    case 'load1':
      return (h) => h.load1;
    case 'networkIn':
      return (h) => h.networkInBytesPerSecond;
    case 'networkOut':
      return (h) => h.networkOutBytesPerSecond;
    case 'lastSeen':
      return (h) => h.lastSeenMs;
  }
}

export const byHostName = (a: HostSummary, b: HostSummary): number => compareText(a.name, b.name);

export function hostHref(host: string, current: URLSearchParams): string {
  return pathWithGlobals(`/hosts/${encodeURIComponent(host)}`, current);
}

const SOURCE_LABELS: Readonly<Record<string, string>> = { otel: 'OpenTelemetry', node_exporter: 'node_exporter' };

/** How a host's sources read: `OpenTelemetry + node_exporter`. */
export function sourcesText(sources: readonly string[]): string {
  return sources.map((s) => SOURCE_LABELS[s] ?? s).join(' + ');
}

const DASH = '–';
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units with three significant digits: `512 B`, `1.5 KiB`, `12.3 GiB`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return DASH;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
  return `${text} ${UNITS[unit] ?? 'B'}`;
}

export function formatBytesRate(bytesPerSecond: number | null | undefined): string {
  return bytesPerSecond === null || bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond) ? DASH : `${formatBytes(bytesPerSecond)}/s`;
}

/** A 0..1 share as a whole or one-decimal percentage (`25%`, `7.5%`), a dash without data. */
export function formatShare(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return DASH;
  const percent = ratio * 100;
  return `${String(Number(percent.toFixed(percent < 10 ? 1 : 0)))}%`;
}

export function formatLoad(load: number | null | undefined): string {
  return load === null || load === undefined || !Number.isFinite(load) ? DASH : load.toFixed(2);
}

export type UsageLevel = 'ok' | 'warn' | 'bad';

/** Usage from 80% deserves a look, from 90% attention. */
export function usageLevel(ratio: number | null | undefined): UsageLevel {
  if (ratio === null || ratio === undefined) return 'ok';
  return ratio >= 0.9 ? 'bad' : ratio >= 0.8 ? 'warn' : 'ok';
}

/** The start (unix seconds) of each of `count` steps. */
export function hostStepTimes(startMs: number, stepSeconds: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => startMs / 1000 + i * stepSeconds);
}

/** Chart step to ask for: whole minutes, about 120 points. */
export function hostChartStep(range: { readonly startMs: number; readonly endMs: number }): number {
  const seconds = Math.max(0, range.endMs - range.startMs) / 1000;
  return Math.max(1, Math.ceil(seconds / 120 / 60)) * 60;
}
