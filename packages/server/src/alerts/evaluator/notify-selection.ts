import type { AlertInstance, AlertRule, AlertTransition } from '@sightline/contract';

/** One instance after an evaluation, with what led there. */
export interface EvaluatedInstance {
  readonly previous: AlertInstance | undefined;
  readonly instance: AlertInstance;
  readonly transition: AlertTransition | undefined;
  readonly severityChanged: boolean;
}

/**
 * A firing instance is told (unless a silence mutes it now) when it was not told since it fired
 * (newly fired, fired while muted, or its message was lost in a restart between saving and sending),
 * when its severity changed, when the silence muting it ended, or when the repeat interval has passed
 * since it was last told.
 */
export function firingDue(rule: Pick<AlertRule, 'notify'>, evaluated: EvaluatedInstance, nowMs: number): boolean {
  const { instance, previous } = evaluated;
  if (instance.state !== 'firing' || instance.silenced) return false;
  if (evaluated.transition?.to === 'firing' || evaluated.severityChanged) return true;
  if (instance.lastNotifiedMs < instance.firedAtMs) return true;
  if (previous?.silenced === true) return true;
  return nowMs >= instance.lastNotifiedMs + rule.notify.repeatIntervalSeconds * 1000;
}

/**
 * A resolved instance is told once, when it resolves, if the rule sends resolved messages, no silence
 * mutes it now, and its firing was told (nobody needs to hear that an alert they never saw is over).
 */
export function resolvedDue(rule: Pick<AlertRule, 'notify'>, evaluated: EvaluatedInstance): boolean {
  const { instance } = evaluated;
  if (evaluated.transition?.to !== 'resolved' || !rule.notify.sendResolved || instance.silenced) return false;
  return instance.lastNotifiedMs > 0 && instance.lastNotifiedMs >= instance.firedAtMs;
}

/** The instances of one evaluation to put in the rule's firing and resolved messages. */
export function selectNotifications(
  rule: Pick<AlertRule, 'notify'>,
  evaluated: readonly EvaluatedInstance[],
  nowMs: number,
): { readonly firing: AlertInstance[]; readonly resolved: AlertInstance[] } {
  return {
    firing: evaluated.filter((each) => firingDue(rule, each, nowMs)).map((each) => each.instance),
    resolved: evaluated.filter((each) => resolvedDue(rule, each)).map((each) => each.instance),
  };
}
