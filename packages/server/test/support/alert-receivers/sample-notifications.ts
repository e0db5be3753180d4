import type { Delivery } from '@sightline/contract';
import type { DeliveryConfig } from '../../../src/alerts/alerts-config.ts';
import type { AlertNotification, DeliveryLog } from '../../../src/alerts/ports.ts';

/** 2023-11-14T22:13:20.000Z */
export const SENT_MS = 1_700_000_000_000;
export const RESOLVED_MS = SENT_MS + 300_000;
export const LINK = 'http://sightline.test:8080/alerts/rules/rule-cpu';

/** A rule's firing notification grouping two alerts (one with a description, one without). */
export const firingNotification: AlertNotification = {
  kind: 'firing',
  ruleId: 'rule-cpu',
  ruleName: 'High CPU',
  title: 'CPU > 90% on web-1 (+1 more)',
  description: 'CPU usage of the api hosts.',
  severity: 'critical',
  link: LINK,
  sentAtMs: SENT_MS,
  alerts: [
    {
      fingerprint: 'fp-a',
      labels: { service: 'api', host: 'web-1' },
      status: 'firing',
      reason: 'threshold',
      severity: 'critical',
      value: 97.25,
      threshold: 90,
      startsAtMs: SENT_MS - 120_000,
      endsAtMs: 0,
      title: 'CPU > 90% on web-1',
      description: 'CPU at 97.25% & rising',
    },
    {
      fingerprint: 'fp-b',
      labels: { host: 'web-2', service: 'api' },
      status: 'firing',
      reason: 'threshold',
      severity: 'warning',
      value: 85.5,
      threshold: 80,
      startsAtMs: SENT_MS - 60_000,
      endsAtMs: 0,
      title: 'CPU > 80% on web-2',
      description: '',
    },
  ],
};

/** The same two alerts, resolved. */
export const resolvedNotification: AlertNotification = {
  ...firingNotification,
  kind: 'resolved',
  title: 'CPU > 90% on web-1 (+1 more)',
  sentAtMs: RESOLVED_MS,
  alerts: firingNotification.alerts.map((alert, index) => ({
    ...alert,
    status: 'resolved',
    value: index === 0 ? 42 : 50.5,
    endsAtMs: RESOLVED_MS,
  })),
};

/** Small delays so retry tests run quickly; the timeout stays generous for a loaded machine. */
export const fastDelivery: DeliveryConfig = { maxAttempts: 5, initialBackoffMs: 20, maxBackoffMs: 100, timeoutMs: 5000 };

/** The DeliveryLog port as an array. */
export function memoryDeliveryLog(): DeliveryLog & { readonly deliveries: Delivery[] } {
  const deliveries: Delivery[] = [];
  return {
    deliveries,
    record(delivery) {
      deliveries.push(delivery);
      return Promise.resolve();
    },
  };
}
