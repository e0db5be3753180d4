import type { ApmExceptionGroup } from '@sightline/contract';
import { compareText, type SortState } from '../apm/table-sort.ts';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { Sparkline } from '../components/Sparkline.tsx';
import { formatCount } from '../format/apm-numbers.ts';
import { nanosToMs } from '../format/nanos.ts';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';
import type { ExceptionColumn } from './exceptions-view.ts';
import { exceptionGroupId } from './stack-lines.ts';
import { StackTrace } from './StackTrace.tsx';

export interface ExceptionGroupsTableProps {
  readonly groups: readonly ApmExceptionGroup[];
  readonly sort: SortState<ExceptionColumn>;
  readonly onSort: (sort: SortState<ExceptionColumn>) => void;
  /** Ids (exceptionGroupId) of the expanded groups. */
  readonly open: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly traceHref: (traceId: string, spanId: string) => string;
  /** With a service column linking to the service (the all-services view). */
  readonly serviceHref?: (service: string) => string;
}

type Row = ApmExceptionGroup;
const time = (ns: string): string => formatDateTime(nanosToMs(ns)).slice(0, 19);

function Details({ group, traceHref }: { readonly group: Row; readonly traceHref: ExceptionGroupsTableProps['traceHref'] }) {
  return (
    <div className="exception-details">
      <div className="exception-message">
        <span className="muted small">Newest message</span>
        <code>{group.message === '' ? '(empty)' : group.message}</code>
      </div>
      <StackTrace text={group.stacktrace} />
      <div className="exception-samples">
        <span className="muted small">Sample traces</span>
        {group.samples.length === 0 && <span className="muted"> none kept</span>}
        <ul>
          {group.samples.map((s) => (
            <li key={`${s.traceId}|${s.spanId}`}>
              <Link to={traceHref(s.traceId, s.spanId)}>{time(s.timeNs)}</Link> <span className="muted mono small">{s.traceId}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Exception groups (type + message pattern per service) with counts and trends; expand one for its stack trace. */
export function ExceptionGroupsTable({ groups, sort, onSort, open, onToggle, traceHref, serviceHref }: ExceptionGroupsTableProps) {
  const columns: Column<Row, ExceptionColumn>[] = [
    {
      key: 'type',
      label: 'Exception',
      sortValue: (g) => g.type,
      render: (g) => {
        const id = exceptionGroupId(g);
        const expanded = open.has(id);
        return (
          <div className="exception-cell">
            <button
              type="button"
              className="expander"
              aria-expanded={expanded}
              aria-label={`${expanded ? 'Hide' : 'Show'} details of ${g.type}`}
              onClick={() => onToggle(id)}
            >
              {expanded ? '▾' : '▸'}
            </button>
            <div>
              <div className="exception-type">{g.type === '' ? '(no type)' : g.type}</div>
              <div className="exception-pattern" title={g.messagePattern}>
                {g.messagePattern}
              </div>
            </div>
          </div>
        );
      },
    },
    ...(serviceHref === undefined
      ? []
      : [
          {
            key: 'service',
            label: 'Service',
            sortValue: (g: Row) => g.service,
            render: (g: Row) => <Link to={serviceHref(g.service)}>{g.service}</Link>,
          } as const,
        ]),
    { key: 'count', label: 'Count', numeric: true, sortValue: (g) => g.count, render: (g) => formatCount(g.count) },
    { key: 'firstSeen', label: 'First seen', numeric: true, sortValue: (g) => nanosToMs(g.firstSeenNs), render: (g) => time(g.firstSeenNs) },
    { key: 'lastSeen', label: 'Last seen', numeric: true, sortValue: (g) => nanosToMs(g.lastSeenNs), render: (g) => time(g.lastSeenNs) },
    {
      key: 'trend',
      label: 'Trend',
      title: 'Occurrences over the range; sorts by count',
      sortValue: (g) => g.count,
      render: (g) => <Sparkline values={g.trend.counts} label={`${formatCount(g.count)} occurrences over the range`} />,
    },
  ];
  return (
    <SortableTable
      label="Exception groups"
      className="exceptions-table"
      columns={columns}
      rows={groups}
      rowKey={exceptionGroupId}
      sort={sort}
      onSort={onSort}
      tieBreak={(a, b) => compareText(a.service, b.service) || compareText(a.type, b.type)}
      onRowClick={(g) => onToggle(exceptionGroupId(g))}
      expanded={(g) => (open.has(exceptionGroupId(g)) ? <Details group={g} traceHref={traceHref} /> : undefined)}
    />
  );
}
