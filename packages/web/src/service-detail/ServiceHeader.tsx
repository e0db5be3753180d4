import type { ApmServiceSummary } from '@sightline/contract';
import {
  apdexRating,
  apdexSeverity,
  errorRateSeverity,
  formatApdex,
  formatCount,
  formatLatencyMs,
  formatPercent,
  formatRate,
  severityClass,
} from '../format/apm-numbers.ts';

function Stat({ label, value, detail, className }: { readonly label: string; readonly value: string; readonly detail?: string; readonly className?: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className={`stat-value ${className ?? ''}`}>{value}</div>
      {detail !== undefined && <div className="stat-detail">{detail}</div>}
    </div>
  );
}

/** The service's RED numbers over the range, as large figures. */
export function ServiceHeader({ summary }: { readonly summary: ApmServiceSummary | undefined }) {
  if (summary === undefined || !summary.active) {
    return (
      <div className="stats" aria-label="Service summary">
        <p className="muted">No requests from this service in this range.</p>
      </div>
    );
  }
  return (
    <div className="stats" role="group" aria-label="Service summary">
      <Stat label="Requests" value={formatRate(summary.rate)} detail={`${formatCount(summary.calls)} in range`} />
      <Stat
        label="Error rate"
        value={formatPercent(summary.errorRate)}
        detail={`${formatCount(summary.errors)} errors`}
        className={severityClass(errorRateSeverity(summary.errorRate))}
      />
      <Stat label="p50" value={formatLatencyMs(summary.p50Ms)} detail={`avg ${formatLatencyMs(summary.avgMs)}`} />
      <Stat label="p95" value={formatLatencyMs(summary.p95Ms)} />
      <Stat label="p99" value={formatLatencyMs(summary.p99Ms)} detail={`max ${formatLatencyMs(summary.maxMs)}`} />
      <Stat
        label="Apdex"
        value={formatApdex(summary.apdex)}
        detail={`${apdexRating(summary.apdex)} · T ${formatLatencyMs(summary.apdexThresholdMs)}`}
        className={severityClass(apdexSeverity(summary.apdex))}
      />
    </div>
  );
}
