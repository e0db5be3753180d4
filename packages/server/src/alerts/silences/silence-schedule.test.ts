import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SilenceSchedule } from '@sightline/contract';
import { activeWindow, nextWindowStart, silenceActiveAt, silenceStatus } from './silence-schedule.ts';

const utc = (text: string): number => Date.parse(text);

function recurring(partial: Partial<Extract<SilenceSchedule, { kind: 'recurring' }>>): { schedule: SilenceSchedule } {
  return { schedule: { kind: 'recurring', timezone: 'UTC', weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: '02:00', endTime: '04:00', ...partial } };
}

describe('silence schedules', () => {
  it('mutes a one-off window [start, end)', () => {
    const once = { schedule: { kind: 'once' as const, startsAtMs: 1000, endsAtMs: 2000 } };
    assert.deepEqual(
      [999, 1000, 1999, 2000].map((now) => silenceActiveAt(once, now)),
      [false, true, true, false],
    );
    assert.deepEqual([silenceStatus(once, 500), silenceStatus(once, 1500), silenceStatus(once, 2000)], ['scheduled', 'active', 'expired']);
    assert.deepEqual([nextWindowStart(once, 500), nextWindowStart(once, 1500)], [1000, null]);
  });

  it('follows Europe/Berlin 02:00–04:00 every day across the March DST change', () => {
    const nightly = recurring({ timezone: 'Europe/Berlin' });
    // 29 March (CET, +1): 01:00–03:00 UTC.
    assert.deepEqual(activeWindow(nightly, utc('2025-03-29T02:00:00Z')), { startMs: utc('2025-03-29T01:00:00Z'), endMs: utc('2025-03-29T03:00:00Z') });
    // 30 March: 02:00 CET is 03:00 CEST, so the window is 01:00–02:00 UTC (one hour long).
    assert.equal(silenceActiveAt(nightly, utc('2025-03-30T00:59:00Z')), false);
    assert.deepEqual(activeWindow(nightly, utc('2025-03-30T01:30:00Z')), { startMs: utc('2025-03-30T01:00:00Z'), endMs: utc('2025-03-30T02:00:00Z') });
    assert.equal(silenceActiveAt(nightly, utc('2025-03-30T02:00:00Z')), false);
    // 31 March (CEST, +2): 00:00–02:00 UTC.
    assert.equal(silenceActiveAt(nightly, utc('2025-03-31T00:00:00Z')), true);
    assert.equal(silenceActiveAt(nightly, utc('2025-03-31T02:30:00Z')), false);
    assert.equal(nextWindowStart(nightly, utc('2025-03-29T12:00:00Z')), utc('2025-03-30T01:00:00Z'));
    assert.equal(nextWindowStart(nightly, utc('2025-03-30T12:00:00Z')), utc('2025-03-31T00:00:00Z'));
  });

  it('lasts three hours on the night DST ends', () => {
    const nightly = recurring({ timezone: 'Europe/Berlin' });
    assert.deepEqual(activeWindow(nightly, utc('2025-10-26T02:30:00Z')), { startMs: utc('2025-10-26T00:00:00Z'), endMs: utc('2025-10-26T03:00:00Z') });
  });

  it('crosses midnight from the listed weekday', () => {
    // Fridays 22:00 to Saturday 02:00 in New York (EDT, −4 in June). 13 June 2025 is a Friday.
    const friday = recurring({ timezone: 'America/New_York', weekdays: [5], startTime: '22:00', endTime: '02:00' });
    assert.equal(silenceActiveAt(friday, utc('2025-06-14T01:59:00Z')), false);
    assert.equal(silenceActiveAt(friday, utc('2025-06-14T02:00:00Z')), true);
    assert.equal(silenceActiveAt(friday, utc('2025-06-14T05:59:00Z')), true);
    assert.equal(silenceActiveAt(friday, utc('2025-06-14T06:00:00Z')), false);
    // Saturday night is not listed.
    assert.equal(silenceActiveAt(friday, utc('2025-06-15T03:00:00Z')), false);
    assert.equal(nextWindowStart(friday, utc('2025-06-14T03:00:00Z')), utc('2025-06-21T02:00:00Z'));
    assert.equal(silenceStatus(friday, utc('2025-06-15T03:00:00Z')), 'scheduled');
  });

  it('treats equal start and end as the whole day', () => {
    const allDay = recurring({ weekdays: [1], startTime: '00:00', endTime: '00:00' });
    // 16 June 2025 is a Monday.
    assert.equal(silenceActiveAt(allDay, utc('2025-06-16T00:00:00Z')), true);
    assert.equal(silenceActiveAt(allDay, utc('2025-06-16T23:59:59Z')), true);
    assert.equal(silenceActiveAt(allDay, utc('2025-06-17T00:00:00Z')), false);
  });

  it('keeps to fromMs and untilMs', () => {
    const bounded = recurring({ fromMs: utc('2025-06-16T03:00:00Z'), untilMs: utc('2025-06-18T03:00:00Z') });
    assert.equal(silenceActiveAt(bounded, utc('2025-06-16T02:30:00Z')), false);
    assert.equal(silenceActiveAt(bounded, utc('2025-06-16T03:30:00Z')), true);
    assert.equal(silenceActiveAt(bounded, utc('2025-06-18T02:30:00Z')), true);
    assert.equal(silenceActiveAt(bounded, utc('2025-06-18T03:00:00Z')), false);
    assert.equal(nextWindowStart(bounded, utc('2025-06-10T00:00:00Z')), utc('2025-06-16T03:00:00Z'));
    assert.equal(silenceStatus(bounded, utc('2025-06-10T00:00:00Z')), 'scheduled');
    assert.equal(nextWindowStart(bounded, utc('2025-06-17T12:00:00Z')), utc('2025-06-18T02:00:00Z'));
    assert.equal(nextWindowStart(bounded, utc('2025-06-18T02:30:00Z')), null);
    assert.equal(silenceStatus(bounded, utc('2025-06-18T04:00:00Z')), 'expired');
  });
});
