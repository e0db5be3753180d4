import type { AlertSeverity } from '@sightline/contract';
import type { AlertNotification, NotifiedAlert } from '../ports.ts';
import { postJson } from './http-post.ts';
import { alertKey, labelPairs, oneLine, rfc3339, truncate } from './message-format.ts';
import type { Notifier, SettingsOf } from './notifier.ts';

/**
 * PagerDuty Events API v2: one event per alert, `dedup_key` stable per rule and instance so the
 * resolve closes the alert the trigger opened. Resolve events carry only what the API requires
 * (routing_key, event_action, dedup_key). A test sends a trigger and then its resolve, so it leaves
 * no open incident behind.
 */
export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

export interface PagerDutyTrigger {
  readonly routing_key: string;
  readonly event_action: 'trigger';
  readonly dedup_key: string;
  readonly payload: {
    readonly summary: string;
    readonly source: string;
    readonly severity: PagerDutySeverity;
    readonly timestamp: string;
    readonly class: string;
    readonly custom_details: Readonly<Record<string, unknown>>;
  };
  readonly client: string;
  readonly client_url: string;
  readonly links: readonly { readonly href: string; readonly text: string }[];
}

export interface PagerDutyResolve {
  readonly routing_key: string;
  readonly event_action: 'resolve';
  readonly dedup_key: string;
}

export type PagerDutyEvent = PagerDutyTrigger | PagerDutyResolve;

const MAX_SUMMARY_CHARS = 1024;
/** Labels naming the affected system, in order of preference, for `payload.source`. */
const SOURCE_LABELS = ['host.name', 'host', 'instance', 'service.name', 'service'];

/** No severity (e.g. a no-data alert without thresholds) pages as `error`: between warning and critical. */
export function pagerDutySeverity(severity: AlertSeverity | null): PagerDutySeverity {
  return severity ?? 'error';
}

/** The affected system from the alert's labels, else `sightline`. */
export function pagerDutySource(labels: Readonly<Record<string, string>>): string {
  for (const key of SOURCE_LABELS) {
    const value = labels[key];
    if (value !== undefined && value !== '') return value;
  }
  return 'sightline';
}

function trigger(routingKey: string, notification: AlertNotification, alert: NotifiedAlert, dedupKey: string): PagerDutyTrigger {
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: truncate(oneLine(alert.title === '' ? notification.title : alert.title), MAX_SUMMARY_CHARS),
      source: pagerDutySource(alert.labels),
      severity: pagerDutySeverity(alert.severity),
      timestamp: rfc3339(alert.startsAtMs) ?? new Date(notification.sentAtMs).toISOString(),
      class: alert.reason,
      custom_details: {
        rule: notification.ruleName,
        rule_id: notification.ruleId,
        value: alert.value,
        threshold: alert.threshold,
        labels: labelPairs(alert.labels).join(', '),
        description: alert.description,
        test: notification.kind === 'test',
      },
    },
    client: 'Sightline',
    client_url: notification.link,
    links: [{ href: notification.link, text: 'Open the rule in Sightline' }],
  };
}

/** The events to send, in order. */
export function pagerDutyEvents(settings: SettingsOf<'pagerduty'>, notification: AlertNotification): PagerDutyEvent[] {
  return notification.alerts.flatMap((alert): PagerDutyEvent[] => {
    const dedupKey = alertKey(notification.ruleId === '' ? 'test' : notification.ruleId, alert.fingerprint);
    const resolve: PagerDutyResolve = { routing_key: settings.routingKey, event_action: 'resolve', dedup_key: dedupKey };
    if (notification.kind === 'resolved') return [resolve];
    const opened = trigger(settings.routingKey, notification, alert, dedupKey);
    return notification.kind === 'test' ? [opened, resolve] : [opened];
  });
}

export const pagerDutyNotifier: Notifier<'pagerduty'> = {
  type: 'pagerduty',
  async send(settings, notification, context) {
    for (const event of pagerDutyEvents(settings, notification)) {
      const done = `${event.event_action}:${event.dedup_key}`;
      if (context.completed.has(done)) continue;
      await postJson({ url: settings.url, body: JSON.stringify(event) }, context);
      context.completed.add(done);
    }
  },
  secrets: (settings) => [settings.routingKey],
};
