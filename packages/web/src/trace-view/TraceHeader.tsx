import type { TraceResponse } from '@sightline/contract';
import { CopyButton } from '../components/CopyButton.tsx';
import { formatDurationNs } from '../format/duration.ts';
import { nanosToMs } from '../format/nanos.ts';
import { formatDateTime } from '../time/time-format.ts';
import type { TraceSummaryFacts } from '../trace/trace-summary.ts';

export interface TraceHeaderProps {
  readonly trace: TraceResponse;
  readonly facts: TraceSummaryFacts;
  readonly colors: ReadonlyMap<string, string>;
}

export function TraceHeader({ trace, facts, colors }: TraceHeaderProps) {
  return (
    <section className="trace-header" aria-label="Trace summary">
      <div className="trace-title-row">
        <h2 className="trace-title">
          <span className="service-dot" style={{ background: colors.get(facts.rootServiceName) }} aria-hidden="true" />
          <span className="trace-root-service">{facts.rootServiceName === '' ? '(no root span)' : facts.rootServiceName}</span>
          <span className="trace-root-name">{facts.rootName}</span>
        </h2>
        <span className="trace-id mono">{trace.traceId}</span>
        <CopyButton text={trace.traceId} label="Copy id" />
        <CopyButton text={window.location.href} label="Copy link" />
      </div>
      <dl className="stats">
        <div>
          <dt>Duration</dt>
          <dd>{formatDurationNs(facts.durationNs)}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd className="mono">{formatDateTime(nanosToMs(trace.startTimeUnixNano))}</dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd>
            {trace.spanCount.toLocaleString()}
            {trace.truncated && (
              <span className="badge badge-warn" title={`Showing the first ${trace.spans.length.toLocaleString()}`}>
                truncated
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd className={facts.errorCount > 0 ? 'text-danger strong' : undefined}>{facts.errorCount}</dd>
        </div>
        {facts.orphanCount > 0 && (
          <div>
            <dt>Missing parents</dt>
            <dd title="Spans whose parent span is not in this trace (not sent, dropped, or not arrived yet)">{facts.orphanCount}</dd>
          </div>
        )}
        <div className="stats-services">
          <dt>Services ({facts.services.length})</dt>
          <dd>
            <ul className="legend">
              {facts.services.map((service) => (
                <li key={service}>
                  <span className="service-dot" style={{ background: colors.get(service) }} aria-hidden="true" />
                  {service}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </section>
  );
}
