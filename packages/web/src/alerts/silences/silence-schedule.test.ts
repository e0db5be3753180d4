import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayWord, describeNextStart, describeOnce, describeRecurring, describeWeekdays } from './silence-schedule.ts';

const NOW = Date.UTC(2025, 10, 25, 10, 0); // Tue 2025-11-25 10:00 UTC
const at = (day: number, hour: number, minute = 0): number => Date.UTC(2025, 10, day, hour, minute);

describe('describeWeekdays', () => {
  it('names days Monday first, runs as ranges', () => {
    assert.equal(describeWeekdays([0, 1, 2, 3, 4, 5, 6]), 'day');
    assert.equal(describeWeekdays([1, 2, 3, 4, 5]), 'Mon–Fri');
    assert.equal(describeWeekdays([6, 0]), 'Sat, Sun');
    assert.equal(describeWeekdays([5, 1, 3, 4]), 'Mon, Wed–Fri');
    assert.equal(describeWeekdays([5, 6, 0]), 'Fri–Sun');
    assert.equal(describeWeekdays([2]), 'Tue');
  });
});

describe('one-off windows', () => {
  const once = (startsAtMs: number, endsAtMs: number) => ({ kind: 'once' as const, startsAtMs, endsAtMs });

  it('says until when a running one lasts', () => {
    assert.equal(describeOnce(once(at(25, 9), at(25, 14, 30)), NOW, 'UTC'), 'until 14:30 today');
    assert.equal(describeOnce(once(at(25, 9), at(26, 2)), NOW, 'UTC'), 'until 02:00 tomorrow');
    assert.equal(describeOnce(once(at(25, 9), at(30, 2)), NOW, 'UTC'), 'until 2025-11-30 02:00');
    assert.equal(describeOnce(once(at(25, 9), at(25, 14, 30)), NOW, 'Europe/Berlin'), 'until 15:30 today', 'in the viewer’s zone');
  });

  it('gives a planned window’s start and end', () => {
    assert.equal(describeOnce(once(at(25, 16), at(25, 18)), NOW, 'UTC'), 'today 16:00–18:00');
    assert.equal(describeOnce(once(at(26, 22), at(27, 2)), NOW, 'UTC'), 'tomorrow 22:00 – 2025-11-27 02:00');
  });

  it('says when an ended one ended', () => {
    assert.equal(describeOnce(once(at(24, 1), at(24, 3)), NOW, 'UTC'), 'ended yesterday 03:00');
    assert.equal(describeOnce(once(at(20, 1), at(20, 3)), NOW, 'UTC'), 'ended 2025-11-20 03:00');
  });

  it('tells days apart in the zone, not in UTC', () => {
    assert.equal(dayWord(at(25, 23, 30), NOW, 'UTC'), 'today');
    assert.equal(dayWord(at(25, 23, 30), NOW, 'Europe/Berlin'), 'tomorrow');
  });
});

describe('recurring windows', () => {
  it('reads like a sentence, in the silence’s own zone', () => {
    assert.equal(
      describeRecurring({ kind: 'recurring', timezone: 'Europe/Berlin', weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: '02:00', endTime: '04:00' }),
      'every day 02:00–04:00 Europe/Berlin',
    );
    assert.equal(
      describeRecurring({ kind: 'recurring', timezone: 'UTC', weekdays: [5], startTime: '22:00', endTime: '02:00' }),
      'every Fri 22:00–02:00 (overnight) UTC',
    );
  });

  it('adds the first and last day (the end bound is exclusive)', () => {
    assert.equal(
      describeRecurring({
        kind: 'recurring',
        timezone: 'Europe/Berlin',
        weekdays: [1, 2, 3, 4, 5],
        startTime: '08:00',
        endTime: '09:00',
        fromMs: Date.UTC(2025, 11, 1) - 3_600_000,
        untilMs: Date.UTC(2026, 0, 1) - 3_600_000,
      }),
      'every Mon–Fri 08:00–09:00 Europe/Berlin, from 2025-12-01 until 2025-12-31',
    );
  });

  it('says when the next window starts', () => {
    assert.equal(describeNextStart(at(26, 2), NOW, 'UTC'), 'next: tomorrow 02:00');
    assert.equal(describeNextStart(null, NOW, 'UTC'), undefined);
  });
});
