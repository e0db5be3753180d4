import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertInstance, AlertThreshold } from '@sightline/contract';
import { advanceInstance, persistedChange, type AdvanceResult, type Observation } from './instance-state.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const WARNING: AlertThreshold = { severity: 'warning', value: 80 };
const CRITICAL: AlertThreshold = { severity: 'critical', value: 90 };

const breach = (value: number, threshold: AlertThreshold): Observation => ({ kind: 'data', value, breached: threshold });
const clear = (value: number | null): Observation => ({ kind: 'data', value, breached: null });

function step(previous: AlertInstance | undefined, observation: Observation, nowMs: number, forSeconds = 120): AdvanceResult {
  return advanceInstance({ previous, ruleId: 'r1', fingerprint: 'f1', labels: { alertname: 'CPU', host: 'a' }, observation, forSeconds, nowMs });
}

/** Runs observations one minute apart from T0; returns every result. */
function run(observations: readonly Observation[], forSeconds = 120): AdvanceResult[] {
  const results: AdvanceResult[] = [];
  let previous: AlertInstance | undefined;
  observations.forEach((observation, index) => {
    const result = step(previous, observation, T0 + index * MIN, forSeconds);
    results.push(result);
    previous = result.instance;
  });
  return results;
}

const states = (results: readonly AdvanceResult[]) => results.map((result) => result.instance.state);

describe('instance state machine', () => {
  it('starts inactive without a transition when the condition holds no breach', () => {
    const [first] = run([clear(5)]);
    assert.equal(first?.instance.state, 'inactive');
    assert.equal(first?.transition, undefined);
    assert.equal(first?.instance.value, 5);
  });

  it('goes pending, then fires once the breach lasted forSeconds, then resolves', () => {
    const results = run([breach(85, WARNING), breach(86, WARNING), breach(87, WARNING), clear(10)]);
    assert.deepEqual(states(results), ['pending', 'pending', 'firing', 'resolved']);
    const [pending, , firing, resolved] = results as [AdvanceResult, AdvanceResult, AdvanceResult, AdvanceResult];
    assert.deepEqual(pending.transition, {
      ruleId: 'r1',
      fingerprint: 'f1',
      labels: { alertname: 'CPU', host: 'a' },
      from: 'inactive',
      to: 'pending',
      reason: 'threshold',
      severity: 'warning',
      value: 85,
      atMs: T0,
    });
    assert.equal(firing.instance.activeSinceMs, T0);
    assert.equal(firing.instance.firedAtMs, T0 + 2 * MIN);
    assert.deepEqual([firing.transition?.from, firing.transition?.to], ['pending', 'firing']);
    assert.equal(resolved.instance.resolvedAtMs, T0 + 3 * MIN);
    assert.deepEqual([resolved.transition?.from, resolved.transition?.to, resolved.transition?.severity], ['firing', 'resolved', 'warning']);
  });

  it('fires at once when forSeconds is 0, and goes pending again from resolved', () => {
    const results = run([breach(85, WARNING), clear(1), breach(85, WARNING)], 0);
    assert.deepEqual(states(results), ['firing', 'resolved', 'firing']);
    assert.deepEqual([results[2]?.transition?.from, results[2]?.transition?.to], ['resolved', 'firing']);
    assert.equal(results[2]?.instance.resolvedAtMs, 0);
    assert.deepEqual(states(run([breach(85, WARNING), clear(1), breach(85, WARNING)], 60)), ['pending', 'inactive', 'pending']);
  });

  it('returns to inactive when a pending breach clears before forSeconds', () => {
    const results = run([breach(85, WARNING), clear(1)]);
    assert.deepEqual(states(results), ['pending', 'inactive']);
    assert.equal(results[1]?.instance.activeSinceMs, 0);
    assert.equal(results[1]?.instance.severity, null);
  });

  it('follows severity changes while firing and flags them', () => {
    const results = run([breach(85, WARNING), breach(95, CRITICAL), breach(96, CRITICAL), breach(85, WARNING)], 0);
    assert.deepEqual(states(results), ['firing', 'firing', 'firing', 'firing']);
    assert.deepEqual(
      results.map((result) => [result.instance.severity, result.severityChanged, result.transition?.to]),
      [
        ['warning', false, 'firing'],
        ['critical', true, undefined],
        ['critical', false, undefined],
        ['warning', true, undefined],
      ],
    );
    assert.equal(results[1]?.instance.threshold, 90);
  });

  it('fires as no data at once and resolves when data comes back', () => {
    const noData: Observation = { kind: 'no_data', severity: 'critical' };
    const results = run([clear(5), noData, noData, breach(85, WARNING), breach(85, WARNING)], 0);
    assert.deepEqual(states(results), ['inactive', 'firing', 'firing', 'resolved', 'firing']);
    assert.deepEqual([results[1]?.instance.reason, results[1]?.instance.severity, results[1]?.instance.value], ['no_data', 'critical', null]);
    assert.deepEqual([results[3]?.transition?.reason, results[3]?.transition?.to], ['no_data', 'resolved']);
    assert.equal(results[4]?.instance.reason, 'threshold');
  });

  it('turns a firing threshold alert into a no-data one (same episode)', () => {
    const results = run([breach(85, WARNING), { kind: 'no_data', severity: 'warning' }], 0);
    assert.deepEqual(states(results), ['firing', 'firing']);
    assert.equal(results[1]?.transition, undefined);
    assert.equal(results[1]?.instance.reason, 'no_data');
    assert.equal(results[1]?.instance.firedAtMs, T0);
  });

  it('holds its state while waiting for the no-data period', () => {
    const results = run([breach(85, WARNING), { kind: 'waiting' }, { kind: 'waiting' }], 0);
    assert.deepEqual(states(results), ['firing', 'firing', 'firing']);
    assert.equal(results[2]?.instance.lastEvaluatedMs, T0 + 2 * MIN);
    assert.equal(results[2]?.transition, undefined);
  });

  it('persists changes of state, not of value or evaluation time', () => {
    const [first, second, third] = run([breach(85, WARNING), breach(86, WARNING), breach(87, WARNING)], 300);
    assert.equal(persistedChange(undefined, first!.instance), true);
    assert.equal(persistedChange(first!.instance, second!.instance), false);
    assert.equal(persistedChange(second!.instance, { ...third!.instance, silenced: true }), true);
    assert.equal(persistedChange(second!.instance, { ...second!.instance, labels: { alertname: 'CPU', host: 'b' } }), true);
  });
});
