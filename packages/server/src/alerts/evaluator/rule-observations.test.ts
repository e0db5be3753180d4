import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertInstance, AlertRule, MetricPoint } from '@sightline/contract';
import { RULE_FINGERPRINT, groupFingerprint, instanceLabels } from './instance-key.ts';
import { evaluationPlan, isStale, observeGroups, observeSeries, STALE_RESOLVED_MS } from './rule-observations.ts';

const NOW = 1_700_000_000_000;
type RuleParts = Pick<AlertRule, 'name' | 'labels' | 'condition' | 'noData' | 'intervalSeconds'>;

function rule(noData: boolean, afterSeconds = 600): RuleParts {
  return {
    name: 'CPU high',
    labels: { team: 'ops', host: 'from-rule' },
    intervalSeconds: 60,
    condition: { comparison: 'above', match: 'last', windowSeconds: 300, thresholds: [{ severity: 'warning', value: 80 }] },
    noData: { enabled: noData, afterSeconds, severity: 'critical' },
  };
}

const at = (secondsAgo: number, v: number): MetricPoint => ({ t: NOW - secondsAgo * 1000, v });

function instance(fingerprint: string, state: AlertInstance['state'], resolvedAtMs = 0): AlertInstance {
  return {
    ruleId: 'r',
    fingerprint,
    labels: { alertname: 'old name', host: 'gone' },
    state,
    reason: 'threshold',
    severity: null,
    value: null,
    threshold: null,
    activeSinceMs: 0,
    firedAtMs: 0,
    resolvedAtMs,
    lastEvaluatedMs: 0,
    lastNotifiedMs: 0,
    silenced: false,
  };
}

describe('rule observations', () => {
  it('plans min(60 s, interval) steps over the window or the no-data period, plus a step', () => {
    assert.deepEqual(evaluationPlan(rule(false), NOW), { startMs: NOW - 360_000, endMs: NOW, stepSeconds: 60 });
    assert.deepEqual(evaluationPlan({ ...rule(true, 900), intervalSeconds: 15 }, NOW), { startMs: NOW - 915_000, endMs: NOW, stepSeconds: 15 });
    assert.equal(evaluationPlan({ ...rule(false), intervalSeconds: 3600 }, NOW).stepSeconds, 60);
  });

  it('keys instances by group labels; group labels win over rule labels; alertname is the rule name', () => {
    assert.equal(groupFingerprint({ a: '1', b: '2' }), groupFingerprint({ b: '2', a: '1' }));
    assert.notEqual(groupFingerprint({ a: '1' }), groupFingerprint({ a: '2' }));
    assert.match(RULE_FINGERPRINT, /^[0-9a-f]{16}$/);
    assert.deepEqual(instanceLabels({ name: 'CPU high', labels: { team: 'ops', host: 'x', alertname: 'y' } }, { host: 'web-1' }), {
      team: 'ops',
      host: 'web-1',
      alertname: 'CPU high',
    });
  });

  it('judges a group, detects no data, and waits in between', () => {
    assert.deepEqual(observeSeries(rule(false), [at(120, 90)], NOW, 60), { kind: 'data', value: 90, breached: { severity: 'warning', value: 80 } });
    assert.deepEqual(observeSeries(rule(false), [at(1000, 90)], NOW, 60), { kind: 'data', value: null, breached: null });
    assert.deepEqual(observeSeries(rule(true), [at(1000, 90)], NOW, 60), { kind: 'no_data', severity: 'critical' });
    assert.deepEqual(observeSeries(rule(true), [at(420, 90)], NOW, 60), { kind: 'waiting' });
    // A step overlapping the no-data period counts as data.
    assert.deepEqual(observeSeries(rule(true), [at(630, 90)], NOW, 60), { kind: 'waiting' });
  });

  it('observes returned groups and known instances whose groups are gone', () => {
    const present = { labels: { host: 'a' }, points: [at(60, 95)] };
    const gone = instance(groupFingerprint({ host: 'gone' }), 'firing');
    const observations = observeGroups(rule(false), { stepSeconds: 60, series: [present] }, [gone], NOW);
    assert.deepEqual(
      observations.map((each) => [each.labels, each.observation.kind, each.present]),
      [
        [{ team: 'ops', host: 'a', alertname: 'CPU high' }, 'data', true],
        [{ alertname: 'CPU high', host: 'gone' }, 'data', false],
      ],
    );
    assert.deepEqual(observations[1]?.observation, { kind: 'data', value: null, breached: null });
    const withNoData = observeGroups(rule(true), { stepSeconds: 60, series: [present] }, [gone], NOW);
    assert.deepEqual(withNoData[1]?.observation, { kind: 'no_data', severity: 'critical' });
  });

  it('fires the whole rule as no data when nothing is returned and nothing is known, and resolves it when groups return', () => {
    const [whole] = observeGroups(rule(true), { stepSeconds: 60, series: [] }, [], NOW);
    assert.deepEqual(whole, {
      fingerprint: RULE_FINGERPRINT,
      labels: { team: 'ops', host: 'from-rule', alertname: 'CPU high' },
      observation: { kind: 'no_data', severity: 'critical' },
      present: false,
    });
    assert.deepEqual(observeGroups(rule(false), { stepSeconds: 60, series: [] }, [], NOW), []);
    const back = observeGroups(rule(true), { stepSeconds: 60, series: [{ labels: { host: 'a' }, points: [at(60, 1)] }] }, [instance(RULE_FINGERPRINT, 'firing')], NOW);
    assert.deepEqual(back[1]?.observation, { kind: 'data', value: null, breached: null });
  });

  it('forgets inactive instances without data at once, resolved ones a day after resolving', () => {
    assert.equal(isStale(instance('f', 'inactive'), true, NOW), false);
    assert.equal(isStale(instance('f', 'inactive'), false, NOW), true);
    assert.equal(isStale(instance('f', 'resolved', NOW - 1000), false, NOW), false);
    assert.equal(isStale(instance('f', 'resolved', NOW - STALE_RESOLVED_MS), false, NOW), true);
    assert.equal(isStale(instance('f', 'firing'), false, NOW), false);
  });
});
