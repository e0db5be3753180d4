import { AttributeTable } from '../components/AttributeTable.tsx';
import { CopyButton } from '../components/CopyButton.tsx';
import type { LogRecord } from '@sightline/contract';
import { anyValueText } from '../format/any-value.ts';
import { nanosToMs } from '../format/nanos.ts';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';
import { traceViewPath } from './log-links.ts';
import { SeverityBadge } from './SeverityBadge.tsx';

export interface LogDetailsProps {
  readonly log: LogRecord;
  readonly onFilter: (key: string, value: string, scope: 'span' | 'resource') => void;
  readonly onShowContext?: (() => void) | undefined;
}

/** Every field of a log record, its attributes and its resource. */
export function LogDetails({ log, onFilter, onShowContext }: LogDetailsProps) {
  const body = anyValueText(log.body);
  return (
    <div className="log-details">
      <div className="log-details-actions">
        {log.traceId !== '' && (
          <Link to={traceViewPath(log)} className="btn btn-small">
            Open trace
          </Link>
        )}
        {onShowContext !== undefined && (
          <button type="button" className="btn btn-small" onClick={onShowContext}>
            Show context
          </button>
        )}
        <CopyButton text={body} label="Copy message" />
      </div>
      <pre className="log-body-full">{body}</pre>
      <dl className="facts">
        <dt>Time</dt>
        <dd className="mono">{formatDateTime(nanosToMs(log.timestampUnixNano))}</dd>
        <dt>Observed</dt>
        <dd className="mono">{log.observedTimeUnixNano === '0' ? '—' : formatDateTime(nanosToMs(log.observedTimeUnixNano))}</dd>
        <dt>Severity</dt>
        <dd>
          <SeverityBadge log={log} /> <span className="muted small">number {log.severityNumber}</span>
        </dd>
        <dt>Service</dt>
        <dd>{log.serviceName === '' ? <span className="muted">—</span> : log.serviceName}</dd>
        <dt>Trace</dt>
        <dd className="mono">{log.traceId === '' ? <span className="muted">—</span> : <Link to={traceViewPath(log)}>{log.traceId}</Link>}</dd>
        <dt>Span</dt>
        <dd className="mono">{log.spanId === '' ? <span className="muted">—</span> : log.spanId}</dd>
        {log.eventName !== '' && (
          <>
            <dt>Event</dt>
            <dd>{log.eventName}</dd>
          </>
        )}
        <dt>Scope</dt>
        <dd>
          {log.scope.name === '' ? <span className="muted">—</span> : log.scope.name} {log.scope.version}
        </dd>
        <dt>Flags</dt>
        <dd className="mono">{log.flags}</dd>
      </dl>
      <div className="log-details-tables">
        <section>
          <h4>Attributes</h4>
          <AttributeTable attributes={log.attributes} onFilter={(k, v) => onFilter(k, v, 'span')} />
        </section>
        <section>
          <h4>Resource</h4>
          <AttributeTable attributes={log.resource.attributes} onFilter={(k, v) => onFilter(k, v, 'resource')} />
        </section>
      </div>
    </div>
  );
}
