import type { ApmExceptionsResponse, ApmRecentErrorsResponse } from '@sightline/contract';
import type { SortState } from '../apm/table-sort.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ExceptionGroupsTable } from '../exceptions/ExceptionGroupsTable.tsx';
import type { ExceptionColumn } from '../exceptions/exceptions-view.ts';
import { formatLatencyMs } from '../format/apm-numbers.ts';
import { nanosToMs } from '../format/nanos.ts';
import type { ApiState } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';

export interface ErrorsTabProps {
  readonly errors: ApiState<ApmRecentErrorsResponse>;
  readonly exceptions: ApiState<ApmExceptionsResponse>;
  readonly traceHref: (traceId: string, spanId: string) => string;
  readonly exceptionsHref: string;
  readonly allErrorsHref: string;
  readonly sort: SortState<ExceptionColumn>;
  readonly onSort: (sort: SortState<ExceptionColumn>) => void;
  readonly open: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
}

function RecentErrors({ errors, traceHref }: Pick<ErrorsTabProps, 'errors' | 'traceHref'>) {
  if (errors.error !== undefined) return <ErrorNotice error={errors.error} title="Could not load the recent errors" onRetry={errors.reload} />;
  const rows = errors.data?.errors ?? [];
  if (errors.data !== undefined && rows.length === 0) return <p className="empty">No error spans in this range.</p>;
  return (
    <table className="data-table" aria-label="Recent errors">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Operation</th>
          <th scope="col">Error</th>
          <th scope="col" className="num">
            HTTP
          </th>
          <th scope="col" className="num">
            Duration
          </th>
          <th scope="col">Trace</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => {
          const what = e.exceptionType === '' ? e.statusMessage : `${e.exceptionType}${e.exceptionMessage === '' ? '' : `: ${e.exceptionMessage}`}`;
          return (
            <tr key={`${e.traceId}|${e.spanId}`} className="has-error">
              <td className="nowrap mono">{formatDateTime(nanosToMs(e.timeNs))}</td>
              <td className="mono">{e.operation}</td>
              <td className="error-text" title={what}>
                {what === '' ? <span className="muted">(no message)</span> : what}
              </td>
              <td className="num">{e.httpStatusCode === 0 ? '' : e.httpStatusCode}</td>
              <td className="num">{formatLatencyMs(e.durationMs)}</td>
              <td className="nowrap">
                <Link to={traceHref(e.traceId, e.spanId)}>Open trace</Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The service's newest error spans, and its exception groups. */
export function ErrorsTab(props: ErrorsTabProps) {
  const { exceptions } = props;
  const groups = exceptions.data?.groups ?? [];
  return (
    <div className="tab-sections">
      <section aria-label="Recent errors">
        <div className="section-header">
          <h3>Recent errors</h3>
          <Link to={props.allErrorsHref}>All error traces</Link>
        </div>
        <RecentErrors errors={props.errors} traceHref={props.traceHref} />
      </section>
      <section aria-label="Exceptions">
        <div className="section-header">
          <h3>Exceptions</h3>
          <Link to={props.exceptionsHref}>Open in Exceptions</Link>
        </div>
        {exceptions.error !== undefined && <ErrorNotice error={exceptions.error} title="Could not load the exceptions" onRetry={exceptions.reload} />}
        {exceptions.data !== undefined && groups.length === 0 && <p className="empty">No exceptions recorded in this range.</p>}
        {groups.length > 0 && (
          <ExceptionGroupsTable
            groups={groups}
            sort={props.sort}
            onSort={props.onSort}
            open={props.open}
            onToggle={props.onToggle}
            traceHref={props.traceHref}
          />
        )}
      </section>
    </div>
  );
}
