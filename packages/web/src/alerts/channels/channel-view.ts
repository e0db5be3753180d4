/** The Channels page's texts: summary, delivery status and kind, a test's outcome. Pure. */

import type { Channel, ChannelTestResponse, Delivery } from '@sightline/contract';

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
