/** The retention form: text per signal in, a PUT body or the problems out. Pure. */

import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type RetentionResponse, type RetentionSignalName, type RetentionUpdate } from '@sightline/contract';

export const RETENTION_SIGNALS: readonly RetentionSignalName[] = ['traces', 'logs', 'metrics'];

export const SIGNAL_LABELS: Readonly<Record<RetentionSignalName, string>> = {
  traces: 'Traces (and APM aggregates)',
  logs: 'Logs',
  metrics: 'Metrics',
};

export type RetentionFormInput = Readonly<Record<RetentionSignalName, string>>;

export type RetentionFormResult =
  | { readonly ok: true; readonly body: RetentionUpdate; readonly changed: number }
  | { readonly ok: false; readonly problems: Partial<Record<RetentionSignalName, string>> };

export function formFromResponse(response: RetentionResponse): RetentionFormInput {
  return { traces: String(response.traces.days), logs: String(response.logs.days), metrics: String(response.metrics.days) };
}

const FIELD: Readonly<Record<RetentionSignalName, keyof RetentionUpdate>> = { traces: 'tracesDays', logs: 'logsDays', metrics: 'metricsDays' };

/** Only the signals whose value differs from the current one go into the body. */
export function parseRetentionForm(input: RetentionFormInput, current: RetentionResponse): RetentionFormResult {
  const problems: Partial<Record<RetentionSignalName, string>> = {};
  const body: RetentionUpdate = {};
  for (const signal of RETENTION_SIGNALS) {
    const text = input[signal].trim();
    const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
      problems[signal] = `Enter whole days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`;
    } else if (days !== current[signal].days) {
      body[FIELD[signal]] = days;
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body, changed: Object.keys(body).length };
}

/** "Applied 14 Jun 10:02 · 3 tables changed" and the like, for the last change. */
export function describeChange(change: NonNullable<RetentionResponse['lastChange']>, formatTime: (iso: string) => string): string {
  const by = change.trigger === 'api' ? 'changed here' : 'applied at start-up';
  if (change.state === 'failed') return `Failed (${by}, ${formatTime(change.requestedAt)}): ${change.error ?? 'unknown error'}`;
  if (change.state === 'pending') return `Pending since ${formatTime(change.requestedAt)}: stored, applied to the tables at the latest at the next start`;
  const tables = change.tablesChanged.length === 1 ? '1 table changed' : `${change.tablesChanged.length} tables changed`;
  return `Applied ${formatTime(change.appliedAt ?? change.requestedAt)} (${by}) · ${tables}`;
}
