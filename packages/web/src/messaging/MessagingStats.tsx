import type { MessagingDestinationResponse } from '@sightline/contract';
import { errorRateSeverity, formatCount, formatLatencyMs, formatPercent, formatRate, severityClass } from '../format/apm-numbers.ts';

function Stat({ label, value, detail, className }: { readonly label: string; readonly value: string; readonly detail?: string; readonly className?: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className={`stat-value ${className ?? ''}`}>{value}</div>
      {detail !== undefined && <div className="stat-detail">{detail}</div>}
    </div>
  );
}

const pair = (a: number | null, b: number | null): string => `${formatLatencyMs(a)} / ${formatLatencyMs(b)}`;

/** One destination's totals over the range. */
export function MessagingStats({ detail }: { readonly detail: MessagingDestinationResponse }) {
  const { publish, consume, transit } = detail;
  return (
    <div className="stats" role="group" aria-label="Destination summary">
      <Stat label="Published" value={formatRate(publish.rate)} detail={`${formatCount(publish.calls)} messages`} />
      <Stat label="Consumed" value={formatRate(consume.rate)} detail={`${formatCount(consume.calls)} messages`} />
      <Stat label="Publish p50 / p99" value={pair(publish.p50Ms, publish.p99Ms)} detail="producer span duration" />
      <Stat label="Process p50 / p99" value={pair(consume.p50Ms, consume.p99Ms)} detail="consumer span duration" />
      <Stat
        label="Publish errors"
        value={formatPercent(publish.errorRate)}
        detail={`${formatCount(publish.errors)} failed`}
        className={severityClass(errorRateSeverity(publish.errorRate))}
      />
      <Stat
        label="Consume errors"
        value={formatPercent(consume.errorRate)}
        detail={`${formatCount(consume.errors)} failed`}
        className={severityClass(errorRateSeverity(consume.errorRate))}
      />
      <Stat
        label="Producer→consumer p50 / p99"
        value={transit.linked === 0 ? '–' : pair(transit.p50Ms, transit.p99Ms)}
        detail={transit.linked === 0 ? 'no consumer linked to its producer' : `${formatCount(transit.linked)} linked messages`}
      />
    </div>
  );
}
