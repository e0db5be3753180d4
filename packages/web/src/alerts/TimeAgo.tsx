import { formatAgo } from '../targets/targets-view.ts';
import { formatDateTime } from '../time/time-format.ts';

/** When `ms` was, coarsely (`3 min ago`), with the full date and time on hover. */
export function TimeAgo({ ms, nowMs, className }: { readonly ms: number; readonly nowMs: number; readonly className?: string }) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatDateTime(ms)} className={className}>
      {formatAgo(ms, nowMs)}
    </time>
  );
}
