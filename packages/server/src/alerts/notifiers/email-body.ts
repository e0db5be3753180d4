import type { AlertNotification, NotifiedAlert } from '../ports.ts';
import { formatNumber, headline, labelPairs, oneLine, rfc3339, statusWord, valueText, timeText } from './message-format.ts';

/** The e-mail's subject, plain text and HTML (inline styles only, no external assets). */

export function emailSubject(notification: AlertNotification): string {
  return oneLine(headline(notification));
}

function statusOf(alert: NotifiedAlert, kind: AlertNotification['kind']): string {
  return kind === 'test' ? 'TEST' : statusWord(alert.status);
}

export function emailText(notification: AlertNotification): string {
  const lines = [emailSubject(notification), ''];
  if (notification.kind === 'test') lines.push('This is a test notification from Sightline; no action is needed.', '');
  if (notification.description.trim() !== '') lines.push(notification.description.trim(), '');
  for (const alert of notification.alerts) {
    lines.push(`${statusOf(alert, notification.kind)} [${alert.severity ?? 'no severity'}] ${oneLine(alert.title)}`);
    lines.push(`  ${valueText(alert)}`, `  ${timeText(alert)}`);
    const labels = labelPairs(alert.labels);
    if (labels.length > 0) lines.push(`  labels: ${labels.join(', ')}`);
    if (alert.description.trim() !== '') lines.push(`  ${oneLine(alert.description)}`);
    lines.push('');
  }
  lines.push(`Rule: ${notification.ruleName}`, `Open in Sightline: ${notification.link}`, '');
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const COLORS: Record<AlertNotification['kind'], string> = { firing: '#b42318', resolved: '#067647', test: '#175cd3' };
const CELL = 'padding:4px 8px;border:1px solid #d0d5dd;text-align:left;vertical-align:top';

function row(alert: NotifiedAlert, kind: AlertNotification['kind']): string {
  const cells = [
    statusOf(alert, kind),
    alert.severity ?? 'none',
    alert.title + (alert.description.trim() === '' ? '' : `\n${alert.description.trim()}`),
    alert.reason === 'no_data' ? valueText(alert) : formatNumber(alert.value),
    alert.threshold === null ? 'none' : formatNumber(alert.threshold),
    labelPairs(alert.labels).join('\n'),
    [rfc3339(alert.startsAtMs) ?? '', rfc3339(alert.endsAtMs) ?? ''].filter((time) => time !== '').join('\n→ '),
  ];
  return `<tr>${cells.map((cell) => `<td style="${CELL}">${escapeHtml(cell).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`;
}

export function emailHtml(notification: AlertNotification): string {
  const heads = ['Status', 'Severity', 'Alert', 'Value', 'Threshold', 'Labels', 'Since'];
  const link = escapeHtml(notification.link);
  const parts = [
    '<!doctype html><html><head><meta charset="utf-8"></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#101828">',
    `<h2 style="color:${COLORS[notification.kind]};margin:0 0 12px">${escapeHtml(emailSubject(notification))}</h2>`,
  ];
  if (notification.kind === 'test') parts.push('<p>This is a test notification from Sightline; no action is needed.</p>');
  if (notification.description.trim() !== '') parts.push(`<p>${escapeHtml(notification.description.trim()).replace(/\n/g, '<br>')}</p>`);
  parts.push(
    '<table style="border-collapse:collapse;margin:12px 0">',
    `<tr>${heads.map((head) => `<th style="${CELL};background:#f2f4f7">${head}</th>`).join('')}</tr>`,
    ...notification.alerts.map((alert) => row(alert, notification.kind)),
    '</table>',
    `<p>Rule: ${escapeHtml(notification.ruleName)} · <a href="${link}">Open in Sightline</a></p>`,
    '</body></html>',
  );
  return parts.join('\n');
}
