/** The dashboards list's state (sort), links to a dashboard, and the edit mode in the URL. Pure. */

import type { DashboardListResponse } from '@sightline/contract';
import { compareText, readSort, writeSort, type SortState, type SortValue } from '../apm/table-sort.ts';
import { pathWithGlobals } from '../router/routes.ts';

export type DashboardSummary = DashboardListResponse['dashboards'][number];

export const DASHBOARD_COLUMNS = ['title', 'tags', 'kind', 'panels', 'updated'] as const;
export type DashboardColumn = (typeof DASHBOARD_COLUMNS)[number];

export const DEFAULT_DASHBOARD_SORT: SortState<DashboardColumn> = { column: 'title', order: 'asc' };

type Params = { get(name: string): string | null };

export function readDashboardsSort(params: Params): SortState<DashboardColumn> {
  return readSort(params, DASHBOARD_COLUMNS, DEFAULT_DASHBOARD_SORT);
}

export function writeDashboardsSort(params: URLSearchParams, sort: SortState<DashboardColumn>): void {
  writeSort(params, sort, DEFAULT_DASHBOARD_SORT);
}

export function dashboardSortValue(column: DashboardColumn): (d: DashboardSummary) => SortValue {
  switch (column) {
    case 'title':
      return (d) => d.title;
    case 'tags':
      return (d) => (d.tags.length === 0 ? null : [...d.tags].sort(compareText).join(', '));
    case 'kind':
      return (d) => (d.builtin ? 'built-in' : 'custom');
    case 'panels':
      return (d) => d.panelCount;
    case 'updated':
      return (d) => (d.builtin ? null : d.updatedMs);
  }
}

export const byTitle = (a: DashboardSummary, b: DashboardSummary): number => compareText(a.title, b.title) || compareText(a.id, b.id);

/** A dashboard's page, keeping the time range (variable choices belong to one dashboard and stay behind). */
export function dashboardHref(id: string, current: URLSearchParams, extra: Readonly<Record<string, string>> = {}): string {
  return pathWithGlobals(`/dashboards/${encodeURIComponent(id)}`, current, extra);
}

export function dashboardsHref(current: URLSearchParams): string {
  return pathWithGlobals('/dashboards', current);
}

export const EDIT_PARAM = 'edit';

export function readEditing(params: Params): boolean {
  return params.get(EDIT_PARAM) === '1';
}

export function writeEditing(params: URLSearchParams, editing: boolean): void {
  if (editing) params.set(EDIT_PARAM, '1');
  else params.delete(EDIT_PARAM);
}

/** `3 dashboards · 2 built-in`. */
export function dashboardsSummary(dashboards: readonly DashboardSummary[]): string {
  const builtin = dashboards.filter((d) => d.builtin).length;
  const count = `${dashboards.length} dashboard${dashboards.length === 1 ? '' : 's'}`;
  return builtin === 0 ? count : `${count} · ${builtin} built-in`;
}
