import { formatDateTime } from '../time/time-format.ts';
import type { MetricViewProps } from './MetricPanel.tsx';
import { latestValues } from './panel-series.ts';
import { formatPanelValue } from './panel-units.ts';

/** At most this many series are shown as figures; more would not read at a glance. */
const MAX_FIGURES = 6;

/** The newest value, big, in the panel's unit (one figure per series when the panel has several). */
export function StatView({ panel, data }: MetricViewProps) {
  const latest = latestValues(data, panel.title);
  const shown = latest.slice(0, MAX_FIGURES);
  const single = shown.length === 1;
  return (
    <div className={`dash-stat${single ? ' dash-stat-single' : ''}`}>
      {shown.map((item) => (
        <div key={item.label} className="dash-stat-item" title={`as of ${formatDateTime(item.t).slice(0, 19)}`}>
          <div className="dash-stat-value">{formatPanelValue(panel.unit, item.value)}</div>
          {!single && <div className="dash-stat-label">{item.label}</div>}
        </div>
      ))}
      {latest.length > shown.length && <div className="muted small">and {latest.length - shown.length} more series</div>}
    </div>
  );
}
