import type { AlertSeverity } from '@sightline/contract';
import type { AlertNotification, NotifiedAlert } from '../ports.ts';
import { postJson } from './http-post.ts';
import { alertKey, formatNumber, labelPairs, oneLine, rfc3339, timeText, truncate, valueText } from './message-format.ts';
import type { Notifier, SettingsOf } from './notifier.ts';

/**
 * Opsgenie Alert API: one alert per instance, created with a stable `alias` (per rule and
 * instance) and closed by that alias when it resolves. Field limits from Opsgenie's Alert API:
 * message 130, alias 512, description 15000, entity 512, source 100, note 25000 characters,
 * 20 tags of 50, details 8000 characters in total. A test creates an alert and closes it.
 */
export type OpsgeniePriority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

export interface OpsgenieCreate {
  readonly message: string;
  readonly alias: string;
  readonly description: string;
  readonly priority: OpsgeniePriority;
  readonly source: string;
  readonly entity: string;
  readonly tags: readonly string[];
  readonly details: Readonly<Record<string, string>>;
}

export interface OpsgenieClose {
  readonly source: string;
  readonly note: string;
}

export type OpsgenieRequest =
  | { readonly action: 'create'; readonly alias: string; readonly path: string; readonly body: OpsgenieCreate }
  | { readonly action: 'close'; readonly alias: string; readonly path: string; readonly body: OpsgenieClose };

const SOURCE = 'Sightline';
const MAX_DETAIL_CHARS = 8000;
const MAX_DETAIL_VALUE_CHARS = 1000;

/** critical → P1, warning → P3 (Opsgenie's default), info → P5; no severity (no data) → P3. */
export function opsgeniePriority(severity: AlertSeverity | null): OpsgeniePriority {
  if (severity === 'critical') return 'P1';
  if (severity === 'info') return 'P5';
  return 'P3';
}

/** Our fields, then the alert's labels (ours win a name clash), within the 8000-character budget. */
export function opsgenieDetails(notification: AlertNotification, alert: NotifiedAlert): Record<string, string> {
  const entries: [string, string][] = [
    ['rule', notification.ruleName],
    ['ruleId', notification.ruleId],
    ['severity', alert.severity ?? 'none'],
    ['reason', alert.reason],
    ['value', formatNumber(alert.value)],
    ['threshold', alert.threshold === null ? 'none' : formatNumber(alert.threshold)],
    ['startsAt', rfc3339(alert.startsAtMs) ?? ''],
    ['link', notification.link],
  ];
  for (const key of Object.keys(alert.labels).sort()) entries.push([key, alert.labels[key] ?? '']);
  const details: Record<string, string> = {};
  let used = 0;
  for (const [key, raw] of entries) {
    if (Object.hasOwn(details, key)) continue;
    const value = truncate(raw, MAX_DETAIL_VALUE_CHARS);
    if (used + key.length + value.length > MAX_DETAIL_CHARS) break;
    details[key] = value;
    used += key.length + value.length;
  }
  return details;
}

function describe(notification: AlertNotification, alert: NotifiedAlert): string {
  const lines = [
    `${alert.severity ?? 'no severity'}: ${valueText(alert)}, ${timeText(alert)}.`,
    alert.description.trim(),
    labelPairs(alert.labels).length > 0 ? `Labels: ${labelPairs(alert.labels).join(', ')}` : '',
    `Rule: ${notification.ruleName} ${notification.link}`,
    notification.kind === 'test' ? 'This is a test notification from Sightline; no action is needed.' : '',
  ];
  return truncate(lines.filter((line) => line !== '').join('\n\n'), 15_000);
}

function createBody(notification: AlertNotification, alert: NotifiedAlert, alias: string): OpsgenieCreate {
  return {
    message: truncate(oneLine(alert.title === '' ? notification.title : alert.title), 130),
    alias,
    description: describe(notification, alert),
    priority: opsgeniePriority(alert.severity),
    source: SOURCE,
    entity: truncate(notification.ruleName, 512),
    tags: ['sightline', `severity:${alert.severity ?? 'none'}`, ...(notification.kind === 'test' ? ['test'] : [])],
    details: opsgenieDetails(notification, alert),
  };
}

function closeBody(notification: AlertNotification, alert: NotifiedAlert): OpsgenieClose {
  const when = rfc3339(alert.endsAtMs) ?? new Date(notification.sentAtMs).toISOString();
  const note = notification.kind === 'test' ? 'Sightline test notification: closed right away.' : `Resolved in Sightline at ${when}: ${valueText(alert)}.`;
  return { source: SOURCE, note: truncate(note, 25_000) };
}

/** The requests to send, in order; paths are relative to the channel's API base URL. */
export function opsgenieRequests(notification: AlertNotification): OpsgenieRequest[] {
  return notification.alerts.flatMap((alert): OpsgenieRequest[] => {
    const alias = alertKey(notification.ruleId === '' ? 'test' : notification.ruleId, alert.fingerprint);
    const close: OpsgenieRequest = {
      action: 'close',
      alias,
      path: `/v2/alerts/${encodeURIComponent(alias)}/close?identifierType=alias`,
      body: closeBody(notification, alert),
    };
    if (notification.kind === 'resolved') return [close];
    const create: OpsgenieRequest = { action: 'create', alias, path: '/v2/alerts', body: createBody(notification, alert, alias) };
    return notification.kind === 'test' ? [create, close] : [create];
  });
}

function apiUrl(settings: SettingsOf<'opsgenie'>, path: string): string {
  return `${settings.url.replace(/\/+$/, '')}${path}`;
}

export const opsgenieNotifier: Notifier<'opsgenie'> = {
  type: 'opsgenie',
  async send(settings, notification, context) {
    const headers = new Headers({ authorization: `GenieKey ${settings.apiKey}` });
    for (const request of opsgenieRequests(notification)) {
      const done = `${request.action}:${request.alias}`;
      if (context.completed.has(done)) continue;
      await postJson({ url: apiUrl(settings, request.path), body: JSON.stringify(request.body), headers }, context);
      context.completed.add(done);
    }
  },
  secrets: (settings) => [settings.apiKey],
};
