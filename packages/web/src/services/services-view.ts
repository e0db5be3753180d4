/** The services table's state (filter text, sort) and sort values per column. Pure. */

import type { ApmServiceSummary } from '@sightline/contract';
import { compareText, readSort, writeSort, type SortState, type SortValue } from '../apm/table-sort.ts';

export const SERVICE_COLUMNS = ['name', 'rate', 'errorRate', 'p50', 'p95', 'p99', 'apdex', 'calls'] as const;
export type ServiceColumn = (typeof SERVICE_COLUMNS)[number];

export const DEFAULT_SERVICE_SORT: SortState<ServiceColumn> = { column: 'rate', order: 'desc' };

/** The filter box's URL parameter. */
export const FILTER_PARAM = 'q';

export interface ServicesView {
  readonly filter: string;
  readonly sort: SortState<ServiceColumn>;
}

export function readServicesView(params: URLSearchParams): ServicesView {
  return { filter: params.get(FILTER_PARAM) ?? '', sort: readSort(params, SERVICE_COLUMNS, DEFAULT_SERVICE_SORT) };
}

export function writeServicesView(params: URLSearchParams, view: ServicesView): void {
  if (view.filter.trim() === '') params.delete(FILTER_PARAM);
  else params.set(FILTER_PARAM, view.filter);
  writeSort(params, view.sort, DEFAULT_SERVICE_SORT);
}

/** Services whose name contains every word of `filter`, ignoring case. */
export function filterServices(services: readonly ApmServiceSummary[], filter: string): ApmServiceSummary[] {
  const words = filter
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return services.filter((s) => words.every((w) => s.name.toLowerCase().includes(w)));
}

/** A column's sort value; services without data in the range have none (they sort last). */
export function serviceSortValue(column: ServiceColumn): (service: ApmServiceSummary) => SortValue {
  const of = (value: (s: ApmServiceSummary) => number | null) => (s: ApmServiceSummary) => (s.active ? value(s) : null);
  switch (column) {
    case 'name':
      return (s) => s.name;
    case 'rate':
      return of((s) => s.rate);
    case 'errorRate':
      return of((s) => s.errorRate);
    case 'p50':
      return of((s) => s.p50Ms);
    case 'p95':
      return of((s) => s.p95Ms);
    case 'p99':
      return of((s) => s.p99Ms);
    case 'apdex':
      return of((s) => s.apdex);
    case 'calls':
      return of((s) => s.calls);
  }
}

export const byServiceName = (a: ApmServiceSummary, b: ApmServiceSummary): number => compareText(a.name, b.name);
