import type {
  AlertInstance,
  AlertQuery,
  AlertRule,
  AlertSeverity,
  AlertTransition,
  ChannelDefinition,
  Delivery,
  MetricSeries,
  SilenceDefinition,
} from '@sightline/contract';

/**
 * What the alerting module needs from the rest of the server. `main.ts` builds them over the query
 * layer (alerts import query, never storage), so the evaluator and notifiers stay testable over any store.
 */

export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

/** A rule query over `[startMs, endMs)`: one series per group, points at step starts (unix ms). */
export interface RuleSeriesSource {
  series(query: AlertQuery, range: { readonly startMs: number; readonly endMs: number }, stepSeconds: number): Promise<{ stepSeconds: number; series: MetricSeries[] }>;
}

export interface RuleSource {
  listRules(): Promise<AlertRule[]>;
}

export interface StoredSilence {
  readonly id: string;
  readonly definition: SilenceDefinition;
}

export interface SilenceSource {
  listSilences(): Promise<StoredSilence[]>;
}

export interface StoredChannel {
  readonly id: string;
  readonly definition: ChannelDefinition;
}

export interface ChannelSource {
  getChannel(id: string): Promise<StoredChannel | undefined>;
}

/** Persisted instance states and their history (the evaluator continues from them after a restart). */
export interface AlertStateStore {
  loadInstances(): Promise<AlertInstance[]>;
  /** Writes the given instances' current state (insert or replace by rule id + fingerprint). */
  saveInstances(instances: readonly AlertInstance[]): Promise<void>;
  /** Forgets instances (their rule was deleted, or they stayed inactive long enough). */
  deleteInstances(keys: readonly { readonly ruleId: string; readonly fingerprint: string }[]): Promise<void>;
  appendTransitions(transitions: readonly AlertTransition[]): Promise<void>;
}

export interface DeliveryLog {
  record(delivery: Delivery): Promise<void>;
}

/** One alert (instance) inside a notification. */
export interface NotifiedAlert {
  readonly fingerprint: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly status: 'firing' | 'resolved';
  readonly reason: 'threshold' | 'no_data';
  readonly severity: AlertSeverity | null;
  readonly value: number | null;
  readonly threshold: number | null;
  /** Unix ms the alert started firing. */
  readonly startsAtMs: number;
  /** Unix ms it resolved (0 while firing). */
  readonly endsAtMs: number;
  /** The rule's title and description rendered for this alert. */
  readonly title: string;
  readonly description: string;
}

/**
 * One message to one channel: the instances of one rule that need telling at one evaluation
 * (grouped), all firing or all resolved.
 */
export interface AlertNotification {
  readonly kind: 'firing' | 'resolved' | 'test';
  readonly ruleId: string;
  readonly ruleName: string;
  /** Rendered for the group: the first alert's title, with "(+N more)" when grouped. */
  readonly title: string;
  readonly description: string;
  /** The most severe alert's severity. */
  readonly severity: AlertSeverity | null;
  /** Absolute URL of the rule in the UI (`publicUrl` + `/alerts/rules/<id>`). */
  readonly link: string;
  readonly alerts: readonly NotifiedAlert[];
  readonly sentAtMs: number;
}

/** Sends notifications to channels, retrying with backoff; every attempt goes to the DeliveryLog. */
export interface NotificationDispatcher {
  /** Queues delivery; resolves when delivered or finally failed (never rejects). */
  dispatch(channel: StoredChannel, notification: AlertNotification): Promise<void>;
  /** One attempt now, no retry (the "send test notification" button). */
  sendTest(channel: StoredChannel | { readonly id: ''; readonly definition: ChannelDefinition }): Promise<{ ok: boolean; error: string }>;
}
