import type { AlertInstance, AlertRule } from '@sightline/contract';
import type { AlertStateStore, ChannelSource, Clock, NotificationDispatcher, RuleSeriesSource, RuleSource, SilenceSource, StoredChannel, StoredSilence } from '../ports.ts';
import { silenceMatches } from '../silences/silence-matchers.ts';
import { silenceActiveAt } from '../silences/silence-schedule.ts';
import { buildNotification } from '../templates/build-notification.ts';
import { advanceInstance, persistedChange } from './instance-state.ts';
import { selectNotifications, type EvaluatedInstance } from './notify-selection.ts';
import { evaluationPlan, isStale, observeGroups } from './rule-observations.ts';

/** The evaluator's log lines (the server's Logger fits). */
export interface EvaluatorLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface AlertEvaluatorDeps {
  readonly clock: Clock;
  readonly rules: RuleSource;
  readonly series: RuleSeriesSource;
  readonly silences: SilenceSource;
  readonly channels: ChannelSource;
  readonly state: AlertStateStore;
  readonly dispatcher: NotificationDispatcher;
  /** The UI's address, for links in notifications. */
  readonly publicUrl: string;
  readonly logger?: EvaluatorLogger;
}

export interface RuleStatus {
  /** Unix ms of the last evaluation (0: not evaluated since the start). */
  readonly lastEvaluatedMs: number;
  /** The last evaluation's error, empty when it succeeded. */
  readonly lastError: string;
}

interface Evaluated extends EvaluatedInstance {
  readonly present: boolean;
}

