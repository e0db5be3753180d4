import type { AlertNotification, NotifiedAlert } from '../ports.ts';
import { postJson } from './http-post.ts';
import { headline, labelPairs, oneLine, statusWord, timeText, truncate, valueText } from './message-format.ts';
import type { Notifier } from './notifier.ts';
import { urlSecret } from './redact-secrets.ts';

/**
 * Slack incoming webhook: `text` is the notification fallback, `blocks` the message (Block Kit):
 * a header, the description, one section per alert (at most MAX_ALERT_SECTIONS) and a context line
 * linking back to the rule. Limits from Slack's Block Kit reference: header text 150 characters,
 * section text 3000, at most 50 blocks.
 */
export type SlackText = { readonly type: 'plain_text' | 'mrkdwn'; readonly text: string };
export type SlackBlock =
  | { readonly type: 'header'; readonly text: SlackText }
  | { readonly type: 'section'; readonly text: SlackText }
  | { readonly type: 'context'; readonly elements: readonly SlackText[] };
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

export const MAX_ALERT_SECTIONS = 10;
const MAX_HEADER_CHARS = 150;
const MAX_SECTION_CHARS = 3000;

/** Slack's three control characters; everything else is sent as is. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mrkdwn link; `|` and `>` would end the URL part, so they are percent-encoded. */
export function slackLink(url: string, label: string): string {
  return `<${url.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${escapeSlack(label)}>`;
}

const STATUS_EMOJI: Record<NotifiedAlert['status'], string> = { firing: ':red_circle:', resolved: ':large_green_circle:' };

function alertSection(alert: NotifiedAlert, kind: AlertNotification['kind']): string {
  const status = kind === 'test' ? ':information_source: *TEST*' : `${STATUS_EMOJI[alert.status]} *${statusWord(alert.status)}*`;
  const severity = alert.severity === null ? '' : ` · ${alert.severity}`;
  const lines = [`${status}${severity} · ${escapeSlack(oneLine(alert.title))}`, escapeSlack(`${valueText(alert)} · ${timeText(alert)}`)];
  const labels = labelPairs(alert.labels);
  if (labels.length > 0) lines.push(`Labels: ${labels.map((pair) => `\`${escapeSlack(pair.replace(/`/g, "'"))}\``).join(' ')}`);
  if (alert.description.trim() !== '') lines.push(escapeSlack(alert.description.trim()));
  return truncate(lines.join('\n'), MAX_SECTION_CHARS);
}

export function slackMessage(notification: AlertNotification): SlackMessage {
  const title = headline(notification);
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(title, MAX_HEADER_CHARS) } }];
  if (notification.description.trim() !== '') {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(escapeSlack(notification.description.trim()), MAX_SECTION_CHARS) } });
  }
  for (const alert of notification.alerts.slice(0, MAX_ALERT_SECTIONS)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: alertSection(alert, notification.kind) } });
  }
  const hidden = notification.alerts.length - MAX_ALERT_SECTIONS;
  const more = hidden > 0 ? ` · ${hidden} more alert${hidden === 1 ? '' : 's'} not shown` : '';
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Rule: ${escapeSlack(notification.ruleName)} · ${slackLink(notification.link, 'Open in Sightline')}${more}` }],
  });
  return { text: escapeSlack(title), blocks };
}

export const slackNotifier: Notifier<'slack'> = {
  type: 'slack',
  async send(settings, notification, context) {
    await postJson({ url: settings.url, body: JSON.stringify(slackMessage(notification)) }, context);
  },
  secrets: (settings) => [urlSecret(settings.url)],
};
