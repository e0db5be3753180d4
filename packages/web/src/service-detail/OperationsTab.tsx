import type { ApmOperation, ApmOperationsResponse } from '@sightline/contract';
import { compareText, type SortState } from '../apm/table-sort.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { errorRateSeverity, formatCount, formatLatencyMs, formatPercent, formatRate, severityClass } from '../format/apm-numbers.ts';
import { spanKindName } from '../format/span-kind.ts';
import type { ApiState } from '../hooks/use-api.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import type { OperationColumn } from './detail-view.ts';

export interface OperationsTabProps {
  readonly operations: ApiState<ApmOperationsResponse>;
  readonly sort: SortState<OperationColumn>;
  readonly onSort: (sort: SortState<OperationColumn>) => void;
  /** The traces explorer filtered to this service and the operation. */
  readonly tracesHref: (operation: string) => string;
  readonly chartOperation: string;
  readonly onChartOperation: (operation: string) => void;
}

const latency = (key: OperationColumn, label: string, pick: (o: ApmOperation) => number | null): Column<ApmOperation, OperationColumn> => ({
  key,
  label,
  numeric: true,
  sortValue: pick,
  render: (o) => formatLatencyMs(pick(o)),
});

/** The service's operations (span names) with their RED numbers; a click lists their traces. */
export function OperationsTab({ operations, sort, onSort, tracesHref, chartOperation, onChartOperation }: OperationsTabProps) {
  if (operations.error !== undefined) return <ErrorNotice error={operations.error} title="Could not load the operations" onRetry={operations.reload} />;
  const rows = operations.data?.operations ?? [];
  if (operations.data !== undefined && rows.length === 0) return <p className="empty">No operations in this range.</p>;
  const columns: Column<ApmOperation, OperationColumn>[] = [
    {
      key: 'name',
      label: 'Operation',
      sortValue: (o) => o.name,
      render: (o) => (
        <span className="op-cell">
          <Link to={tracesHref(o.name)} title={`Traces with “${o.name}” spans of this service`}>
            {o.name}
          </Link>
          <span className="badge">{spanKindName(o.spanKind)}</span>
          {o.entryPoint && (
            <span className="badge badge-accent" title="Spans that start a request in this service">
              entry
            </span>
          )}
          <button
            type="button"
            className="btn-link small chart-toggle"
            aria-pressed={chartOperation === o.name}
            onClick={() => onChartOperation(chartOperation === o.name ? '' : o.name)}
            title={chartOperation === o.name ? 'Show the service’s requests in the charts again' : 'Show this operation in the charts above'}
          >
            {chartOperation === o.name ? 'charted ✓' : 'chart'}
          </button>
        </span>
      ),
    },
    { key: 'calls', label: 'Calls', numeric: true, sortValue: (o) => o.calls, render: (o) => formatCount(o.calls) },
    { key: 'rate', label: 'Rate', numeric: true, sortValue: (o) => o.rate, render: (o) => formatRate(o.rate) },
    {
      key: 'errorRate',
      label: 'Errors',
      numeric: true,
      sortValue: (o) => o.errorRate,
      render: (o) => formatPercent(o.errorRate),
      cellClass: (o) => severityClass(errorRateSeverity(o.errorRate)),
    },
    latency('p50', 'p50', (o) => o.p50Ms),
    latency('p95', 'p95', (o) => o.p95Ms),
    latency('p99', 'p99', (o) => o.p99Ms),
  ];
  return (
    <SortableTable
      label="Operations"
      columns={columns}
      rows={rows}
      rowKey={(o) => `${o.name}|${o.spanKind}`}
      sort={sort}
      onSort={onSort}
      tieBreak={(a, b) => compareText(a.name, b.name)}
      onRowClick={(o) => navigate(tracesHref(o.name))}
      rowClass={(o) => `${o.name === chartOperation ? 'is-selected' : ''}${o.errorRate >= 0.05 ? ' has-error' : ''}`}
    />
  );
}
