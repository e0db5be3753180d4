import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCodes, isAppError } from '../../../errors.ts';
import { labelsOf, MAX_RULE_POINTS, seriesFromSteps, type GroupStepValue } from './series-points.ts';
import { planRuleSteps } from './step-plan.ts';

const S = 1_000_000_000n;
const START_S = 1_704_067_200;
/** Four steps of 60 s from START_S. */
const plan = planRuleSteps({ startNs: BigInt(START_S) * S, endNs: BigInt(START_S + 240) * S }, 60);
const t = (step: number) => (START_S + step * 60) * 1000;

describe('labelsOf', () => {
  it('pairs group-by keys with values and leaves out empty values', () => {
    assert.deepEqual(labelsOf(['service', 'severity', 'resource.host.name'], ['api', '', 'vm-1']), { service: 'api', 'resource.host.name': 'vm-1' });
    assert.deepEqual(labelsOf([], []), {});
  });
});

describe('seriesFromSteps', () => {
  const values: GroupStepValue[] = [
    { groupValues: ['a'], step: 2, value: 5 },
    { groupValues: ['a'], step: 0, value: 1.5 },
    { groupValues: ['b'], step: 1, value: null },
    { groupValues: ['b'], step: 3, value: Number.NaN },
    { groupValues: ['c'], step: 3, value: 7 },
    { groupValues: ['c'], step: 4, value: 9 },
    { groupValues: ['c'], step: -1, value: 9 },
  ];

  it('without fill: points only where a finite value exists, in step order; groups without any left out', () => {
    assert.deepEqual(seriesFromSteps(values, ['service'], plan), [
      { labels: { service: 'a' }, points: [{ t: t(0), v: 1.5 }, { t: t(2), v: 5 }] },
      { labels: { service: 'c' }, points: [{ t: t(3), v: 7 }] },
    ]);
  });

  it('with fill: every step of the plan for each group that has a value somewhere', () => {
    assert.deepEqual(seriesFromSteps(values, ['service'], plan, 0), [
      { labels: { service: 'a' }, points: [{ t: t(0), v: 1.5 }, { t: t(1), v: 0 }, { t: t(2), v: 5 }, { t: t(3), v: 0 }] },
      { labels: { service: 'c' }, points: [{ t: t(0), v: 0 }, { t: t(1), v: 0 }, { t: t(2), v: 0 }, { t: t(3), v: 7 }] },
    ]);
  });

  it('returns no series when nothing matched, even with fill', () => {
    assert.deepEqual(seriesFromSteps([], [], plan, 0), []);
  });

  it('gives one series with empty labels without group-by', () => {
    assert.deepEqual(seriesFromSteps([{ groupValues: [], step: 1, value: 3 }], [], plan), [{ labels: {}, points: [{ t: t(1), v: 3 }] }]);
  });

  it('fails with QUERY_TOO_MUCH_DATA past the point budget, zero-filled points included', () => {
    const wide = planRuleSteps({ startNs: BigInt(START_S) * S, endNs: BigInt(START_S + 1000 * 60) * S }, 60);
    const groups = Math.floor(MAX_RULE_POINTS / 1000) + 1;
    const sparse = Array.from({ length: groups }, (_, index) => ({ groupValues: [String(index)], step: 0, value: 1 }));
    assert.equal(seriesFromSteps(sparse, ['k'], wide).length, groups, 'sparse points fit without fill');
    assert.throws(
      () => seriesFromSteps(sparse, ['k'], wide, 0),
      (error: unknown) => isAppError(error) && error.code === ErrorCodes.QUERY_TOO_MUCH_DATA,
    );
  });
});
