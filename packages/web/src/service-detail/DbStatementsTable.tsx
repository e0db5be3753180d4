import type { ApmDbStatementsResponse } from '@sightline/contract';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatCount, formatLatencyMs } from '../format/apm-numbers.ts';
import type { ApiState } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';

export interface DbStatementsTableProps {
  readonly statements: ApiState<ApmDbStatementsResponse>;
  readonly traceHref: (traceId: string) => string;
}

/** The statements that took the most time (literals replaced by `?`), each with a trace that ran it. */
export function DbStatementsTable({ statements, traceHref }: DbStatementsTableProps) {
  if (statements.error !== undefined) return <ErrorNotice error={statements.error} title="Could not load the top statements" onRetry={statements.reload} />;
  const rows = statements.data?.statements ?? [];
  if (statements.data !== undefined && rows.length === 0)
    return <p className="empty">No statements recorded (the spans carry no db.query.text / db.statement).</p>;
  return (
    <table className="data-table statements-table" aria-label="Top statements">
      <thead>
        <tr>
          <th scope="col">Statement</th>
          <th scope="col">Database</th>
          <th scope="col" className="num">
            Calls
          </th>
          <th scope="col" className="num">
            Errors
          </th>
          <th scope="col" className="num">
            Avg
          </th>
          <th scope="col" className="num">
            p99
          </th>
          <th scope="col" className="num">
            Time spent
          </th>
          <th scope="col">Sample</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={`${s.system}|${s.target}|${s.statement}`}>
            <td className="statement-cell">
              <code title={s.statement}>{s.statement}</code>
            </td>
            <td className="nowrap">
              {s.system}
              {s.target !== '' && <span className="muted"> · {s.target}</span>}
            </td>
            <td className="num">{formatCount(s.calls)}</td>
            <td className={`num${s.errors > 0 ? ' text-danger strong' : ' muted'}`}>{formatCount(s.errors)}</td>
            <td className="num">{formatLatencyMs(s.avgMs)}</td>
            <td className="num">{formatLatencyMs(s.p99Ms)}</td>
            <td className="num">{formatLatencyMs(s.totalMs)}</td>
            <td className="nowrap">{s.sampleTraceId === '' ? <span className="muted">–</span> : <Link to={traceHref(s.sampleTraceId)}>Sample trace</Link>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
