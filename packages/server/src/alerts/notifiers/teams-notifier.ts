import type { AlertNotification, NotifiedAlert } from '../ports.ts';
import { postJson } from './http-post.ts';
import { formatNumber, headline, labelPairs, rfc3339, statusWord } from './message-format.ts';
import type { Notifier } from './notifier.ts';
import { urlSecret } from './redact-secrets.ts';

/**
 * Microsoft Teams incoming webhook / Workflows: a `message` activity carrying one Adaptive Card
 * (schema 1.4) with a title, the description, one container of facts per alert (at most
 * MAX_ALERT_CONTAINERS) and an `Action.OpenUrl` back to the rule.
 */
export type AdaptiveElement = Readonly<Record<string, unknown>> & { readonly type: string };

export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    {
      readonly contentType: 'application/vnd.microsoft.card.adaptive';
      readonly contentUrl: null;
      readonly content: {
        readonly $schema: string;
        readonly type: 'AdaptiveCard';
        readonly version: '1.4';
        readonly body: readonly AdaptiveElement[];
        readonly actions: readonly AdaptiveElement[];
      };
    },
  ];
}

export const MAX_ALERT_CONTAINERS = 10;
const TITLE_COLOR: Record<AlertNotification['kind'], string> = { firing: 'Attention', resolved: 'Good', test: 'Accent' };

function fact(title: string, value: string): { title: string; value: string } {
  return { title, value };
}

function alertContainer(alert: NotifiedAlert, kind: AlertNotification['kind']): AdaptiveElement {
  const facts = [
    fact('Status', kind === 'test' ? 'TEST' : statusWord(alert.status)),
    fact('Severity', alert.severity ?? 'none'),
    fact('Value', alert.reason === 'no_data' ? `no data (${formatNumber(alert.value)})` : formatNumber(alert.value)),
    fact('Threshold', alert.threshold === null ? 'none' : formatNumber(alert.threshold)),
    fact('Since', rfc3339(alert.startsAtMs) ?? 'unknown'),
  ];
  const resolved = rfc3339(alert.endsAtMs);
  if (resolved !== null) facts.push(fact('Resolved', resolved));
  const labels = labelPairs(alert.labels);
  if (labels.length > 0) facts.push(fact('Labels', labels.join(', ')));
  const items: AdaptiveElement[] = [{ type: 'TextBlock', text: alert.title, weight: 'Bolder', wrap: true }];
  if (alert.description.trim() !== '') items.push({ type: 'TextBlock', text: alert.description.trim(), wrap: true });
  items.push({ type: 'FactSet', facts });
  return { type: 'Container', separator: true, items };
}

export function teamsMessage(notification: AlertNotification): TeamsMessage {
  const body: AdaptiveElement[] = [
    { type: 'TextBlock', text: headline(notification), size: 'Large', weight: 'Bolder', color: TITLE_COLOR[notification.kind], wrap: true },
  ];
  if (notification.description.trim() !== '') body.push({ type: 'TextBlock', text: notification.description.trim(), wrap: true });
  for (const alert of notification.alerts.slice(0, MAX_ALERT_CONTAINERS)) body.push(alertContainer(alert, notification.kind));
  const hidden = notification.alerts.length - MAX_ALERT_CONTAINERS;
  if (hidden > 0) body.push({ type: 'TextBlock', text: `${hidden} more alert${hidden === 1 ? '' : 's'} not shown`, isSubtle: true, wrap: true });
  body.push({ type: 'TextBlock', text: `Rule: ${notification.ruleName}`, isSubtle: true, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Sightline', url: notification.link }],
        },
      },
    ],
  };
}

/** Teams connectors answer throttling with a 2xx whose body names the 429 (Microsoft's connector docs). */
export function teamsThrottled(excerpt: string): string | undefined {
  return /HTTP error 429/i.test(excerpt) ? excerpt : undefined;
}

export const teamsNotifier: Notifier<'teams'> = {
  type: 'teams',
  async send(settings, notification, context) {
    const body = JSON.stringify(teamsMessage(notification));
    await postJson({ url: settings.url, body, errorInSuccessBody: teamsThrottled }, context);
  },
  secrets: (settings) => [urlSecret(settings.url)],
};
