import type { ChannelDefinition } from '@sightline/contract';
import type { AlertNotification, Clock, NotificationDispatcher, RuleSeriesSource, StoredChannel } from '../../../src/alerts/ports.ts';
import { queryRuleSeries } from '../../../src/query/alerts/rule-series/query-rule-series.ts';
import { timeRangeOfMs } from '../../../src/query/alerts/rule-series/step-plan.ts';
import type { ReadLimits } from '../../../src/query/read-limits.ts';
import type { Store } from '../../../src/storage/store.ts';

/** A clock the test moves. */
export class ManualClock implements Clock {
  constructor(private now: number) {}

  nowMs(): number {
    return this.now;
  }

  set(ms: number): void {
    this.now = ms;
  }

  advance(ms: number): void {
    this.now += ms;
  }
}

export interface Dispatched {
  readonly channel: StoredChannel;
  readonly notification: AlertNotification;
}

/** The NotificationDispatcher port, recording what it was handed (the notifiers' own tests send for real). */
export class RecordingDispatcher implements NotificationDispatcher {
  readonly dispatched: Dispatched[] = [];

  dispatch(channel: StoredChannel, notification: AlertNotification): Promise<void> {
    this.dispatched.push({ channel, notification });
    return Promise.resolve();
  }

  sendTest(_channel: StoredChannel | { readonly id: ''; readonly definition: ChannelDefinition }): Promise<{ ok: boolean; error: string }> {
    return Promise.resolve({ ok: true, error: '' });
  }

  /** Notifications of one rule handed over since `from` (an index into `dispatched`). */
  ofRule(ruleId: string, from = 0): Dispatched[] {
    return this.dispatched.slice(from).filter((each) => each.notification.ruleId === ruleId);
  }
}

/** The rule series port over the real rule series queries (as main.ts adapts it). */
export function storeRuleSeries(store: Store, limits: ReadLimits): RuleSeriesSource {
  return { series: (query, range, stepSeconds) => queryRuleSeries(store, limits, query, timeRangeOfMs(range), stepSeconds) };
}
