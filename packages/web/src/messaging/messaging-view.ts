/** The messaging page's URL state, table sort values, chart data and links. Pure. */

import type { ConsumerLag, MessagingDestination, MessagingSeries } from '@sightline/contract';
import { apmPath, tracesHref } from '../apm/apm-links.ts';
import { readSort, writeSort, type SortState, type SortValue } from '../apm/table-sort.ts';
import { formatAttributeFilter } from '../filters/attribute-filter-text.ts';

export const SYSTEM_PARAM = 'system';
export const DESTINATION_PARAM = 'dest';

export const DESTINATION_COLUMNS = ['destination', 'system', 'messages', 'publishRate', 'consumeRate', 'publishP99', 'consumeP99', 'errorRate', 'transitP99'] as const;
export type DestinationColumn = (typeof DESTINATION_COLUMNS)[number];
export const DEFAULT_DESTINATION_SORT: SortState<DestinationColumn> = { column: 'publishRate', order: 'desc' };

export interface MessagingView {
  /** The destination shown in detail, or undefined for the list. */
  readonly selected: { readonly system: string; readonly destination: string } | undefined;
  readonly sort: SortState<DestinationColumn>;
}

export function readMessagingView(params: URLSearchParams): MessagingView {
  const system = params.get(SYSTEM_PARAM);
  const destination = params.get(DESTINATION_PARAM);
  return {
    selected: system === null || destination === null ? undefined : { system, destination },
    sort: readSort(params, DESTINATION_COLUMNS, DEFAULT_DESTINATION_SORT),
  };
}

export function writeMessagingSort(params: URLSearchParams, sort: SortState<DestinationColumn>): void {
  writeSort(params, sort, DEFAULT_DESTINATION_SORT);
}

/** The messaging page (keeping range and environment), optionally opened on one destination. */
export function messagingHref(current: URLSearchParams, selected?: { readonly system: string; readonly destination: string }): string {
  return apmPath('/messaging', current, selected === undefined ? {} : { [SYSTEM_PARAM]: selected.system, [DESTINATION_PARAM]: selected.destination });
}

/** Traces with a span on this destination (the current attribute name), optionally of one service. */
export function destinationTracesHref(current: URLSearchParams, destination: string, service = ''): string {
  const base = tracesHref(current, { service });
  const [path, query = ''] = base.split('?');
  const params = new URLSearchParams(query);
  params.append('attr', formatAttributeFilter({ key: 'messaging.destination.name', op: 'equals', value: destination }));
  return `${path ?? '/traces'}?${params.toString()}`;
}

/** Errors among published and consumed messages together. */
export function overallErrorRate(d: MessagingDestination): number | null {
  const calls = d.publish.calls + d.consume.calls;
  return calls === 0 ? null : (d.publish.errors + d.consume.errors) / calls;
}

export function destinationSortValue(column: DestinationColumn): (d: MessagingDestination) => SortValue {
  switch (column) {
    case 'destination':
      return (d) => d.destination;
    case 'system':
      return (d) => d.system;
    case 'messages':
      return (d) => d.publish.calls + d.consume.calls;
    case 'publishRate':
      return (d) => d.publish.rate;
    case 'consumeRate':
      return (d) => d.consume.rate;
    case 'publishP99':
      return (d) => d.publish.p99Ms;
    case 'consumeP99':
      return (d) => d.consume.p99Ms;
    case 'errorRate':
      return overallErrorRate;
    case 'transitP99':
      return (d) => d.transit?.p99Ms ?? null;
  }
}

/** The x values (unix seconds) of a series' steps. */
export function stepXs(startMs: number, stepSeconds: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => startMs / 1000 + i * stepSeconds);
}

/** Messages per second of each step (counts over the step length). */
export function perSecond(counts: readonly number[], stepSeconds: number): number[] {
  return counts.map((c) => c / stepSeconds);
}

export interface MessagingChartData {
  readonly xs: number[];
  readonly published: number[];
  readonly consumed: number[];
  readonly errors: number[];
  readonly publishP99: (number | null)[];
  readonly consumeP99: (number | null)[];
}

export function messagingChartData(series: MessagingSeries): MessagingChartData {
  const n = series.published.length;
  return {
    xs: stepXs(series.startMs, series.stepSeconds, n),
    published: perSecond(series.published, series.stepSeconds),
    consumed: perSecond(series.consumed, series.stepSeconds),
    errors: perSecond(
      series.publishErrors.map((e, i) => e + (series.consumeErrors[i] ?? 0)),
      series.stepSeconds,
    ),
    publishP99: [...series.publishP99Ms],
    consumeP99: [...series.consumeP99Ms],
  };
}

export interface LagChartData {
  readonly xs: number[];
  /** Each group's lag (its partitions summed) per step; null where no partition reported. */
  readonly groups: { readonly group: string; readonly values: (number | null)[] }[];
  /** The latest value of each (group, partition). */
  readonly latest: { readonly group: string; readonly partition: string; readonly lag: number }[];
}

/** Lag per consumer group over time (partitions summed), on the union of the steps reported. */
export function lagChartData(lag: ConsumerLag): LagChartData {
  const times = [...new Set(lag.series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const byGroup = new Map<string, (number | null)[]>();
  for (const series of lag.series) {
    const values = byGroup.get(series.group) ?? new Array<number | null>(times.length).fill(null);
    for (const point of series.points) {
      const i = index.get(point.t);
      if (i !== undefined) values[i] = (values[i] ?? 0) + point.v;
    }
    byGroup.set(series.group, values);
  }
  return {
    xs: times.map((t) => t / 1000),
    groups: [...byGroup.entries()].map(([group, values]) => ({ group, values })),
    latest: lag.series
      .filter((s) => s.points.length > 0)
      .map((s) => ({ group: s.group, partition: s.partition, lag: s.points[s.points.length - 1]?.v ?? 0 })),
  };
}
