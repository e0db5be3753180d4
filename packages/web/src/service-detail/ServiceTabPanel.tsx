import type { ApmOperationsResponse } from '@sightline/contract';
import { listExceptions, serviceDbStatements, serviceDependencies, serviceInstances, serviceRecentErrors, type ApmScope } from '../api/apm-api.ts';
import { apmPath, traceHref, tracesHref } from '../apm/apm-links.ts';
import { OverflowBanner } from '../apm/OverflowBanner.tsx';
import type { SortState } from '../apm/table-sort.ts';
import { DEFAULT_EXCEPTION_SORT, EXCEPTION_COLUMNS, toggleOpen, type ExceptionColumn } from '../exceptions/exceptions-view.ts';
import { useApi, type ApiState } from '../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { DbStatementsTable } from './DbStatementsTable.tsx';
import { DependenciesTab } from './DependenciesTab.tsx';
import {
  DEFAULT_DEPENDENCY_SORT,
  DEFAULT_INSTANCE_SORT,
  DEFAULT_OPERATION_SORT,
  DEPENDENCY_COLUMNS,
  dependencyTypeOf,
  INSTANCE_COLUMNS,
  OPERATION_COLUMNS,
  readTableSort,
  writeChartOperation,
  writeTableSort,
  type DetailTab,
} from './detail-view.ts';
import { ErrorsTab } from './ErrorsTab.tsx';
import { InstancesTab } from './InstancesTab.tsx';
import { OperationsTab } from './OperationsTab.tsx';

export interface ServiceTabPanelProps {
  readonly service: string;
  readonly tab: DetailTab;
  readonly scope: ApmScope;
  readonly scopeKey: string;
  readonly operations: ApiState<ApmOperationsResponse>;
  readonly chartOperation: string;
}

const RECENT_ERRORS = 50;
const TOP_STATEMENTS = 20;

/** The selected tab's table(s); each tab loads its own data when shown. */
export function ServiceTabPanel({ service, tab, scope, scopeKey, operations, chartOperation }: ServiceTabPanelProps) {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const at = `${service}|${scopeKey}`;
  const type = dependencyTypeOf(tab);
  const dependencies = useApi(type === undefined ? null : `deps|${type}|${at}`, (signal) => serviceDependencies(service, type ?? 'db', scope, signal));
  const statements = useApi(tab === 'db' ? `statements|${at}` : null, (signal) => serviceDbStatements(service, scope, TOP_STATEMENTS, signal));
  const errors = useApi(tab === 'errors' ? `errors|${at}` : null, (signal) => serviceRecentErrors(service, scope, RECENT_ERRORS, signal));
  const exceptions = useApi(tab === 'errors' ? `exceptions|${at}` : null, (signal) => listExceptions(scope, service, signal));
  const instances = useApi(tab === 'instances' ? `instances|${at}` : null, (signal) => serviceInstances(service, scope, signal));

  const sortWriter =
    <C extends string>(fallback: SortState<C>) =>
    (sort: SortState<C>): void =>
      updateParams((p) => writeTableSort(p, sort, fallback), { replace: true });
  const openTrace = (traceId: string, spanId?: string): string => traceHref(traceId, params, spanId);

  switch (tab) {
    case 'operations':
      return (
        <OperationsTab
          operations={operations}
          sort={readTableSort(params, OPERATION_COLUMNS, DEFAULT_OPERATION_SORT)}
          onSort={sortWriter(DEFAULT_OPERATION_SORT)}
          tracesHref={(operation) => tracesHref(params, { service, operation })}
          chartOperation={chartOperation}
          onChartOperation={(operation) => updateParams((p) => writeChartOperation(p, operation))}
        />
      );
    case 'db':
    case 'external':
    case 'messaging':
      return (
        <div className="tab-sections">
          <OverflowBanner notices={dependencies.data?.overflow ?? []} />
          <DependenciesTab
            type={tab}
            dependencies={dependencies}
            sort={readTableSort(params, DEPENDENCY_COLUMNS, DEFAULT_DEPENDENCY_SORT)}
            onSort={sortWriter(DEFAULT_DEPENDENCY_SORT)}
          />
          {tab === 'db' && (
            <section aria-label="Top statements">
              <div className="section-header">
                <h3>Top statements</h3>
                <span className="muted small">by time spent; literals replaced by ?</span>
              </div>
              <DbStatementsTable statements={statements} traceHref={(traceId) => openTrace(traceId)} />
            </section>
          )}
        </div>
      );
    case 'errors': {
      const sort: SortState<ExceptionColumn> = readTableSort(params, EXCEPTION_COLUMNS, DEFAULT_EXCEPTION_SORT);
      return (
        <ErrorsTab
          errors={errors}
          exceptions={exceptions}
          traceHref={openTrace}
          exceptionsHref={apmPath('/exceptions', params, { service })}
          allErrorsHref={tracesHref(params, { service, status: 'error' })}
          sort={sort}
          onSort={sortWriter(DEFAULT_EXCEPTION_SORT)}
          open={new Set(params.getAll('open'))}
          onToggle={(id) => updateParams((p) => toggleOpen(p, id), { replace: true })}
        />
      );
    }
    case 'instances':
      return (
        <InstancesTab instances={instances} sort={readTableSort(params, INSTANCE_COLUMNS, DEFAULT_INSTANCE_SORT)} onSort={sortWriter(DEFAULT_INSTANCE_SORT)} />
      );
  }
}
