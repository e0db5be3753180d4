import { formatDurationNs } from '../format/duration.ts';
import { rulerTicks } from '../trace/time-ticks.ts';

/** Tick labels across a time window (ns from the trace start), for the waterfall and flame graph headers. */
export function TimeRuler({ fromNs, toNs, target = 6 }: { readonly fromNs: number; readonly toNs: number; readonly target?: number }) {
  const ticks = rulerTicks(fromNs, toNs, target);
  return (
    <div className="ruler" aria-hidden="true">
      {ticks.map((tick) => (
        <span key={tick.ns} className={`ruler-tick${tick.fraction > 0.92 ? ' is-last' : ''}`} style={{ left: `${tick.fraction * 100}%` }}>
          {formatDurationNs(tick.ns)}
        </span>
      ))}
    </div>
  );
}

/** Faint vertical lines at the same ticks, behind the bars. */
export function RulerGrid({ fromNs, toNs, target = 6 }: { readonly fromNs: number; readonly toNs: number; readonly target?: number }) {
  return (
    <div className="ruler-grid" aria-hidden="true">
      {rulerTicks(fromNs, toNs, target).map((tick) => (
        <span key={tick.ns} style={{ left: `${tick.fraction * 100}%` }} />
      ))}
    </div>
  );
}
