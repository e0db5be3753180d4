import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertInstance, AlertRule } from '@sightline/contract';
import { firingDue, resolvedDue, type EvaluatedInstance } from './notify-selection.ts';

const NOW = 1_700_000_000_000;
const HOUR = 3600_000;
const RULE: Pick<AlertRule, 'notify'> = { notify: { channels: ['c'], repeatIntervalSeconds: 3600, sendResolved: true } };

function firing(partial: Partial<AlertInstance> = {}): AlertInstance {
  return {
    ruleId: 'r',
    fingerprint: 'f',
    labels: {},
    state: 'firing',
    reason: 'threshold',
    severity: 'warning',
    value: 1,
    threshold: 0,
    activeSinceMs: NOW - 2 * HOUR,
    firedAtMs: NOW - 2 * HOUR,
    resolvedAtMs: 0,
    lastEvaluatedMs: NOW,
    lastNotifiedMs: NOW - 10 * 60_000,
    silenced: false,
    ...partial,
  };
}

function evaluated(instance: AlertInstance, extra: Partial<EvaluatedInstance> = {}): EvaluatedInstance {
  return { previous: { ...instance, lastEvaluatedMs: NOW - 60_000 }, instance, transition: undefined, severityChanged: false, ...extra };
}

const transition = (to: AlertInstance['state']) => ({
  ruleId: 'r',
  fingerprint: 'f',
  labels: {},
  from: 'pending' as const,
  to,
  reason: 'threshold' as const,
  severity: 'warning' as const,
  value: 1,
  atMs: NOW,
});

describe('what to notify', () => {
  it('tells a firing alert once, then after the repeat interval', () => {
    assert.equal(firingDue(RULE, evaluated(firing()), NOW), false);
    assert.equal(firingDue(RULE, evaluated(firing({ firedAtMs: NOW, lastNotifiedMs: 0 }), { transition: transition('firing') }), NOW), true);
    assert.equal(firingDue(RULE, evaluated(firing({ lastNotifiedMs: NOW - HOUR })), NOW), true);
    assert.equal(firingDue(RULE, evaluated(firing(), { severityChanged: true }), NOW), true);
  });

  it('holds back muted alerts and tells them when the silence ends', () => {
    assert.equal(firingDue(RULE, evaluated(firing({ firedAtMs: NOW, lastNotifiedMs: 0, silenced: true }), { transition: transition('firing') }), NOW), false);
    const stillFiring = firing();
    assert.equal(firingDue(RULE, { ...evaluated(stillFiring), previous: { ...stillFiring, silenced: true } }, NOW), true);
    // Fired while muted, never told: due as soon as it is not muted.
    assert.equal(firingDue(RULE, evaluated(firing({ lastNotifiedMs: NOW - 3 * HOUR })), NOW), true);
  });

  it('tells a resolution once, only for alerts whose firing was told', () => {
    const resolved = firing({ state: 'resolved', resolvedAtMs: NOW });
    assert.equal(resolvedDue(RULE, evaluated(resolved, { transition: transition('resolved') })), true);
    assert.equal(resolvedDue(RULE, evaluated(resolved)), false);
    assert.equal(resolvedDue(RULE, evaluated({ ...resolved, lastNotifiedMs: 0 }, { transition: transition('resolved') })), false);
    assert.equal(resolvedDue(RULE, evaluated({ ...resolved, silenced: true }, { transition: transition('resolved') })), false);
    assert.equal(resolvedDue({ notify: { ...RULE.notify, sendResolved: false } }, evaluated(resolved, { transition: transition('resolved') })), false);
  });
});
