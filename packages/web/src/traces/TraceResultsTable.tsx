import type { TraceSummary } from '@sightline/contract';
import { formatDurationNs } from '../format/duration.ts';
import { nanosToMs } from '../format/nanos.ts';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/history.ts';
import { formatDateTime } from '../time/time-format.ts';
import { hashServiceColor } from '../trace/service-colors.ts';

export interface TraceResultsTableProps {
  readonly traces: readonly TraceSummary[];
  readonly sort: 'start' | 'duration';
  readonly order: 'asc' | 'desc';
  readonly onSort: (sort: 'start' | 'duration', order: 'asc' | 'desc') => void;
  /** App path of a trace (keeps the time range in the link). */
  readonly traceHref: (traceId: string) => string;
}

function SortHeader({ label, column, props }: { readonly label: string; readonly column: 'start' | 'duration'; readonly props: TraceResultsTableProps }) {
  const active = props.sort === column;
  const nextOrder = active && props.order === 'desc' ? 'asc' : 'desc';
  return (
    <th scope="col" aria-sort={active ? (props.order === 'asc' ? 'ascending' : 'descending') : 'none'} className={column === 'duration' ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => props.onSort(column, nextOrder)} title={`Sort by ${label.toLowerCase()}`}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (props.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** One row per trace; sorting by start or duration is done by the server (it applies to every page). */
export function TraceResultsTable(props: TraceResultsTableProps) {
  const { traces, traceHref } = props;
  const longest = traces.reduce((max, t) => Math.max(max, Number(t.durationNs)), 1);
  return (
    <table className="data-table traces-table">
      <thead>
        <tr>
          <SortHeader label="Start" column="start" props={props} />
          <th scope="col">Service</th>
          <th scope="col">Root operation</th>
          <SortHeader label="Duration" column="duration" props={props} />
          <th scope="col" className="num">
            Spans
          </th>
          <th scope="col" className="num">
            Errors
          </th>
        </tr>
      </thead>
      <tbody>
        {traces.map((trace) => {
          const href = traceHref(trace.traceId);
          const others = trace.serviceNames.filter((s) => s !== trace.rootServiceName);
          return (
            <tr
              key={trace.traceId}
              className={`clickable${trace.errorCount > 0 ? ' has-error' : ''}`}
              onClick={(event) => {
                if (!(event.target instanceof Element) || event.target.closest('a,button') === null) navigate(href);
              }}
            >
              <td className="nowrap mono">{formatDateTime(nanosToMs(trace.startTimeUnixNano))}</td>
              <td>
                <span className="service-dot" style={{ background: hashServiceColor(trace.rootServiceName) }} aria-hidden="true" />
                {trace.rootServiceName === '' ? <span className="muted">(missing root)</span> : trace.rootServiceName}
                {others.length > 0 && (
                  <span className="muted small" title={others.join(', ')}>
                    {' '}
                    +{others.length}
                  </span>
                )}
              </td>
              <td className="ellipsis">
                <Link to={href} title={`Open trace ${trace.traceId}`}>
                  {trace.rootName === '' ? trace.traceId : trace.rootName}
                </Link>
              </td>
              <td className="num duration-cell">
                <span className="duration-bar" style={{ width: `${Math.max(2, (Number(trace.durationNs) / longest) * 100)}%` }} aria-hidden="true" />
                <span className="duration-text">{formatDurationNs(trace.durationNs)}</span>
              </td>
              <td className="num">{trace.spanCount}</td>
              <td className={`num${trace.errorCount > 0 ? ' text-danger strong' : ' muted'}`}>{trace.errorCount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
