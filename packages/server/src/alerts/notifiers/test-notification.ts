import type { AlertNotification } from '../ports.ts';

export interface TestNotificationOptions {
  /** Where the message links to (the channels page). */
  readonly link: string;
  readonly nowMs: number;
  readonly channelName?: string;
}

/**
 * The "send test notification" message: one sample firing alert, labelled as a test everywhere
 * (kind `test`, `[TEST]` titles, a `test` label). Its fingerprint is unique per test, so the
 * PagerDuty/Opsgenie test incident (opened and closed right away) never touches a real one.
 */
export function buildTestNotification(options: TestNotificationOptions): AlertNotification {
  const channel = options.channelName === undefined || options.channelName === '' ? 'this channel' : `channel "${options.channelName}"`;
  return {
    kind: 'test',
    ruleId: '',
    ruleName: 'Sightline test notification',
    title: 'Test notification from Sightline',
    description: `A test sent from the Sightline alert settings to ${channel}. No action is needed.`,
    severity: 'info',
    link: options.link,
    sentAtMs: options.nowMs,
    alerts: [
      {
        fingerprint: `test-${options.nowMs}`,
        labels: { alertname: 'SightlineTest', test: 'true' },
        status: 'firing',
        reason: 'threshold',
        severity: 'info',
        value: 1,
        threshold: 0,
        startsAtMs: options.nowMs,
        endsAtMs: 0,
        title: 'Sample alert (test)',
        description: 'This sample alert shows how a firing alert looks in this channel.',
      },
    ],
  };
}
