import { AppError, ErrorCodes } from '../../../errors.ts';
import { param, sql, type SqlFragment } from '../../../storage/sql.ts';
import type { TimeRange } from '../../time-range.ts';

/** Most steps a rule series may have; a finer requested step is widened (and the step used is returned). */
export const MAX_RULE_STEPS = 1500;

const NS_PER_SECOND = 1_000_000_000n;
const NS_PER_MS = 1_000_000n;

/**
 * Steps of a rule query: `[range.startNs + i·step, … + step)` for i in [0, steps), each reported at its
 * start. The start is moved back to a multiple of the step since the epoch (as dashboards and the
 * metrics module align), so step boundaries do not move with the evaluation time and every step but
 * the last is whole; the end stays where it was asked (the last step may be cut short by it).
 */
export interface RuleStepPlan {
  readonly stepSeconds: number;
  readonly stepNs: bigint;
  readonly range: TimeRange;
  readonly steps: number;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a < 0n ? quotient - 1n : quotient;
}

function planWith(range: TimeRange, stepSeconds: number): RuleStepPlan {
  const stepNs = BigInt(stepSeconds) * NS_PER_SECOND;
  const startNs = floorDiv(range.startNs, stepNs) * stepNs;
  const steps = range.endNs <= range.startNs ? 0 : Number((range.endNs - startNs + stepNs - 1n) / stepNs);
  return { stepSeconds, stepNs, range: { startNs, endNs: range.endNs }, steps };
}

/**
 * The step grid for a requested step: whole seconds, a multiple of `unitSeconds` (the APM aggregates
 * are per minute), widened to a multiple of itself while the range would need more than
 * MAX_RULE_STEPS steps. An empty range (end ≤ start) has no steps.
 */
export function planRuleSteps(range: TimeRange, stepSeconds: number, unitSeconds = 1): RuleStepPlan {
  if (!Number.isFinite(stepSeconds) || stepSeconds <= 0) throw new AppError(ErrorCodes.QUERY_INVALID, 'stepSeconds: must be a positive number');
  const unit = Math.max(1, Math.ceil(unitSeconds));
  const base = Math.ceil(stepSeconds / unit) * unit;
  let plan = planWith(range, base);
  if (plan.steps <= MAX_RULE_STEPS) return plan;
  const rangeSeconds = Number((range.endNs - range.startNs + NS_PER_SECOND - 1n) / NS_PER_SECOND);
  let multiple = Math.max(2, Math.ceil(rangeSeconds / MAX_RULE_STEPS / base));
  plan = planWith(range, multiple * base);
  // Moving the start back to the wider step's multiple may add one step.
  while (plan.steps > MAX_RULE_STEPS) plan = planWith(range, ++multiple * base);
  return plan;
}

/** Unix milliseconds of a step's start. */
export function stepStartMs(plan: RuleStepPlan, step: number): number {
  return Number((plan.range.startNs + BigInt(step) * plan.stepNs) / NS_PER_MS);
}

/** A port's millisecond range as the query layer's nanosecond range. */
export function timeRangeOfMs(range: { readonly startMs: number; readonly endMs: number }): TimeRange {
  return { startNs: BigInt(Math.round(range.startMs)) * NS_PER_MS, endNs: BigInt(Math.round(range.endMs)) * NS_PER_MS };
}

/** The step index of a DateTime64 column's time, as SQL (rows are read within the plan's range only). */
export function stepIndexSql(plan: RuleStepPlan, column: SqlFragment): SqlFragment {
  return sql`toInt32(intDiv(toUnixTimestamp64Nano(${column}) - ${param('Int64', plan.range.startNs)}, ${param('Int64', plan.stepNs)}))`;
}
