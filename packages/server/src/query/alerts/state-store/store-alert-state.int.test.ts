import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AlertInstance, AlertTransition } from '@sightline/contract';
import { trustedSql } from '../../../storage/sql.ts';
import { openTempStore, type TempStore } from '../../../../test/support/temp-store.ts';
import type { ReadLimits } from '../../read-limits.ts';
import { readTransitions } from './alert-transitions.ts';
import { StoreAlertState } from './store-alert-state.ts';

const LIMITS: ReadLimits = { maxMemoryBytes: 1024 ** 3, maxExecutionSeconds: 30, maxRowsToRead: 0, maxResultRows: 10_000, defaultLimit: 100 };
/** Recent: transitions expire with the metrics (TTL), so old times would vanish in a merge. */
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3600_000;

function instance(ruleId: string, fingerprint: string, partial: Partial<AlertInstance> = {}): AlertInstance {
  return {
    ruleId,
    fingerprint,
    labels: { alertname: 'CPU high', host: `host-${fingerprint}`, note: 'quote " and\n\nnewlines' },
    state: 'firing',
    reason: 'threshold',
    severity: 'critical',
    value: 93.5,
    threshold: 90,
    activeSinceMs: T0,
    firedAtMs: T0 + 60_000,
    resolvedAtMs: 0,
    lastEvaluatedMs: T0 + 60_000,
    lastNotifiedMs: T0 + 60_000,
    silenced: false,
    ...partial,
  };
}

function transition(ruleId: string, atMs: number, partial: Partial<AlertTransition> = {}): AlertTransition {
  return {
    ruleId,
    fingerprint: 'f1',
    labels: { alertname: 'CPU high', host: 'a' },
    from: 'pending',
    to: 'firing',
    reason: 'threshold',
    severity: 'warning',
    value: 85.25,
    atMs,
    ...partial,
  };
}

describe('alert state store', () => {
  let temp: TempStore;
  let state: StoreAlertState;

  before(async () => {
    temp = await openTempStore();
    state = new StoreAlertState(temp.store, LIMITS);
  });

  after(async () => {
    await temp.dispose();
  });

  it('saves, replaces and deletes instances by rule and fingerprint', async () => {
    assert.deepEqual(await state.loadInstances(), []);
    const a = instance('r1', 'a');
    const b = instance('r1', 'b', { state: 'pending', severity: 'warning', firedAtMs: 0, lastNotifiedMs: 0 });
    const c = instance('r2', 'a', { value: null, reason: 'no_data' });
    await state.saveInstances([a, b, c]);
    assert.deepEqual(await state.loadInstances(), [a, b, c]);

    const bFiring = { ...b, state: 'firing' as const, firedAtMs: T0 + 120_000 };
    await state.saveInstances([bFiring, { ...a, state: 'resolved', resolvedAtMs: T0 }, { ...a, lastNotifiedMs: T0 + 999 }]);
    await state.deleteInstances([{ ruleId: 'r2', fingerprint: 'a' }]);
    assert.deepEqual(await state.loadInstances(), [{ ...a, lastNotifiedMs: T0 + 999 }, bFiring]);

    // A deleted key can come back.
    await state.saveInstances([c]);
    assert.deepEqual(
      (await state.loadInstances()).map((each) => [each.ruleId, each.fingerprint]),
      [
        ['r1', 'a'],
        ['r1', 'b'],
        ['r2', 'a'],
      ],
    );
  });

  it('skips rows that do not parse', async () => {
    await temp.store.command(trustedSql(`INSERT INTO alert_instances (rule_id, fingerprint, instance, version) VALUES ('r9', 'x', '{"state":"weird"}', 1)`));
    assert.equal((await state.loadInstances()).some((each) => each.ruleId === 'r9'), false);
  });

  it('appends transitions and reads them newest first, by range and rule', async () => {
    await state.appendTransitions([
      transition('t1', T0),
      transition('t1', T0 + 60_000, { from: 'firing', to: 'resolved', severity: null, value: null, reason: 'no_data' }),
      transition('t2', T0 + 30_000, { labels: { alertname: 'x', 'service.name': 'a\n\nb' } }),
    ]);
    await state.appendTransitions([]);
    const all = await readTransitions(temp.store, LIMITS, { startMs: T0, endMs: T0 + 120_000, limit: 10 });
    assert.deepEqual(all, [
      transition('t1', T0 + 60_000, { from: 'firing', to: 'resolved', severity: null, value: null, reason: 'no_data' }),
      transition('t2', T0 + 30_000, { labels: { alertname: 'x', 'service.name': 'a\n\nb' } }),
      transition('t1', T0),
    ]);
    const ofRule = await readTransitions(temp.store, LIMITS, { startMs: T0, endMs: T0 + 120_000, ruleId: 't1', limit: 10 });
    assert.deepEqual(
      ofRule.map((each) => each.atMs),
      [T0 + 60_000, T0],
    );
    assert.deepEqual(
      (await readTransitions(temp.store, LIMITS, { startMs: T0 + 1, endMs: T0 + 60_000, limit: 10 })).map((each) => each.ruleId),
      ['t2'],
    );
    assert.equal((await readTransitions(temp.store, LIMITS, { startMs: T0, endMs: T0 + 120_000, limit: 1 })).length, 1);
  });
});
