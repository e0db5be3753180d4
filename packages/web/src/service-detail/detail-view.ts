/** The service page's URL state: the tab, the operation the charts show, and the tab table's sort. Pure. */

import type { DependencyType } from '@sightline/contract';
import { readSort, writeSort, type SortState } from '../apm/table-sort.ts';

export const DETAIL_TABS = ['operations', 'db', 'external', 'messaging', 'errors', 'instances'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const TAB_LABELS: Readonly<Record<DetailTab, string>> = {
  operations: 'Operations',
  db: 'DB calls',
  external: 'External calls',
  messaging: 'Messaging',
  errors: 'Errors',
  instances: 'Instances',
};

/** The dependency type a tab lists, if it lists dependencies. */
export function dependencyTypeOf(tab: DetailTab): DependencyType | undefined {
  return tab === 'db' || tab === 'external' || tab === 'messaging' ? tab : undefined;
}

export const OPERATION_COLUMNS = ['name', 'calls', 'rate', 'errorRate', 'p50', 'p95', 'p99'] as const;
export type OperationColumn = (typeof OPERATION_COLUMNS)[number];
export const DEFAULT_OPERATION_SORT: SortState<OperationColumn> = { column: 'calls', order: 'desc' };

export const DEPENDENCY_COLUMNS = ['system', 'target', 'operation', 'calls', 'rate', 'errorRate', 'avg', 'p99', 'total'] as const;
export type DependencyColumn = (typeof DEPENDENCY_COLUMNS)[number];
export const DEFAULT_DEPENDENCY_SORT: SortState<DependencyColumn> = { column: 'total', order: 'desc' };

export const INSTANCE_COLUMNS = ['instance', 'host', 'environment', 'spans', 'errors', 'lastSeen'] as const;
export type InstanceColumn = (typeof INSTANCE_COLUMNS)[number];
export const DEFAULT_INSTANCE_SORT: SortState<InstanceColumn> = { column: 'spans', order: 'desc' };

type Params = { get(name: string): string | null };

export function readTab(params: Params): DetailTab {
  const tab = params.get('tab');
  return (DETAIL_TABS as readonly string[]).includes(tab ?? '') ? (tab as DetailTab) : 'operations';
}

/** Switches tab; the sort and expanded rows belonged to the previous tab's table, so they go. */
export function writeTab(params: URLSearchParams, tab: DetailTab): void {
  if (tab === 'operations') params.delete('tab');
  else params.set('tab', tab);
  for (const name of ['sort', 'order', 'open']) params.delete(name);
}

/** The operation the charts show ('' for the service's requests). */
export function readChartOperation(params: Params): string {
  return params.get('op') ?? '';
}

export function writeChartOperation(params: URLSearchParams, operation: string): void {
  if (operation === '') params.delete('op');
  else params.set('op', operation);
}

export const readTableSort = readSort;
export const writeTableSort = writeSort;
