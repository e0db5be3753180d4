import { useId } from 'react';
import { REFRESH_CHOICES, useTimeRange } from './time-range-context.tsx';

/** Refresh now, and the auto-refresh interval (kept in the URL). */
export function RefreshControls() {
  const { refresh, setRefresh, refreshNow } = useTimeRange();
  const id = useId();
  return (
    <div className="refresh-controls">
      <button type="button" className="btn" onClick={refreshNow} title="Reload with the range ending now">
        <span aria-hidden="true">↻</span> Refresh
      </button>
      <label className="visually-hidden" htmlFor={id}>
        Auto-refresh
      </label>
      <select id={id} value={refresh} onChange={(e) => setRefresh(e.target.value)} title="Auto-refresh" className={refresh === 'off' ? '' : 'is-active'}>
        {REFRESH_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 'off' ? 'Auto-refresh off' : `Every ${choice}`}
          </option>
        ))}
      </select>
    </div>
  );
}
