import type { Span } from '@sightline/contract';
import { AttributeTable } from '../components/AttributeTable.tsx';
import { CopyButton } from '../components/CopyButton.tsx';
import { formatDurationNs } from '../format/duration.ts';
import { nanosBetween, nanosToMs } from '../format/nanos.ts';
import { spanKindName, statusName } from '../format/span-kind.ts';
import { Link } from '../router/Link.tsx';
import { formatDateTime } from '../time/time-format.ts';
import { SpanEvents } from './SpanEvents.tsx';

export interface SpanDetailsProps {
  readonly span: Span;
  readonly traceStartUnixNano: string;
  readonly color: string;
  readonly hasParent: boolean;
  readonly onSelectSpanId: (spanId: string) => void;
  readonly onShowLogs: () => void;
  readonly onClose: () => void;
}

/** Everything about one span: timing, status, attributes, events, links and resource. */
export function SpanDetails({ span, traceStartUnixNano, color, hasParent, onSelectSpanId, onShowLogs, onClose }: SpanDetailsProps) {
  const error = span.status.code === 2;
  return (
    <aside className="side-panel" aria-label="Span details">
      <div className="side-panel-head" style={{ borderTopColor: color }}>
        <div>
          <div className="side-panel-service">
            <span className="service-dot" style={{ background: color }} aria-hidden="true" />
            {span.serviceName}
          </div>
          <h3 className="side-panel-title">{span.name}</h3>
        </div>
        <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close span details">
          ✕
        </button>
      </div>

      {error && (
        <div className="notice notice-error">
          <div className="notice-title">Error</div>
          {span.status.message !== '' && <div className="notice-message">{span.status.message}</div>}
        </div>
      )}

      <dl className="facts">
        <dt>Duration</dt>
        <dd>{formatDurationNs(span.durationNs)}</dd>
        <dt>Start</dt>
        <dd>
          +{formatDurationNs(nanosBetween(span.startTimeUnixNano, traceStartUnixNano))}{' '}
          <span className="muted mono small">{formatDateTime(nanosToMs(span.startTimeUnixNano))}</span>
        </dd>
        <dt>Kind</dt>
        <dd>{spanKindName(span.kind)}</dd>
        <dt>Status</dt>
        <dd className={error ? 'text-danger strong' : undefined}>
          {statusName(span.status.code)}
          {!error && span.status.message !== '' && ` — ${span.status.message}`}
        </dd>
        <dt>Span id</dt>
        <dd className="mono">
          {span.spanId} <CopyButton text={span.spanId} label="Copy" className="btn-link" />
        </dd>
        <dt>Parent</dt>
        <dd className="mono">
          {span.parentSpanId === '' ? (
            <span className="muted">none (root)</span>
          ) : hasParent ? (
            <button type="button" className="btn-link mono" onClick={() => onSelectSpanId(span.parentSpanId)}>
              {span.parentSpanId}
            </button>
          ) : (
            <span title="The parent span is not in this trace">
              {span.parentSpanId} <span className="badge badge-warn">missing</span>
            </span>
          )}
        </dd>
        {span.traceState !== '' && (
          <>
            <dt>Trace state</dt>
            <dd className="mono">{span.traceState}</dd>
          </>
        )}
        <dt>Scope</dt>
        <dd>
          {span.scope.name === '' ? <span className="muted">—</span> : span.scope.name}
          {span.scope.version !== '' && <span className="muted"> {span.scope.version}</span>}
        </dd>
      </dl>
      <div className="side-panel-actions">
        <button type="button" className="btn btn-small" onClick={onShowLogs}>
          Logs of this span
        </button>
      </div>

      <section>
        <h4>Attributes</h4>
        <AttributeTable attributes={span.attributes} />
        {span.droppedAttributesCount > 0 && <p className="muted small">{span.droppedAttributesCount} attributes dropped by the sender</p>}
      </section>

      <section>
        <h4>Events ({span.events.length})</h4>
        <SpanEvents span={span} />
      </section>

      {span.links.length > 0 && (
        <section>
          <h4>Links ({span.links.length})</h4>
          <ul className="links">
            {span.links.map((link, i) => (
              <li key={i}>
                <Link to={`/traces/${link.traceId}${link.spanId === '' ? '' : `?span=${link.spanId}`}`} className="mono">
                  {link.traceId}
                  {link.spanId !== '' && ` / ${link.spanId}`}
                </Link>
                {Object.keys(link.attributes).length > 0 && <AttributeTable attributes={link.attributes} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h4>Resource</h4>
        <AttributeTable attributes={span.resource.attributes} />
      </section>
    </aside>
  );
}
