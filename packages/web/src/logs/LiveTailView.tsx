import { useMemo } from 'react';
import { LIVE_TAIL_CAP } from './live-tail-buffer.ts';
import { logTailQuery, type LogFilters } from './log-filters.ts';
import { LogList } from './LogList.tsx';
import { useLiveTail } from './use-live-tail.ts';

export interface LiveTailViewProps {
  readonly filters: LogFilters;
  readonly selectedKey: string;
  readonly onSelect: (key: string) => void;
  readonly onFilter: (key: string, value: string, scope: 'span' | 'resource') => void;
  readonly columns: readonly string[];
}

/** Logs as they arrive, newest on top, the last 1,000 kept; pause holds new lines back. */
export function LiveTailView({ filters, selectedKey, onSelect, onFilter, columns }: LiveTailViewProps) {
  const query = useMemo(() => logTailQuery(filters), [filters]);
  const tail = useLiveTail(true, query);
  return (
    <section aria-label="Live tail">
      <div className="live-bar" role="status" aria-live="polite">
        <span className={`live-dot${tail.connected && !tail.paused ? ' is-on' : ''}`} aria-hidden="true" />
        <span>{tail.paused ? 'Paused' : tail.connected ? 'Live' : 'Not connected'}</span>
        {tail.message !== undefined && <span className="muted small">{tail.message}</span>}
        {tail.skipped && (
          <span className="badge badge-warn" title="More lines matched at once than the stream carries; narrow the filters to see every line">
            some lines skipped
          </span>
        )}
        <span className="muted small">
          {tail.lines.length.toLocaleString()} / {LIVE_TAIL_CAP.toLocaleString()} lines
        </span>
        <button type="button" className="btn btn-small" onClick={() => tail.setPaused(!tail.paused)}>
          {tail.paused ? `Resume${tail.pending > 0 ? ` (${tail.pending} new)` : ''}` : 'Pause'}
        </button>
        <button type="button" className="btn btn-small" onClick={tail.clear}>
          Clear
        </button>
      </div>
      {tail.lines.length === 0 && <p className="empty">Waiting for logs that match the filters…</p>}
      <LogList logs={tail.lines} selectedKey={selectedKey} onSelect={onSelect} onFilter={onFilter} label="Live logs, newest first" columns={columns} />
    </section>
  );
}
