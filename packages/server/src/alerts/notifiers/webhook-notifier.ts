import { createHmac } from 'node:crypto';
import type { AlertSeverity } from '@sightline/contract';
import type { AlertNotification } from '../ports.ts';
import { postJson } from './http-post.ts';
import { rfc3339 } from './message-format.ts';
import { NotifyError } from './notify-error.ts';
import { urlSecret } from './redact-secrets.ts';
import type { Notifier, SettingsOf } from './notifier.ts';

/** The generic webhook's JSON body, version 1 (documented in WEBHOOK.md). */
export interface WebhookPayload {
  readonly version: '1';
  readonly kind: AlertNotification['kind'];
  readonly ruleId: string;
  readonly ruleName: string;
  readonly title: string;
  readonly description: string;
  readonly severity: AlertSeverity | null;
  readonly link: string;
  readonly sentAt: string;
  readonly alerts: readonly WebhookAlert[];
}

export interface WebhookAlert {
  readonly fingerprint: string;
  readonly status: 'firing' | 'resolved';
  readonly reason: 'threshold' | 'no_data';
  readonly labels: Readonly<Record<string, string>>;
  readonly severity: AlertSeverity | null;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly title: string;
  readonly description: string;
}

export const SIGNATURE_HEADER = 'x-sightline-signature';
export const DELIVERY_HEADER = 'x-sightline-delivery';

export function webhookPayload(notification: AlertNotification): WebhookPayload {
  return {
    version: '1',
    kind: notification.kind,
    ruleId: notification.ruleId,
    ruleName: notification.ruleName,
    title: notification.title,
    description: notification.description,
    severity: notification.severity,
    link: notification.link,
    sentAt: new Date(notification.sentAtMs).toISOString(),
    alerts: notification.alerts.map((alert) => ({
      fingerprint: alert.fingerprint,
      status: alert.status,
      reason: alert.reason,
      labels: alert.labels,
      severity: alert.severity,
      value: alert.value,
      threshold: alert.threshold,
      startsAt: rfc3339(alert.startsAtMs),
      endsAt: rfc3339(alert.endsAtMs),
      title: alert.title,
      description: alert.description,
    })),
  };
}

/** `sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The user's headers first; the content type, delivery id and signature cannot be overridden. */
export function webhookHeaders(settings: SettingsOf<'webhook'>, body: string, deliveryId: string): Headers {
  let headers: Headers;
  try {
    headers = new Headers(Object.entries(settings.headers));
  } catch (error) {
    throw new NotifyError('a custom header of the webhook is not a valid HTTP header', { retryable: false, cause: error });
  }
  headers.set(DELIVERY_HEADER, deliveryId);
  if (settings.hmacSecret === undefined) headers.delete(SIGNATURE_HEADER);
  else headers.set(SIGNATURE_HEADER, webhookSignature(settings.hmacSecret, body));
  return headers;
}

export const webhookNotifier: Notifier<'webhook'> = {
  type: 'webhook',
  async send(settings, notification, context) {
    const body = JSON.stringify(webhookPayload(notification));
    await postJson({ url: settings.url, body, headers: webhookHeaders(settings, body, context.deliveryId) }, context);
  },
  secrets: (settings) => [urlSecret(settings.url), settings.hmacSecret ?? '', ...Object.values(settings.headers)],
};
