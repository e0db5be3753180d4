import type { TraceResponse } from '@sightline/contract';
import { searchLogs } from '../api/logs-api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { anyValueText } from '../format/any-value.ts';
import { formatDurationNs } from '../format/duration.ts';
import { nanosBetween, nanosToMs } from '../format/nanos.ts';
import { useApi } from '../hooks/use-api.ts';
import { logExplorerPath } from '../logs/log-links.ts';
import { SeverityBadge } from '../logs/SeverityBadge.tsx';
import { Link } from '../router/Link.tsx';
import { formatTimeOfDay } from '../time/time-format.ts';

export interface TraceLogsProps {
  readonly trace: TraceResponse;
  /** Only this span's logs, when set. */
  readonly spanId: string | undefined;
  readonly onClearSpan: () => void;
  readonly onSelectSpanId: (spanId: string) => void;
}

const MARGIN_MS = 5 * 60_000;
const LIMIT = 500;

/** The trace's logs (the trace's time ±5 minutes), oldest first; each opens in the logs explorer. */
export function TraceLogs({ trace, spanId, onClearSpan, onSelectSpanId }: TraceLogsProps) {
  const start = Math.floor(nanosToMs(trace.startTimeUnixNano) - MARGIN_MS);
  const end = Math.ceil(nanosToMs(trace.endTimeUnixNano) + MARGIN_MS);
  const request = { start, end, traceId: trace.traceId, order: 'asc' as const, limit: LIMIT, ...(spanId === undefined ? {} : { spanId }) };
  const logs = useApi(JSON.stringify(request), (signal) => searchLogs(request, signal));
  const items = logs.data?.logs ?? [];

  return (
    <section className="trace-logs" aria-label="Logs of this trace">
      <div className="wf-toolbar">
        {spanId === undefined ? (
          <span className="muted small">All logs of this trace</span>
        ) : (
          <span className="chip">
            <span className="chip-text">span {spanId}</span>
            <button type="button" className="chip-remove" onClick={onClearSpan} aria-label="Show logs of the whole trace">
              ×
            </button>
          </span>
        )}
        {logs.loading && <LoadingNote />}
        {logs.data?.nextCursor != null && <span className="muted small">showing the first {LIMIT}</span>}
      </div>
      {logs.error !== undefined && <ErrorNotice error={logs.error} title="Could not load logs" onRetry={logs.reload} />}
      {logs.data !== undefined && items.length === 0 && (
        <p className="empty">
          No logs carry this {spanId === undefined ? 'trace' : 'span'}'s id. Logs are linked when the sender's log appender records the active span.
        </p>
      )}
      {items.length > 0 && (
        <table className="data-table log-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col" className="num">
                +offset
              </th>
              <th scope="col">Level</th>
              <th scope="col">Service</th>
              <th scope="col">Span</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {items.map((log, index) => (
              <tr key={`${log.id}.${index}`}>
                <td className="mono nowrap">{formatTimeOfDay(nanosToMs(log.timestampUnixNano))}</td>
                <td className="num mono nowrap">{formatDurationNs(Math.max(0, nanosBetween(log.timestampUnixNano, trace.startTimeUnixNano)))}</td>
                <td>
                  <SeverityBadge log={log} />
                </td>
                <td className="nowrap">{log.serviceName}</td>
                <td className="mono small">
                  {log.spanId === '' ? (
                    <span className="muted">—</span>
                  ) : (
                    <button type="button" className="btn-link mono" onClick={() => onSelectSpanId(log.spanId)} title="Select this span">
                      {log.spanId.slice(0, 8)}…
                    </button>
                  )}
                </td>
                <td className="log-message">
                  <Link to={logExplorerPath(log)} title="Open in the logs explorer">
                    {anyValueText(log.body) || <span className="muted">(empty body)</span>}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
