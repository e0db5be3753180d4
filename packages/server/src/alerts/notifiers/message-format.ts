import { createHash } from 'node:crypto';
import type { AlertNotification, NotifiedAlert } from '../ports.ts';

/**
 * Texts shared by every channel, so a firing or resolved alert reads the same in Slack, Teams,
 * PagerDuty, Opsgenie and e-mail.
 */

/** `[FIRING:2] <title>`, `[RESOLVED] <title>` or `[TEST] <title>`. */
export function headline(notification: AlertNotification): string {
  const title = oneLine(notification.title);
  if (notification.kind === 'firing') return `[FIRING:${notification.alerts.length}] ${title}`;
  if (notification.kind === 'resolved') return `[RESOLVED] ${title}`;
  return `[TEST] ${title}`;
}

export function statusWord(status: NotifiedAlert['status']): 'FIRING' | 'RESOLVED' {
  return status === 'firing' ? 'FIRING' : 'RESOLVED';
}

/** A measured value: at most 6 significant digits, `no data` for null. */
export function formatNumber(value: number | null): string {
  if (value === null) return 'no data';
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** `value 95.5 (threshold 90)`; `no data` alerts say so. */
export function valueText(alert: NotifiedAlert): string {
  if (alert.reason === 'no_data') return alert.value === null ? 'no data' : `no data (last value ${formatNumber(alert.value)})`;
  const threshold = alert.threshold === null ? '' : ` (threshold ${formatNumber(alert.threshold)})`;
  return `value ${formatNumber(alert.value)}${threshold}`;
}

/** RFC 3339 in UTC, or null for 0 (not set). */
export function rfc3339(ms: number): string | null {
  return ms === 0 ? null : new Date(ms).toISOString();
}

/** `key=value` pairs in key order. */
export function labelPairs(labels: Readonly<Record<string, string>>): string[] {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key] ?? ''}`);
}

/** When it started, and when it resolved if it did. */
export function timeText(alert: NotifiedAlert): string {
  const since = `since ${rfc3339(alert.startsAtMs) ?? 'unknown'}`;
  const resolved = rfc3339(alert.endsAtMs);
  return resolved === null ? since : `${since}, resolved ${resolved}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Cuts `text` to at most `max` UTF-16 units, ending with `…` when cut (never splitting a surrogate pair). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const MAX_KEY_LENGTH = 255;

/**
 * A stable key per rule and instance (PagerDuty `dedup_key`, Opsgenie `alias`), so a resolve closes
 * what the trigger opened. Hashed when it would exceed 255 characters (PagerDuty's limit).
 */
export function alertKey(ruleId: string, fingerprint: string): string {
  const key = `sightline.${ruleId}.${fingerprint}`;
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `sightline.h.${createHash('sha256').update(`${ruleId}\n${fingerprint}`).digest('hex')}`;
}
