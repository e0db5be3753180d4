import { formatShare, usageLevel } from './hosts-view.ts';
import './hosts.css';

/** A 0..1 share as a number with a small bar (amber from 80%, red from 90%); a dash without data. */
export function UsageBar({ ratio, label }: { readonly ratio: number | null; readonly label: string }) {
  if (ratio === null) return <span className="muted">–</span>;
  const level = usageLevel(ratio);
  return (
    <span className="usage-cell" title={`${label} ${formatShare(ratio)}`}>
      <span className="usage-value">{formatShare(ratio)}</span>
      <span className="usage-bar" aria-hidden="true">
        <span className={`usage-fill usage-${level}`} style={{ width: `${Math.min(100, Math.max(0, ratio * 100))}%` }} />
      </span>
    </span>
  );
}
