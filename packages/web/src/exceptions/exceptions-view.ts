/** The exceptions view's URL state: service filter, sort, and which groups are expanded. Pure. */

import { readSort, writeSort, type SortState } from '../apm/table-sort.ts';

export const EXCEPTION_COLUMNS = ['type', 'service', 'count', 'firstSeen', 'lastSeen', 'trend'] as const;
export type ExceptionColumn = (typeof EXCEPTION_COLUMNS)[number];
export const DEFAULT_EXCEPTION_SORT: SortState<ExceptionColumn> = { column: 'count', order: 'desc' };

/** The URL parameter listing expanded groups (one per group id). */
export const OPEN_PARAM = 'open';

type Params = { get(name: string): string | null; getAll(name: string): string[] };

export interface ExceptionsView {
  readonly service: string;
  readonly sort: SortState<ExceptionColumn>;
  readonly open: ReadonlySet<string>;
}

export function readExceptionsView(params: Params): ExceptionsView {
  return {
    service: params.get('service') ?? '',
    sort: readSort(params, EXCEPTION_COLUMNS, DEFAULT_EXCEPTION_SORT),
    open: new Set(params.getAll(OPEN_PARAM)),
  };
}

export function writeExceptionsSort(params: URLSearchParams, sort: SortState<ExceptionColumn>): void {
  writeSort(params, sort, DEFAULT_EXCEPTION_SORT);
}

/** Expands a collapsed group or collapses an expanded one. */
export function toggleOpen(params: URLSearchParams, id: string): void {
  const open = params.getAll(OPEN_PARAM);
  params.delete(OPEN_PARAM);
  const next = open.includes(id) ? open.filter((o) => o !== id) : [...open, id];
  for (const o of next) params.append(OPEN_PARAM, o);
}

/** Another service means other groups: the expanded ones go. */
export function writeServiceFilter(params: URLSearchParams, service: string): void {
  if (service === '') params.delete('service');
  else params.set('service', service);
  params.delete(OPEN_PARAM);
}
