import type { Span } from '@sightline/contract';
import { memo } from 'react';
import { formatDurationNs } from '../format/duration.ts';
import { nanosBetween } from '../format/nanos.ts';
import { textColorOn } from '../trace/service-colors.ts';
import type { WaterfallRow as Row } from '../trace/waterfall-layout.ts';

export interface WaterfallRowProps {
  readonly row: Row;
  readonly span: Span;
  readonly id: string;
  readonly color: string;
  readonly selected: boolean;
  readonly showCritical: boolean;
  readonly traceStartNs: bigint;
  readonly traceDurationNs: number;
  readonly top: number;
  readonly height: number;
  readonly onSelect: (span: number) => void;
  readonly onToggle: (span: number) => void;
}

const INDENT_PX = 12;
const MAX_INDENT_LEVELS = 24;

function WaterfallRowView({ row, span, id, color, selected, showCritical, traceStartNs, traceDurationNs, top, height, onSelect, onToggle }: WaterfallRowProps) {
  const end = row.offset + row.width;
  // The duration goes right of the bar, else left of it, else (a bar spanning nearly everything) inside it.
  const labelStyle =
    end < 0.8
      ? { left: `calc(${end * 100}% + 4px)` }
      : row.offset > 0.2
        ? { right: `calc(${(1 - row.offset) * 100}% + 4px)` }
        : { right: `calc(${(1 - end) * 100}% + 4px)`, color: textColorOn(color) };
  const hasChildren = row.childCount > 0;
  const eventMarks =
    traceDurationNs > 0
      ? span.events.slice(0, 50).map((event, i) => ({
          key: i,
          left: Math.min(1, Math.max(0, nanosBetween(event.timeUnixNano, traceStartNs) / traceDurationNs)),
          exception: event.name === 'exception',
        }))
      : [];
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={hasChildren ? !row.collapsed : undefined}
      aria-selected={selected}
      aria-label={`${span.serviceName} ${span.name}, ${formatDurationNs(span.durationNs)}${row.error ? ', error' : ''}`}
      className={`wf-row${selected ? ' is-selected' : ''}${row.error ? ' is-error' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onSelect(row.span)}
    >
      <div className="wf-name" style={{ paddingLeft: Math.min(row.depth, MAX_INDENT_LEVELS) * INDENT_PX + 4 }}>
        {row.depth > MAX_INDENT_LEVELS && <span className="wf-depth">{row.depth}</span>}
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            className="wf-toggle"
            aria-label={row.collapsed ? `Expand ${row.childCount} children` : 'Collapse'}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(row.span);
            }}
          >
            {row.collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="wf-toggle-space" />
        )}
        <span className="service-bar" style={{ background: color }} aria-hidden="true" />
        <span className="wf-service">{span.serviceName}</span>
        <span className="wf-op">{span.name}</span>
        {row.error && (
          <span className="err-mark" title={span.status.message === '' ? 'Error' : span.status.message}>
            !
          </span>
        )}
        {row.orphan && (
          <span className="badge badge-warn" title="Its parent span is not in this trace">
            no parent
          </span>
        )}
        {row.collapsed && (
          <span className={`badge${row.hiddenErrors > 0 ? ' badge-danger' : ''}`} title={`${row.hiddenSpans} hidden spans, ${row.hiddenErrors} with errors`}>
            +{row.hiddenSpans}
            {row.hiddenErrors > 0 && ` · ${row.hiddenErrors}!`}
          </span>
        )}
      </div>
      <div className="wf-timeline">
        <div className="wf-bar" style={{ left: `${row.offset * 100}%`, width: `max(2px, ${row.width * 100}%)`, background: color }} />
        {showCritical &&
          row.critical.map((segment, i) => (
            <div key={i} className="wf-critical" style={{ left: `${segment.offset * 100}%`, width: `max(2px, ${segment.width * 100}%)` }} />
          ))}
        {eventMarks.map((mark) => (
          <span key={mark.key} className={`wf-event${mark.exception ? ' is-exception' : ''}`} style={{ left: `${mark.left * 100}%` }} />
        ))}
        <span className={`wf-duration${row.error && labelStyle.color === undefined ? ' text-danger' : ''}`} style={labelStyle}>
          {formatDurationNs(span.durationNs)}
        </span>
      </div>
    </div>
  );
}

export const WaterfallRow = memo(WaterfallRowView);
