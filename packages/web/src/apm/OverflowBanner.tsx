import type { OverflowNotice } from '@sightline/contract';
import { formatDateMinute } from '../time/time-format.ts';
import { mergeNotices, overflowMessage } from './overflow-text.ts';

/** A visible warning for names past the cardinality caps (their spans are counted under `__overflow__`). */
export function OverflowBanner({ notices }: { readonly notices: readonly OverflowNotice[] }) {
  const merged = mergeNotices(notices);
  if (merged.length === 0) return null;
  return (
    <div className="notice notice-warn" role="status">
      <div className="notice-title">Some names were aggregated</div>
      <ul className="notice-list">
        {merged.map((notice) => (
          <li key={`${notice.dimension}|${notice.service}`}>{overflowMessage(notice, (ms) => formatDateMinute(ms))}</li>
        ))}
      </ul>
      <div className="notice-hint">
        Raw spans keep their real names: the traces explorer still finds them. The limits are set in the server's apm configuration.
      </div>
    </div>
  );
}
