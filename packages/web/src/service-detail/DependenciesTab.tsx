import type { ApmDependenciesResponse, ApmDependency, DependencyType } from '@sightline/contract';
import type { SortState } from '../apm/table-sort.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { errorRateSeverity, formatCount, formatLatencyMs, formatPercent, formatRate, severityClass } from '../format/apm-numbers.ts';
import { spanKindName } from '../format/span-kind.ts';
import type { ApiState } from '../hooks/use-api.ts';
import type { DependencyColumn } from './detail-view.ts';

export interface DependenciesTabProps {
  readonly type: DependencyType;
  readonly dependencies: ApiState<ApmDependenciesResponse>;
  readonly sort: SortState<DependencyColumn>;
  readonly onSort: (sort: SortState<DependencyColumn>) => void;
}

type Row = ApmDependency;

/** What the text columns mean for each kind of dependency, in the order they are shown. */
const TEXT_COLUMNS: Readonly<Record<DependencyType, readonly { key: 'system' | 'target' | 'operation'; label: string }[]>> = {
  db: [
    { key: 'system', label: 'System' },
    { key: 'target', label: 'Database' },
    { key: 'operation', label: 'Operation' },
  ],
  external: [
    { key: 'target', label: 'Host' },
    { key: 'operation', label: 'Method' },
    { key: 'system', label: 'Protocol' },
  ],
  messaging: [
    { key: 'system', label: 'System' },
    { key: 'target', label: 'Destination' },
    { key: 'operation', label: 'Operation' },
  ],
};

const EMPTY: Readonly<Record<DependencyType, string>> = {
  db: 'No database calls in this range.',
  external: 'No calls to external hosts in this range.',
  messaging: 'No messages produced or consumed in this range.',
};

const totalMs = (d: Row): number => d.calls * (d.avgMs ?? 0);

function columns(type: DependencyType): Column<Row, DependencyColumn>[] {
  const text = TEXT_COLUMNS[type].map(({ key, label }): Column<Row, DependencyColumn> => ({
    key,
    label,
    sortValue: (d) => d[key],
    render: (d) =>
      d[key] === '' ? (
        <span className="muted">(none)</span>
      ) : (
        <>
          <span className={key === 'operation' ? 'mono' : undefined}>{d[key]}</span>
          {key === 'operation' && type === 'messaging' && <span className="badge">{spanKindName(d.spanKind)}</span>}
        </>
      ),
  }));
  return [
    ...text,
    { key: 'calls', label: 'Calls', numeric: true, sortValue: (d) => d.calls, render: (d) => formatCount(d.calls) },
    { key: 'rate', label: 'Rate', numeric: true, sortValue: (d) => d.rate, render: (d) => formatRate(d.rate) },
    {
      key: 'errorRate',
      label: 'Errors',
      numeric: true,
      sortValue: (d) => d.errorRate,
      render: (d) => formatPercent(d.errorRate),
      cellClass: (d) => severityClass(errorRateSeverity(d.errorRate)),
    },
    { key: 'avg', label: 'Avg', numeric: true, sortValue: (d) => d.avgMs, render: (d) => formatLatencyMs(d.avgMs) },
    { key: 'p99', label: 'p99', numeric: true, sortValue: (d) => d.p99Ms, render: (d) => formatLatencyMs(d.p99Ms) },
    { key: 'total', label: 'Time spent', numeric: true, title: 'Calls × average duration', sortValue: totalMs, render: (d) => formatLatencyMs(totalMs(d)) },
  ];
}

/** The service's calls to databases, external hosts or message systems. */
export function DependenciesTab({ type, dependencies, sort, onSort }: DependenciesTabProps) {
  if (dependencies.error !== undefined) return <ErrorNotice error={dependencies.error} title="Could not load the calls" onRetry={dependencies.reload} />;
  const rows = dependencies.data?.type === type ? dependencies.data.dependencies : [];
  if (dependencies.data?.type === type && rows.length === 0) return <p className="empty">{EMPTY[type]}</p>;
  return (
    <SortableTable
      label={type === 'db' ? 'Database calls' : type === 'external' ? 'External calls' : 'Messaging'}
      columns={columns(type)}
      rows={rows}
      rowKey={(d) => `${d.system}|${d.target}|${d.operation}|${d.spanKind}`}
      sort={sort}
      onSort={onSort}
      rowClass={(d) => (d.errorRate >= 0.05 ? 'has-error' : '')}
    />
  );
}
