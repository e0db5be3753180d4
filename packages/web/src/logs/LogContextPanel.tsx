import { logContext } from '../api/logs-api.ts';
import type { LogRecord } from '@sightline/contract';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { anyValueText } from '../format/any-value.ts';
import { compareNanosDesc, nanosToMs } from '../format/nanos.ts';
import { useApi } from '../hooks/use-api.ts';
import { formatTimeOfDay } from '../time/time-format.ts';
import { SeverityBadge } from './SeverityBadge.tsx';

const LINES = 25;

function ContextLine({ log, anchor }: { readonly log: LogRecord; readonly anchor?: boolean }) {
  return (
    <li className={`context-line${anchor === true ? ' is-anchor' : ''}`}>
      <span className="mono small">{formatTimeOfDay(nanosToMs(log.timestampUnixNano))}</span> <SeverityBadge log={log} />{' '}
      <span className="context-body">{anyValueText(log.body)}</span>
    </li>
  );
}

/** The lines logged just before and after one record by the same source (from `GET /logs/context`). */
export function LogContextPanel({ id, timestampUnixNano, onClose }: { readonly id: string; readonly timestampUnixNano: string; readonly onClose: () => void }) {
  const context = useApi(`context|${id}|${timestampUnixNano}`, (signal) => logContext({ id, timestampUnixNano, before: LINES, after: LINES }, signal));
  const data = context.data;
  const ascending = (logs: readonly LogRecord[]): LogRecord[] => [...logs].sort((a, b) => compareNanosDesc(b.timestampUnixNano, a.timestampUnixNano));
  return (
    <aside className="side-panel" aria-label="Log context">
      <div className="side-panel-head">
        <h3 className="side-panel-title">Context</h3>
        <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close context">
          ✕
        </button>
      </div>
      {context.loading && <LoadingNote />}
      {context.error !== undefined && <ErrorNotice error={context.error} title="Could not load the context" onRetry={context.reload} />}
      {data !== undefined && (
        <ol className="context-lines">
          {ascending(data.before).map((log) => (
            <ContextLine key={log.id} log={log} />
          ))}
          <ContextLine log={data.anchor} anchor />
          {ascending(data.after).map((log) => (
            <ContextLine key={log.id} log={log} />
          ))}
        </ol>
      )}
    </aside>
  );
}
