import { memo } from 'react';
import type { LogRecord } from '@sightline/contract';
import { anyValueText } from '../format/any-value.ts';
import { nanosToMs } from '../format/nanos.ts';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';
import { hashServiceColor } from '../trace/service-colors.ts';
import { LogDetails } from './LogDetails.tsx';
import { logColumnText } from './log-columns.ts';
import { traceViewPath } from './log-links.ts';
import { severityLevel } from './severity.ts';
import { SeverityBadge } from './SeverityBadge.tsx';

export interface LogRowProps {
  readonly log: LogRecord;
  readonly rowKey: string;
  readonly expanded: boolean;
  readonly selected: boolean;
  readonly onToggle: (key: string) => void;
  readonly onFilter: (key: string, value: string, scope: 'span' | 'resource') => void;
  readonly onShowContext?: ((log: LogRecord) => void) | undefined;
  /** Extra attribute columns, shown between the service and the body. */
  readonly columns: readonly string[];
}

function LogRowView({ log, rowKey, expanded, selected, onToggle, onFilter, onShowContext, columns }: LogRowProps) {
  const level = severityLevel(log.severityNumber);
  return (
    <li className={`log-row sev-row-${level}${selected ? ' is-selected' : ''}`} data-log-key={rowKey}>
      <div className="log-line">
        <button
          type="button"
          className="log-toggle"
          aria-expanded={expanded}
          onClick={() => onToggle(rowKey)}
          aria-label={expanded ? 'Collapse log' : 'Expand log'}
        >
          {expanded ? '▾' : '▸'}
        </button>
        <span className="log-time mono">{formatDateTime(nanosToMs(log.timestampUnixNano))}</span>
        <SeverityBadge log={log} />
        <span className="log-service" title={log.serviceName}>
          <span className="service-dot" style={{ background: hashServiceColor(log.serviceName) }} aria-hidden="true" />
          {log.serviceName}
        </span>
        {columns.map((key) => {
          const text = logColumnText(log, key);
          return (
            <span key={key} className="log-col mono" title={`${key}: ${text}`}>
              {text}
            </span>
          );
        })}
        <span className="log-body" onClick={() => onToggle(rowKey)}>
          {anyValueText(log.body) || <span className="muted">(empty body)</span>}
        </span>
        {log.traceId !== '' && (
          <Link to={traceViewPath(log)} className="log-trace-link" title={`Open trace ${log.traceId}`}>
            trace ↗
          </Link>
        )}
      </div>
      {expanded && <LogDetails log={log} onFilter={onFilter} onShowContext={onShowContext === undefined ? undefined : () => onShowContext(log)} />}
    </li>
  );
}

export const LogRow = memo(LogRowView);
