/** Numbers of the APM pages as text: rates, percentages, latencies, apdex and counts. Pure. */

import { formatDurationNs } from './duration.ts';

const DASH = '–';

/** Three significant digits below 1000 (0.0123, 1.23, 12.3, 123), grouped integers above. */
function significant(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/**
 * Calls per second: `12.3/s`, `1,235/s`; below 0.1/s per minute, which reads better than a run of
 * zeros (`0.2/min`, `<0.01/min` for a trickle); `0/s` for nothing.
 */
export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return DASH;
  if (perSecond === 0) return '0/s';
  if (perSecond >= 0.1) return `${significant(perSecond)}/s`;
  const perMinute = perSecond * 60;
  return perMinute < 0.01 ? '<0.01/min' : `${significant(perMinute)}/min`;
}

/** A 0..1 ratio as a percentage: `0%`, `<0.01%`, `1.25%`, `12.5%`, `100%`. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return DASH;
  const percent = ratio * 100;
  if (percent === 0) return '0%';
  if (percent < 0.01) return '<0.01%';
  if (percent >= 99.95 && percent < 100) return '99.9%';
  const decimals = percent < 10 ? 2 : percent < 100 ? 1 : 0;
  return `${String(Number(percent.toFixed(decimals)))}%`;
}

/** A latency in milliseconds, in the unit that reads best (`850 µs`, `12.3 ms`, `2.31 s`). */
export function formatLatencyMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  return formatDurationNs(Math.round(ms * 1e6));
}

/** Apdex with two decimals (`0.94`), or a dash without calls. */
export function formatApdex(apdex: number | null | undefined): string {
  if (apdex === null || apdex === undefined || !Number.isFinite(apdex)) return DASH;
  return apdex.toFixed(2);
}

export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count)) return DASH;
  return Math.round(count).toLocaleString('en-US');
}

export type Severity = 'ok' | 'warn' | 'bad';

/** Error rates from 1% are worth a look, from 5% alarming. */
export function errorRateSeverity(ratio: number | null | undefined): Severity {
  if (ratio === null || ratio === undefined) return 'ok';
  return ratio >= 0.05 ? 'bad' : ratio >= 0.01 ? 'warn' : 'ok';
}

/** Apdex bands: below 0.7 (fair) is worth a look, below 0.5 (poor) alarming. */
export function apdexSeverity(apdex: number | null | undefined): Severity {
  if (apdex === null || apdex === undefined) return 'ok';
  return apdex < 0.5 ? 'bad' : apdex < 0.7 ? 'warn' : 'ok';
}

/** The usual apdex rating words. */
export function apdexRating(apdex: number | null | undefined): string {
  if (apdex === null || apdex === undefined) return 'no calls';
  if (apdex >= 0.94) return 'excellent';
  if (apdex >= 0.85) return 'good';
  if (apdex >= 0.7) return 'fair';
  if (apdex >= 0.5) return 'poor';
  return 'unacceptable';
}

/** The CSS class that colours a value by its severity. */
export function severityClass(severity: Severity): string {
  return severity === 'bad' ? 'text-danger strong' : severity === 'warn' ? 'text-warn' : '';
}
