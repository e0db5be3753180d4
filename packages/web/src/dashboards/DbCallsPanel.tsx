import type { Panel } from '@sightline/contract';
import { useState } from 'react';
import { serviceDependencies, serviceMap, type ApmScope } from '../api/apm-api.ts';
import { serviceHref } from '../apm/apm-links.ts';
import type { SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { errorRateSeverity, formatLatencyMs, formatPercent, formatRate, severityClass } from '../format/apm-numbers.ts';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation } from '../router/use-location.ts';
import type { DashboardScope } from './dashboards-api.ts';
import { dbCallRows, MAX_DB_CALL_SERVICES, servicesCalling, type DbCallColumn, type DbCallRow } from './db-calls.ts';
import { NoData, PanelFrame } from './PanelFrame.tsx';

async function loadDbCalls(system: string, scope: DashboardScope, signal: AbortSignal): Promise<DbCallRow[]> {
  const apmScope: ApmScope = { startMs: scope.startMs, endMs: scope.endMs, environment: '' };
  const map = await serviceMap(apmScope, signal);
  const services = servicesCalling(map, system).slice(0, MAX_DB_CALL_SERVICES);
  const answers = await Promise.all(services.map((service) => serviceDependencies(service, 'db', apmScope, signal)));
  return dbCallRows(answers, system);
}

const rowKey = (row: DbCallRow): string => `${row.service}|${row.target}|${row.operation}`;

/** The APM DB calls (from spans) of the panel's db system: per service, database and operation. */
export function DbCallsPanel({ panel, scope }: { readonly panel: Panel; readonly scope: DashboardScope }) {
  const { params } = useAppLocation();
  const [sort, setSort] = useState<SortState<DbCallColumn>>({ column: 'rate', order: 'desc' });
  const system = panel.dbSystem ?? '';
  const calls = useApi(system === '' ? null : `dbcalls|${system}|${scope.startMs}|${scope.endMs}`, (signal) => loadDbCalls(system, scope, signal));
  const columns: Column<DbCallRow, DbCallColumn>[] = [
    {
      key: 'service',
      label: 'Service',
      sortValue: (r) => r.service,
      render: (r) => <Link to={serviceHref(r.service, params, { tab: 'db' })}>{r.service}</Link>,
    },
    { key: 'target', label: 'Database', sortValue: (r) => r.target, render: (r) => (r.target === '' ? <span className="muted">(not set)</span> : r.target) },
    { key: 'operation', label: 'Operation', sortValue: (r) => r.operation, render: (r) => <span className="mono">{r.operation}</span> },
    { key: 'rate', label: 'Rate', numeric: true, sortValue: (r) => r.rate, render: (r) => formatRate(r.rate) },
    {
      key: 'errorRate',
      label: 'Error %',
      numeric: true,
      sortValue: (r) => r.errorRate,
      render: (r) => formatPercent(r.errorRate),
      cellClass: (r) => severityClass(errorRateSeverity(r.errorRate)),
    },
    { key: 'avg', label: 'Avg', numeric: true, sortValue: (r) => r.avgMs, render: (r) => formatLatencyMs(r.avgMs) },
    { key: 'p99', label: 'P99', numeric: true, sortValue: (r) => r.p99Ms, render: (r) => formatLatencyMs(r.p99Ms) },
  ];
  const rows = calls.data;
  return (
    <PanelFrame panel={panel} loading={calls.loading} error={calls.error} onRetry={calls.reload}>
      {system === '' && <NoData missingMetrics={[]} detail="This panel names no db system (dbSystem)." />}
      {rows !== undefined && rows.length === 0 && (
        <NoData missingMetrics={[]} detail={`No ${system} calls in the traces of this range: instrument the services that use it with OpenTelemetry.`} />
      )}
      {rows !== undefined && rows.length > 0 && (
        <div className={`dash-table-scroll${calls.loading ? ' is-stale' : ''}`}>
          <SortableTable label={`${panel.title} calls`} columns={columns} rows={rows} rowKey={rowKey} sort={sort} onSort={setSort} />
        </div>
      )}
    </PanelFrame>
  );
}
