import type { Silence } from '@sightline/contract';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matcherText, ruleLabel, silencesSummary, sortSilences } from './silence-view.ts';

function silence(id: string, status: Silence['status'], schedule: Silence['definition']['schedule'], nextStartMs: number | null = null): Silence {
  return {
    id,
    status,
    active: status === 'active',
    nextStartMs,
    updatedMs: 0,
    definition: { comment: '', createdBy: '', ruleId: 'r', matchers: [], schedule },
  };
}
const once = (startsAtMs: number, endsAtMs: number) => ({ kind: 'once' as const, startsAtMs, endsAtMs });
const daily = { kind: 'recurring' as const, timezone: 'UTC', weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: '02:00', endTime: '04:00' };

describe('silences list', () => {
  it('puts active first, then scheduled soonest first, then expired newest first', () => {
    const rows = [
      silence('old', 'expired', once(1, 2)),
      silence('later', 'scheduled', once(500, 600)),
      silence('recent', 'expired', once(3, 4)),
      silence('daily', 'scheduled', daily, 300),
      silence('now', 'active', once(10, 1000)),
    ];
    assert.deepEqual(
      sortSilences(rows).map((s) => s.id),
      ['now', 'daily', 'later', 'recent', 'old'],
    );
    assert.equal(silencesSummary(rows), '5 silences · 1 active · 2 scheduled');
    assert.equal(silencesSummary([rows[0]!]), '1 silence');
  });

  it('writes matchers and rule names', () => {
    assert.equal(matcherText({ label: 'env', op: 'not_regex', value: 'dev.*' }), 'env !~ "dev.*"');
    const names = new Map([['r1', 'High error rate']]);
    assert.equal(ruleLabel('r1', names), 'High error rate');
    assert.equal(ruleLabel('r2', names), 'deleted rule (r2)');
    assert.equal(ruleLabel('r2', undefined), 'rule r2');
  });
});