const NO_STATUS: RuleStatus = { lastEvaluatedMs: 0, lastError: '' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function keyOf(instance: AlertInstance): { ruleId: string; fingerprint: string } {
  return { ruleId: instance.ruleId, fingerprint: instance.fingerprint };
}

/**
 * Evaluates the enabled rules, each on its own interval, one after another: query, judge each group,
 * advance the instances' state machines, persist states and transitions, then notify the rule's
 * channels (grouped per rule: one firing and one resolved message per evaluation). Instances live in
 * memory (loaded from the state store once) and every change is persisted, so a new evaluator over the
 * same store continues where the last one stopped. Instances of rules that are deleted or disabled are
 * forgotten (no resolved message is sent for them).
 */
export class AlertEvaluator {
  private readonly byRule = new Map<string, Map<string, AlertInstance>>();
  private readonly statuses = new Map<string, RuleStatus>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly log: EvaluatorLogger;
  private loading: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: AlertEvaluatorDeps) {
    this.log = deps.logger ?? { warn: () => undefined };
  }

  /** Loads the persisted instances, then evaluates what is due every `tickSeconds` (the timer does not keep the process alive). */
  async start(tickSeconds: number): Promise<void> {
    this.stopped = false;
    try {
      await this.load();
    } catch (error) {
      this.log.warn('alerts: loading the instance states failed; retrying at the next tick', { error: messageOf(error) });
    }
    if (this.stopped || this.timer !== undefined) return;
    this.timer = setInterval(() => void this.evaluateDue(), tickSeconds * 1000);
    this.timer.unref();
    void this.evaluateDue();
  }

  /** Stops the timer and waits for an evaluation in progress (notifications already handed to the dispatcher go on). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Resolves when every notification handed to the dispatcher so far has been delivered or has finally failed. */
  async idle(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }

  /** Evaluates every enabled rule that is due (never rejects); a call during an evaluation joins it. */
  evaluateDue(): Promise<void> {
    this.running ??= this.runDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  ruleStatus(ruleId: string): RuleStatus {
    return this.statuses.get(ruleId) ?? NO_STATUS;
  }

  /** The current instances (of one rule, or all), inactive ones included. */
  instances(ruleId?: string): AlertInstance[] {
    const maps = ruleId === undefined ? [...this.byRule.values()] : [this.byRule.get(ruleId) ?? new Map<string, AlertInstance>()];
    return maps.flatMap((map) => [...map.values()]);
  }

  private load(): Promise<void> {
    this.loading ??= this.deps.state.loadInstances().then(
      (instances) => {
        for (const instance of instances) this.instanceMap(instance.ruleId).set(instance.fingerprint, instance);
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  private instanceMap(ruleId: string): Map<string, AlertInstance> {
    let map = this.byRule.get(ruleId);
    if (map === undefined) {
      map = new Map();
      this.byRule.set(ruleId, map);
    }
    return map;
  }

  private async runDue(): Promise<void> {
    let rules: AlertRule[];
    let silences: StoredSilence[];
    try {
      await this.load();
      rules = await this.deps.rules.listRules();
      silences = await this.deps.silences.listSilences();
    } catch (error) {
      this.log.warn('alerts: reading rules, silences or instance states failed; evaluation skipped', { error: messageOf(error) });
      return;
    }
    const enabled = rules.filter((rule) => rule.enabled);
    await this.forgetRulesOtherThan(new Set(enabled.map((rule) => rule.id)));
    for (const rule of enabled) {
      if (this.stopped) return;
      if (!this.isDue(rule)) continue;
      try {
        await this.evaluateRule(rule, silences);
      } catch (error) {
        this.statuses.set(rule.id, { lastEvaluatedMs: this.deps.clock.nowMs(), lastError: messageOf(error) });
        this.log.warn('alerts: evaluating a rule failed', { ruleId: rule.id, error: messageOf(error) });
      }
    }
  }

  /** Due when never evaluated, when the interval has passed, or when the rule changed since. */
  private isDue(rule: AlertRule): boolean {
    const status = this.statuses.get(rule.id);
    if (status === undefined) return true;
    const nowMs = this.deps.clock.nowMs();
    return nowMs - status.lastEvaluatedMs >= rule.intervalSeconds * 1000 || rule.updatedMs > status.lastEvaluatedMs;
  }

  private async forgetRulesOtherThan(live: ReadonlySet<string>): Promise<void> {
    for (const ruleId of [...this.statuses.keys()]) if (!live.has(ruleId)) this.statuses.delete(ruleId);
    for (const [ruleId, map] of [...this.byRule]) {
      if (live.has(ruleId)) continue;
      try {
        if (map.size > 0) await this.deps.state.deleteInstances([...map.values()].map(keyOf));
        this.byRule.delete(ruleId);
      } catch (error) {
        this.log.warn('alerts: forgetting the instances of a removed rule failed', { ruleId, error: messageOf(error) });
      }
    }
  }

  private async evaluateRule(rule: AlertRule, silences: readonly StoredSilence[]): Promise<void> {
    const nowMs = this.deps.clock.nowMs();
    const plan = evaluationPlan(rule, nowMs);
    let result: Awaited<ReturnType<RuleSeriesSource['series']>>;
    try {
      result = await this.deps.series.series(rule.query, { startMs: plan.startMs, endMs: plan.endMs }, plan.stepSeconds);
    } catch (error) {
      // The instances stay as they were: a failing query says nothing about the condition.
      this.statuses.set(rule.id, { lastEvaluatedMs: nowMs, lastError: messageOf(error) });
      this.log.warn('alerts: a rule query failed', { ruleId: rule.id, error: messageOf(error) });
      return;
    }
    const active = silences.filter((silence) => silenceActiveAt(silence.definition, nowMs));
    const current = this.byRule.get(rule.id) ?? new Map<string, AlertInstance>();
    const evaluated: Evaluated[] = observeGroups(rule, result, [...current.values()], nowMs).map((group) => {
      const previous = current.get(group.fingerprint);
      const step = advanceInstance({ previous, ruleId: rule.id, ...group, forSeconds: rule.forSeconds, nowMs });
      const silenced = active.some((silence) => silenceMatches(silence.definition, rule.id, step.instance.labels));
      return { ...step, previous, instance: { ...step.instance, silenced }, present: group.present };
    });
    const next = new Map<string, AlertInstance>();
    const removed: AlertInstance[] = [];
    for (const each of evaluated) {
      if (isStale(each.instance, each.present, nowMs)) removed.push(each.instance);
      else next.set(each.instance.fingerprint, each.instance);
    }
    const changed = evaluated.filter((each) => next.has(each.instance.fingerprint) && persistedChange(each.previous, each.instance));
    const transitions = evaluated.flatMap((each) => (each.transition === undefined ? [] : [each.transition]));
    try {
      // Saved before anything is sent: a restart never forgets a state it already told.
      if (changed.length > 0) await this.deps.state.saveInstances(changed.map((each) => each.instance));
      if (transitions.length > 0) await this.deps.state.appendTransitions(transitions);
      if (removed.length > 0) await this.deps.state.deleteInstances(removed.map(keyOf));
    } catch (error) {
      // The in-memory states stay as they were, so the next evaluation makes (and saves) the same changes.
      this.statuses.set(rule.id, { lastEvaluatedMs: nowMs, lastError: `saving alert states failed: ${messageOf(error)}` });
      this.log.warn('alerts: saving alert states failed', { ruleId: rule.id, error: messageOf(error) });
      return;
    }
    this.byRule.set(rule.id, next);
    this.statuses.set(rule.id, { lastEvaluatedMs: nowMs, lastError: '' });
    await this.notify(rule, evaluated, next, nowMs);
  }

  /** Hands the rule's messages to the dispatcher for each of its channels, then records the instances as told. */
  private async notify(rule: AlertRule, evaluated: readonly Evaluated[], instances: Map<string, AlertInstance>, nowMs: number): Promise<void> {
    const { firing, resolved } = selectNotifications(rule, evaluated, nowMs);
    if (firing.length === 0 && resolved.length === 0) return;
    const options = { publicUrl: this.deps.publicUrl, nowMs };
    const messages = [buildNotification(rule, 'firing', firing, options), buildNotification(rule, 'resolved', resolved, options)].filter(
      (message) => message !== undefined,
    );
    let lookupFailed = false;
    for (const channelId of rule.notify.channels) {
      let channel: StoredChannel | undefined;
      try {
        channel = await this.deps.channels.getChannel(channelId);
      } catch (error) {
        lookupFailed = true;
        this.log.warn('alerts: reading a notification channel failed', { ruleId: rule.id, channelId, error: messageOf(error) });
        continue;
      }
      if (channel === undefined) {
        this.log.warn('alerts: a rule names a channel that does not exist; skipped', { ruleId: rule.id, channelId });
        continue;
      }
      for (const message of messages) this.track(this.deps.dispatcher.dispatch(channel, message));
    }
    // Firing alerts not recorded as told are sent again at the next evaluation (lastNotifiedMs < firedAtMs).
    if (lookupFailed) return;
    const told = [...firing, ...resolved].filter((instance) => instances.has(instance.fingerprint)).map((instance) => ({ ...instance, lastNotifiedMs: nowMs }));
    for (const instance of told) instances.set(instance.fingerprint, instance);
    try {
      await this.deps.state.saveInstances(told);
    } catch (error) {
      this.log.warn('alerts: saving notification times failed', { ruleId: rule.id, error: messageOf(error) });
    }
  }

  private track(delivery: Promise<void>): void {
    const tracked = delivery.catch(() => undefined).finally(() => this.deliveries.delete(tracked));
    this.deliveries.add(tracked);
  }
}
