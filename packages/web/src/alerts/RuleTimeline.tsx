import type { AlertInstance, AlertTransition } from '@sightline/contract';
import { useMemo } from 'react';
import { formatDateMinute, formatDateTime } from '../time/time-format.ts';
import { segmentBox, timelineStrips, type TimelineSegment } from './timeline.ts';

const MAX_STRIPS = 40;
const TICKS = 5;

function segmentClass(segment: TimelineSegment): string {
  if (segment.state === 'firing') return `alert-seg alert-seg-firing alert-seg-${segment.severity ?? 'critical'}`;
  return `alert-seg alert-seg-${segment.state}`;
}

function segmentTitle(segment: TimelineSegment): string {
  const severity = segment.severity === null ? '' : ` (${segment.severity})`;
  return `${segment.state}${severity}: ${formatDateTime(segment.startMs)} → ${formatDateTime(segment.endMs)}`;
}

/** Per instance, a strip over the range coloured by state: pending, firing (by severity), resolved. */
export function RuleTimeline({
  transitions,
  instances,
  range,
}: {
  readonly transitions: readonly AlertTransition[];
  readonly instances: readonly AlertInstance[];
  readonly range: { readonly startMs: number; readonly endMs: number };
}) {
  const strips = useMemo(() => timelineStrips(transitions, range, instances), [transitions, range, instances]);
  if (strips.length === 0) return <p className="empty">No instance was pending or firing in the selected time range.</p>;
  const ticks = Array.from({ length: TICKS }, (_, i) => range.startMs + ((range.endMs - range.startMs) * i) / (TICKS - 1));
  return (
    <div className="alert-timeline" role="group" aria-label="Timeline">
      {strips.slice(0, MAX_STRIPS).map((strip) => (
        <div key={strip.fingerprint} className="alert-strip">
          <code className="alert-strip-name" title={strip.name}>
            {strip.name}
          </code>
          <div className="alert-strip-track" role="list" aria-label={`States of ${strip.name}`}>
            {strip.segments.map((segment) => {
              const box = segmentBox(segment, range);
              return (
                <span
                  key={segment.startMs}
                  role="listitem"
                  className={segmentClass(segment)}
                  style={{ left: `${box.leftPct}%`, width: `${box.widthPct}%` }}
                  title={segmentTitle(segment)}
                  aria-label={segmentTitle(segment)}
                />
              );
            })}
          </div>
        </div>
      ))}
      {strips.length > MAX_STRIPS && <p className="muted small">… and {strips.length - MAX_STRIPS} more instances (narrow the range).</p>}
      <div className="alert-strip alert-strip-axis" aria-hidden="true">
        <span className="alert-strip-name" />
        <div className="alert-strip-ticks">
          {ticks.map((t) => (
            <span key={t}>{formatDateMinute(t)}</span>
          ))}
        </div>
      </div>
      <div className="alert-timeline-legend" aria-hidden="true">
        <span>
          <span className="alert-seg-key alert-seg-pending" /> pending
        </span>
        <span>
          <span className="alert-seg-key alert-seg-firing alert-seg-critical" /> firing: critical
        </span>
        <span>
          <span className="alert-seg-key alert-seg-firing alert-seg-warning" /> warning
        </span>
        <span>
          <span className="alert-seg-key alert-seg-firing alert-seg-info" /> info
        </span>
        <span>
          <span className="alert-seg-key alert-seg-resolved" /> resolved
        </span>
      </div>
    </div>
  );
}
