import type { AlertInstance, AlertRule, MetricPoint, MetricSeries } from '@sightline/contract';
import { judgeSeries } from './condition.ts';
import { RULE_FINGERPRINT, groupFingerprint, instanceLabels } from './instance-key.ts';
import type { Observation } from './instance-state.ts';

/** The query of one evaluation: `[startMs, endMs)` at `stepSeconds`. */
export interface EvaluationPlan {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepSeconds: number;
}

/** Resolved instances whose group has no data any more are forgotten this long after resolving. */
export const STALE_RESOLVED_MS = 24 * 3600 * 1000;

/**
 * The range and step of a rule's query at `nowMs`. The step is min(60 s, interval) — never below 10 s
 * (the smallest interval) and never above the window (windows are ≥ 60 s), so a window holds at least
 * one whole step and rules evaluated often see fresh steps. The range reaches back over the window, or
 * the no-data period when that is longer, plus one step (the step straddling the range start is
 * partly outside it). The series source may widen the step (long ranges, per-minute aggregates);
 * the step it returns is the one judged.
 */
export function evaluationPlan(rule: Pick<AlertRule, 'intervalSeconds' | 'condition' | 'noData'>, nowMs: number): EvaluationPlan {
  const stepSeconds = Math.max(10, Math.min(60, rule.intervalSeconds));
  const lookbackSeconds = Math.max(rule.condition.windowSeconds, rule.noData.enabled ? rule.noData.afterSeconds : 0);
  return { startMs: nowMs - (lookbackSeconds + stepSeconds) * 1000, endMs: nowMs, stepSeconds };
}

/** What the evaluation saw for one instance (existing or new). */
export interface GroupObservation {
  readonly fingerprint: string;
  readonly labels: Record<string, string>;
  readonly observation: Observation;
  /** The query returned the group (false: an instance whose group had no point in the whole range). */
  readonly present: boolean;
}

/** Any point whose step overlaps the no-data period `(nowMs − afterSeconds, nowMs)`. */
function hasRecentPoint(points: readonly MetricPoint[], nowMs: number, afterSeconds: number, stepSeconds: number): boolean {
  const since = nowMs - afterSeconds * 1000;
  return points.some((point) => point.t < nowMs && point.t + stepSeconds * 1000 > since && Number.isFinite(point.v));
}

/**
 * The window ends where the step in progress begins: that step holds only part of its data (a count
 * or a per-minute rate would read low and trip "below" conditions), so it is judged once complete.
 */
export function completeStepsEnd(nowMs: number, stepSeconds: number): number {
  const stepMs = stepSeconds * 1000;
  return Math.floor(nowMs / stepMs) * stepMs;
}

/** One present group's observation: no data first (when enabled), else the judged window. */
export function observeSeries(rule: Pick<AlertRule, 'condition' | 'noData'>, points: readonly MetricPoint[], nowMs: number, stepSeconds: number): Observation {
  const judgement = judgeSeries(rule.condition, points, completeStepsEnd(nowMs, stepSeconds), stepSeconds);
  if (!rule.noData.enabled) return { kind: 'data', ...judgement };
  if (!hasRecentPoint(points, nowMs, rule.noData.afterSeconds, stepSeconds)) return { kind: 'no_data', severity: rule.noData.severity };
  return judgement.value === null ? { kind: 'waiting' } : { kind: 'data', ...judgement };
}

/**
 * Every instance to advance at one evaluation: one per group the query returned, and one per known
 * instance whose group it did not return. A missing group has had no point in the whole range (which
 * covers the window and the no-data period): without no-data detection its window is empty (it clears:
 * pending → inactive, firing → resolved); with it, it fires as no data — except the whole-rule instance
 * while other groups have data (data came back, split by group). With no-data detection, a rule whose
 * query returns nothing and that has no instances yet gets the whole-rule instance (no group labels),
 * firing as no data.
 */
export function observeGroups(
  rule: Pick<AlertRule, 'name' | 'labels' | 'condition' | 'noData'>,
  result: { readonly stepSeconds: number; readonly series: readonly MetricSeries[] },
  existing: readonly AlertInstance[],
  nowMs: number,
): GroupObservation[] {
  const observations = new Map<string, GroupObservation>();
  for (const series of result.series) {
    const fingerprint = groupFingerprint(series.labels);
    if (observations.has(fingerprint)) continue;
    const observation = observeSeries(rule, series.points, nowMs, result.stepSeconds);
    observations.set(fingerprint, { fingerprint, labels: instanceLabels(rule, series.labels), observation, present: true });
  }
  const noData: Observation = { kind: 'no_data', severity: rule.noData.severity };
  const clear: Observation = { kind: 'data', value: null, breached: null };
  for (const instance of existing) {
    if (observations.has(instance.fingerprint)) continue;
    const dataElsewhere = instance.fingerprint === RULE_FINGERPRINT && result.series.length > 0;
    observations.set(instance.fingerprint, {
      fingerprint: instance.fingerprint,
      labels: { ...instance.labels, alertname: rule.name },
      observation: rule.noData.enabled && !dataElsewhere ? noData : clear,
      present: false,
    });
  }
  if (rule.noData.enabled && observations.size === 0) {
    observations.set(RULE_FINGERPRINT, { fingerprint: RULE_FINGERPRINT, labels: instanceLabels(rule, {}), observation: noData, present: false });
  }
  return [...observations.values()];
}

/**
 * Instances forgotten after an evaluation: an inactive one whose group was not returned (nothing to
 * show, and a new instance starts if the group comes back), and a resolved one whose group has been
 * gone for STALE_RESOLVED_MS after it resolved (the history keeps its transitions).
 */
export function isStale(instance: AlertInstance, present: boolean, nowMs: number): boolean {
  if (present) return false;
  if (instance.state === 'inactive') return true;
  return instance.state === 'resolved' && nowMs - instance.resolvedAtMs >= STALE_RESOLVED_MS;
}
