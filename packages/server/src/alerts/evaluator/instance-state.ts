import type { AlertInstance, AlertSeverity, AlertState, AlertThreshold, AlertTransition } from '@sightline/contract';

/**
 * What one evaluation saw for one instance:
 * - `data`: the window was judged (value null: no point in the window, which counts as not breached);
 * - `no_data`: no-data detection is on and the group has had no points for its `afterSeconds`;
 * - `waiting`: no-data detection is on, the window is empty but `afterSeconds` has not passed yet —
 *   the instance holds its state (it neither resolves on the gap nor fires as no data yet).
 */
export type Observation =
  | { readonly kind: 'data'; readonly value: number | null; readonly breached: AlertThreshold | null }
  | { readonly kind: 'no_data'; readonly severity: AlertSeverity }
  | { readonly kind: 'waiting' };

export interface AdvanceInput {
  readonly previous: AlertInstance | undefined;
  readonly ruleId: string;
  readonly fingerprint: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly observation: Observation;
  readonly forSeconds: number;
  readonly nowMs: number;
}

export interface AdvanceResult {
  readonly instance: AlertInstance;
  /** The state change, if the state changed. */
  readonly transition: AlertTransition | undefined;
  /** Firing before and after, with another severity (worth a notification). */
  readonly severityChanged: boolean;
}

function freshInstance(input: AdvanceInput): AlertInstance {
  return {
    ruleId: input.ruleId,
    fingerprint: input.fingerprint,
    labels: { ...input.labels },
    state: 'inactive',
    reason: 'threshold',
    severity: null,
    value: null,
    threshold: null,
    activeSinceMs: 0,
    firedAtMs: 0,
    resolvedAtMs: 0,
    lastEvaluatedMs: 0,
    lastNotifiedMs: 0,
    silenced: false,
  };
}

function result(previous: AlertInstance, next: AlertInstance, nowMs: number): AdvanceResult {
  const transition: AlertTransition | undefined =
    previous.state === next.state
      ? undefined
      : {
          ruleId: next.ruleId,
          fingerprint: next.fingerprint,
          labels: next.labels,
          from: previous.state,
          to: next.state,
          reason: next.reason,
          severity: next.severity,
          value: next.value,
          atMs: nowMs,
        };
  const severityChanged = previous.state === 'firing' && next.state === 'firing' && previous.severity !== next.severity;
  return { instance: next, transition, severityChanged };
}

function startEpisode(base: AlertInstance, state: AlertState, nowMs: number): AlertInstance {
  return { ...base, state, activeSinceMs: nowMs, firedAtMs: state === 'firing' ? nowMs : base.firedAtMs, resolvedAtMs: 0 };
}

function onNoData(base: AlertInstance, severity: AlertSeverity, nowMs: number): AlertInstance {
  const noData = { ...base, reason: 'no_data' as const, severity, value: null, threshold: null };
  // Missing data for `afterSeconds` already is the wait: it fires at once, also from pending.
  return base.state === 'firing' ? noData : startEpisode(noData, 'firing', nowMs);
}

function onData(base: AlertInstance, value: number | null, breached: AlertThreshold | null, forSeconds: number, nowMs: number): AlertInstance {
  const judged = { ...base, value };
  if (breached === null) {
    if (base.state === 'firing') return { ...judged, state: 'resolved', resolvedAtMs: nowMs };
    if (base.state === 'pending') return { ...judged, state: 'inactive', activeSinceMs: 0, severity: null, threshold: null };
    return judged;
  }
  // Data is back for a no-data alert: it resolves; a breach starts a new episode from the next evaluation.
  if (base.state === 'firing' && base.reason === 'no_data') return { ...judged, state: 'resolved', resolvedAtMs: nowMs };
  const breaching = { ...judged, reason: 'threshold' as const, severity: breached.severity, threshold: breached.value };
  if (base.state === 'firing') return breaching;
  if (base.state === 'pending') return nowMs - base.activeSinceMs >= forSeconds * 1000 ? { ...breaching, state: 'firing', firedAtMs: nowMs } : breaching;
  return startEpisode(breaching, forSeconds === 0 ? 'firing' : 'pending', nowMs);
}

/**
 * One step of an instance's state machine (pure):
 * inactive/resolved → pending on a breach (→ firing at once when `forSeconds` is 0); pending → firing once
 * the breach has lasted `forSeconds` (counted from the first breaching evaluation); pending → inactive
 * when it clears; firing → resolved when it clears (an empty window counts as clear). A firing
 * instance follows its breached threshold's severity. No data fires as `no_data` with the rule's
 * no-data severity and resolves when data comes back. Labels follow the latest query result.
 */
export function advanceInstance(input: AdvanceInput): AdvanceResult {
  const previous = input.previous ?? freshInstance(input);
  const base: AlertInstance = { ...previous, labels: { ...input.labels }, lastEvaluatedMs: input.nowMs };
  const { observation, nowMs } = input;
  let next: AlertInstance;
  if (observation.kind === 'waiting') next = base;
  else if (observation.kind === 'no_data') next = onNoData(base, observation.severity, nowMs);
  else next = onData(base, observation.value, observation.breached, input.forSeconds, nowMs);
  return result(previous, next, nowMs);
}

/** Whether two instances differ in what is worth persisting (value and evaluation time are kept in memory only). */
export function persistedChange(previous: AlertInstance | undefined, next: AlertInstance): boolean {
  if (previous === undefined) return true;
  const keys: (keyof AlertInstance)[] = ['state', 'reason', 'severity', 'threshold', 'activeSinceMs', 'firedAtMs', 'resolvedAtMs', 'lastNotifiedMs', 'silenced'];
  if (keys.some((key) => previous[key] !== next[key])) return true;
  return JSON.stringify(previous.labels) !== JSON.stringify(next.labels);
}
