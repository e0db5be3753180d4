import type { ApmServiceSummary } from '@sightline/contract';
import type { SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { Sparkline } from '../components/Sparkline.tsx';
import {
  apdexRating,
  apdexSeverity,
  errorRateSeverity,
  formatApdex,
  formatCount,
  formatLatencyMs,
  formatPercent,
  formatRate,
  severityClass,
} from '../format/apm-numbers.ts';
import { Link } from '../router/Link.tsx';
import { hashServiceColor } from '../trace/service-colors.ts';
import { byServiceName, serviceSortValue, type ServiceColumn } from './services-view.ts';

export interface ServicesTableProps {
  readonly services: readonly ApmServiceSummary[];
  readonly sort: SortState<ServiceColumn>;
  readonly onSort: (sort: SortState<ServiceColumn>) => void;
  readonly serviceHref: (name: string) => string;
  readonly onOpen: (name: string) => void;
}

type Row = ApmServiceSummary;

/** Numbers of an inactive service are left blank: it sent nothing in the range. */
const active = (render: (s: Row) => string) => (s: Row) => (s.active ? render(s) : '');

function columns(serviceHref: (name: string) => string): Column<Row, ServiceColumn>[] {
  const latency = (key: 'p50' | 'p95' | 'p99', label: string, pick: (s: Row) => number | null): Column<Row, ServiceColumn> => ({
    key,
    label,
    numeric: true,
    title: `${label} latency of the service's requests`,
    sortValue: serviceSortValue(key),
    render: active((s) => formatLatencyMs(pick(s))),
  });
  return [
    {
      key: 'name',
      label: 'Service',
      sortValue: serviceSortValue('name'),
      render: (s) => (
        <>
          <span className="service-dot" style={{ background: hashServiceColor(s.name) }} aria-hidden="true" />
          <Link to={serviceHref(s.name)}>{s.name}</Link>
          {!s.active && <span className="badge">no data in range</span>}
        </>
      ),
    },
    {
      key: 'rate',
      label: 'Requests',
      numeric: true,
      title: 'Requests per second (entry-point spans)',
      sortValue: serviceSortValue('rate'),
      render: active((s) => formatRate(s.rate)),
    },
    {
      key: 'errorRate',
      label: 'Errors',
      numeric: true,
      title: 'Share of requests that failed',
      sortValue: serviceSortValue('errorRate'),
      render: active((s) => formatPercent(s.errorRate)),
      cellClass: (s) => (s.active ? severityClass(errorRateSeverity(s.errorRate)) : ''),
    },
    latency('p50', 'p50', (s) => s.p50Ms),
    latency('p95', 'p95', (s) => s.p95Ms),
    latency('p99', 'p99', (s) => s.p99Ms),
    {
      key: 'apdex',
      label: 'Apdex',
      numeric: true,
      title: 'User satisfaction from 0 to 1 against the threshold T',
      sortValue: serviceSortValue('apdex'),
      render: (s) => (s.active ? <span title={`T = ${formatLatencyMs(s.apdexThresholdMs)} · ${apdexRating(s.apdex)}`}>{formatApdex(s.apdex)}</span> : ''),
      cellClass: (s) => (s.active ? severityClass(apdexSeverity(s.apdex)) : ''),
    },
    {
      key: 'calls',
      label: 'Requests over time',
      title: 'Requests per step (errors in red); sorts by the number of requests',
      sortValue: serviceSortValue('calls'),
      render: (s) =>
        s.active ? (
          <span className="spark-cell">
            <Sparkline values={s.sparkline.calls} errors={s.sparkline.errors} label={`${formatCount(s.calls)} requests, ${formatCount(s.errors)} errors`} />
            <span className="spark-total">{formatCount(s.calls)}</span>
          </span>
        ) : (
          ''
        ),
    },
  ];
}

/** One row per service with its RED numbers; a click opens the service. */
export function ServicesTable({ services, sort, onSort, serviceHref, onOpen }: ServicesTableProps) {
  return (
    <SortableTable
      label="Services"
      className="services-table"
      columns={columns(serviceHref)}
      rows={services}
      rowKey={(s) => s.name}
      sort={sort}
      onSort={onSort}
      tieBreak={byServiceName}
      onRowClick={(s) => onOpen(s.name)}
      rowClass={(s) => `${s.active ? '' : 'is-inactive'}${s.active && s.errorRate >= 0.05 ? ' has-error' : ''}`}
    />
  );
}
