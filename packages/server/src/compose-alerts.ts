import { hostname } from 'node:os';
import type { AlertPreviewGroup, AlertQuery, AlertRule, AlertCondition } from '@sightline/contract';
import type { AlertsControl } from './api/api-deps.ts';
import { seedBuiltinRules } from './alerts/builtin-rules.ts';
import { judgeSeries } from './alerts/evaluator/condition.ts';
import { AlertEvaluator } from './alerts/evaluator/evaluator.ts';
import { completeStepsEnd, evaluationPlan } from './alerts/evaluator/rule-observations.ts';
import { createNotificationDispatcher } from './alerts/notifiers/notification-dispatcher.ts';
import { systemClock, type RuleSeriesSource } from './alerts/ports.ts';
import { validateSilence } from './alerts/silences/silence-matchers.ts';
import { nextWindowStart, silenceStatus } from './alerts/silences/silence-schedule.ts';
import type { Config } from './config/schema.ts';
import { alertDefinitions } from './query/alerts/definitions/alert-definitions.ts';
import { queryRuleSeries } from './query/alerts/rule-series/query-rule-series.ts';
import { timeRangeOfMs } from './query/alerts/rule-series/step-plan.ts';
import { StoreAlertState } from './query/alerts/state-store/store-alert-state.ts';
import type { Logger } from './selfmon/logger.ts';
import type { Store } from './storage/store.ts';

export interface Alerting {
  /** For the API routes. */
  readonly control: AlertsControl;
  start(): Promise<void>;
  /** Evaluates the rules that are due now (also when the periodic evaluation is off). */
  evaluateDue(): Promise<void>;
  stop(): Promise<void>;
}

/** Settings the preview judges with: the rule's own interval and no-data period do not change the verdict. */
const PREVIEW_RULE = { intervalSeconds: 60, noData: { enabled: false, afterSeconds: 600, severity: 'warning' } } as const;

/**
 * The alerting module composed over the store: definitions, the built-in rules, the evaluator and the
 * notification dispatcher, and what the API needs of them. Rule queries use the store directly (not the
 * API's concurrency queue) with the API's guardrails.
 */
export async function composeAlerts(config: Config, store: Store, logger: Logger): Promise<Alerting> {
  const definitions = alertDefinitions(store, config.query);
  if (config.alerts.builtinRules) {
    const created = await seedBuiltinRules(definitions.rules);
    if (created.length > 0) logger.info('alerts: built-in rules created', { component: 'alerts', rules: created });
  }
  const publicUrl = (config.alerts.publicUrl ?? `${config.api.tls.enabled ? 'https' : 'http'}://${hostname()}:${config.api.port}`).replace(/\/+$/, '');
  const dispatcher = createNotificationDispatcher({ deliveryLog: definitions.deliveries, config: config.alerts.delivery, publicUrl, logger: logger.child({ component: 'notify' }) });
  const series: RuleSeriesSource = { series: (query, range, step) => queryRuleSeries(store, config.query, query, timeRangeOfMs(range), step) };
  const evaluator = new AlertEvaluator({
    clock: systemClock,
    rules: {
      listRules: async (): Promise<AlertRule[]> =>
        (await definitions.rules.list()).map((stored) => ({ ...stored.definition, id: stored.id, builtin: stored.builtin, updatedMs: stored.updatedMs })),
    },
    series,
    silences: { listSilences: () => definitions.silences.list() },
    channels: { getChannel: (id) => definitions.channels.get(id) },
    state: new StoreAlertState(store, config.query),
    dispatcher,
    publicUrl,
    logger: logger.child({ component: 'alerts' }),
  });

  async function judgeGroups(query: AlertQuery, condition: AlertCondition, endMs: number): Promise<AlertPreviewGroup[]> {
    const plan = evaluationPlan({ ...PREVIEW_RULE, condition }, endMs);
    const result = await series.series(query, { startMs: plan.startMs, endMs: plan.endMs }, plan.stepSeconds);
    const windowEnd = completeStepsEnd(endMs, result.stepSeconds);
    return result.series.map((each) => {
      const judgement = judgeSeries(condition, each.points, windowEnd, result.stepSeconds);
      return { labels: each.labels, value: judgement.value, severity: judgement.breached?.severity ?? null };
    });
  }

  const control: AlertsControl = {
    instances: (ruleId) => evaluator.instances(ruleId),
    ruleStatus: (ruleId) => evaluator.ruleStatus(ruleId),
    judgeGroups,
    sendTest: (channel) => dispatcher.sendTest(channel),
    silenceState: (definition, nowMs) => ({ status: silenceStatus(definition, nowMs), nextStartMs: nextWindowStart(definition, nowMs) }),
    validateSilence,
    rulesChanged: () => {
      if (config.alerts.enabled) void evaluator.evaluateDue();
    },
  };
  return {
    control,
    start: async () => {
      if (config.alerts.enabled) await evaluator.start(config.alerts.tickSeconds);
    },
    evaluateDue: () => evaluator.evaluateDue(),
    stop: async () => {
      // Pending retries are dropped (held in memory only); sends in flight are aborted.
      await evaluator.stop();
      await dispatcher.close();
    },
  };
}
