/** The Channels page's texts: summary, delivery status and times, a test's outcome. Pure. */

import type { Channel, ChannelTestResponse, Delivery } from '@sightline/contract';

/** How long ago `ms` was, coarsely: `just now`, `4 s ago`, `3 min ago`, `2 h ago`, `5 d ago`. */
export function formatAgo(ms: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** `3 channels · 1 failing` — failing: the newest delivery attempt failed or is being retried. */
export function channelsSummary(channels: readonly Channel[]): string {
  const failing = channels.filter((c) => c.lastDelivery !== null && c.lastDelivery.status !== 'sent').length;
  const count = `${channels.length} ${channels.length === 1 ? 'channel' : 'channels'}`;
  return failing > 0 ? `${count} · ${failing} failing` : count;
}

export const DELIVERY_STATUS_TEXT: Readonly<Record<Delivery['status'], string>> = { sent: 'sent', failed: 'failed', retrying: 'retrying' };

export const DELIVERY_KIND_TEXT: Readonly<Record<Delivery['kind'], string>> = { firing: 'firing', resolved: 'resolved', test: 'test' };

/** What the delivery carried: `test message`, `1 alert`, `3 alerts`. */
export function deliveryAlertsText(delivery: Delivery): string {
  if (delivery.kind === 'test') return 'test message';
  return `${delivery.alertCount} ${delivery.alertCount === 1 ? 'alert' : 'alerts'}`;
}

/** A test notification's outcome as one line for the page. */
export function testOutcomeText(result: ChannelTestResponse): string {
  return result.ok ? 'Test notification sent.' : `Test notification failed: ${result.error === '' ? 'no reason given' : result.error}`;
}
