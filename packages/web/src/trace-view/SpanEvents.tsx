import type { Span } from '@sightline/contract';
import { attributeText } from '../format/any-value.ts';
import { formatDurationNs } from '../format/duration.ts';
import { nanosBetween } from '../format/nanos.ts';
import { AttributeTable } from '../components/AttributeTable.tsx';

const EXCEPTION_KEYS = new Set(['exception.type', 'exception.message', 'exception.stacktrace', 'exception.escaped']);

/** A span's events by time; exceptions show type, message and a readable stack trace. */
export function SpanEvents({ span }: { readonly span: Span }) {
  if (span.events.length === 0) return <p className="muted small">No events.</p>;
  return (
    <ol className="events">
      {span.events.map((event, i) => {
        const offset = nanosBetween(event.timeUnixNano, span.startTimeUnixNano);
        const isException = event.name === 'exception';
        const type = attributeText(event.attributes, 'exception.type');
        const message = attributeText(event.attributes, 'exception.message');
        const stack = attributeText(event.attributes, 'exception.stacktrace');
        const rest = isException ? Object.fromEntries(Object.entries(event.attributes).filter(([k]) => !EXCEPTION_KEYS.has(k))) : event.attributes;
        return (
          <li key={i} className={`event${isException ? ' is-exception' : ''}`}>
            <div className="event-head">
              <span className="event-name">{event.name}</span>
              <span className="muted small mono">{offset >= 0 ? `+${formatDurationNs(offset)}` : `−${formatDurationNs(-offset)}`}</span>
            </div>
            {isException && (
              <div className="exception">
                {(type !== undefined || message !== undefined) && (
                  <div className="exception-title">
                    {type !== undefined && <strong>{type}</strong>}
                    {type !== undefined && message !== undefined && ': '}
                    {message}
                  </div>
                )}
                {stack !== undefined && <pre className="stacktrace">{stack}</pre>}
              </div>
            )}
            {Object.keys(rest).length > 0 && <AttributeTable attributes={rest} />}
          </li>
        );
      })}
      {span.droppedEventsCount > 0 && <li className="muted small">{span.droppedEventsCount} events dropped by the sender</li>}
    </ol>
  );
}
