import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCodes, isAppError } from '../../../errors.ts';
import { MAX_RULE_STEPS, planRuleSteps, stepStartMs, timeRangeOfMs } from './step-plan.ts';

const S = 1_000_000_000n;
/** 2024-01-01T00:00:00Z, a multiple of a day. */
const DAY0 = 1_704_067_200n;

function invalid(run: () => unknown): void {
  assert.throws(run, (error: unknown) => isAppError(error) && error.code === ErrorCodes.QUERY_INVALID);
}

describe('planRuleSteps', () => {
  it('moves the start back to a multiple of the step and keeps the end (last step partial)', () => {
    const plan = planRuleSteps({ startNs: (DAY0 + 70n) * S + 5n, endNs: (DAY0 + 250n) * S }, 60);
    assert.equal(plan.stepSeconds, 60);
    assert.equal(plan.stepNs, 60n * S);
    assert.deepEqual(plan.range, { startNs: (DAY0 + 60n) * S, endNs: (DAY0 + 250n) * S });
    // [60,120) [120,180) [180,240) [240,250)
    assert.equal(plan.steps, 4);
    assert.equal(stepStartMs(plan, 0), Number(DAY0 + 60n) * 1000);
    assert.equal(stepStartMs(plan, 3), Number(DAY0 + 240n) * 1000);
  });

  it('keeps an aligned range as it is', () => {
    const plan = planRuleSteps({ startNs: DAY0 * S, endNs: (DAY0 + 600n) * S }, 300);
    assert.deepEqual(plan.range, { startNs: DAY0 * S, endNs: (DAY0 + 600n) * S });
    assert.equal(plan.steps, 2);
  });

  it('rounds the step up to whole seconds, and to whole units', () => {
    assert.equal(planRuleSteps({ startNs: DAY0 * S, endNs: (DAY0 + 10n) * S }, 0.4).stepSeconds, 1);
    assert.equal(planRuleSteps({ startNs: DAY0 * S, endNs: (DAY0 + 600n) * S }, 90, 60).stepSeconds, 120);
    assert.equal(planRuleSteps({ startNs: DAY0 * S, endNs: (DAY0 + 600n) * S }, 15, 60).stepSeconds, 60);
    assert.equal(planRuleSteps({ startNs: DAY0 * S, endNs: (DAY0 + 600n) * S }, 180, 60).stepSeconds, 180);
  });

  it('widens the step to a multiple of itself when the range would need too many steps', () => {
    const day = { startNs: (DAY0 + 13n) * S, endNs: (DAY0 + 86_400n + 13n) * S };
    const plan = planRuleSteps(day, 10);
    assert.equal(plan.stepSeconds, 60);
    assert.ok(plan.steps <= MAX_RULE_STEPS);
    assert.equal(plan.steps, 1441);
    const week = planRuleSteps({ startNs: DAY0 * S, endNs: (DAY0 + 7n * 86_400n) * S }, 60, 60);
    assert.equal(week.stepSeconds % 60, 0);
    assert.ok(week.steps <= MAX_RULE_STEPS && week.steps > MAX_RULE_STEPS / 2, `${week.steps} steps of ${week.stepSeconds} s`);
    assert.equal(planRuleSteps(day, 60).stepSeconds, 60, 'a day of minutes fits');
  });

  it('has no steps for an empty range', () => {
    assert.equal(planRuleSteps({ startNs: DAY0 * S, endNs: DAY0 * S }, 60).steps, 0);
    assert.equal(planRuleSteps({ startNs: (DAY0 + 60n) * S, endNs: DAY0 * S }, 60).steps, 0);
  });

  it('rejects steps that are not positive numbers', () => {
    const range = { startNs: DAY0 * S, endNs: (DAY0 + 60n) * S };
    invalid(() => planRuleSteps(range, 0));
    invalid(() => planRuleSteps(range, -5));
    invalid(() => planRuleSteps(range, Number.NaN));
    invalid(() => planRuleSteps(range, Number.POSITIVE_INFINITY));
  });
});

describe('timeRangeOfMs', () => {
  it('converts unix milliseconds to nanoseconds', () => {
    assert.deepEqual(timeRangeOfMs({ startMs: 1_704_067_200_123, endMs: 1_704_067_260_000 }), {
      startNs: 1_704_067_200_123_000_000n,
      endNs: 1_704_067_260_000_000_000n,
    });
  });
});
