import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidTimeZone, nextDate, timeZoneChoices, zonedClock, zonedDate, zonedDateTimeValue, zonedParts, zonedToMs } from './zoned-time.ts';

const T = Date.UTC(2025, 10, 25, 23, 30); // Tue 2025-11-25 23:30 UTC

describe('zoned time', () => {
  it('reads wall-clock parts in a zone', () => {
    assert.deepEqual(zonedParts(T, 'UTC'), { year: 2025, month: 11, day: 25, hour: 23, minute: 30, weekday: 2 });
    assert.deepEqual(zonedParts(T, 'Europe/Berlin'), { year: 2025, month: 11, day: 26, hour: 0, minute: 30, weekday: 3 });
    assert.equal(zonedDate(T, 'America/New_York'), '2025-11-25');
    assert.equal(zonedClock(T, 'America/New_York'), '18:30');
    assert.equal(zonedDateTimeValue(T, 'Asia/Kolkata'), '2025-11-26T05:00');
  });

  it('turns wall-clock text in a zone into unix ms, across DST', () => {
    assert.equal(zonedToMs('2025-11-26T00:30', 'Europe/Berlin'), T);
    assert.equal(zonedToMs('2025-07-01T12:00', 'Europe/Berlin'), Date.UTC(2025, 6, 1, 10, 0), 'summer time is UTC+2');
    assert.equal(zonedToMs('2025-11-25', 'UTC'), Date.UTC(2025, 10, 25));
    assert.equal(zonedToMs('2025-03-30T03:30', 'Europe/Berlin'), Date.UTC(2025, 2, 30, 1, 30));
    assert.equal(zonedToMs('2025-02-30', 'UTC'), undefined);
    assert.equal(zonedToMs('yesterday', 'UTC'), undefined);
    assert.equal(zonedToMs('2025-01-01T24:00', 'UTC'), undefined);
  });

  it('steps dates and checks zones', () => {
    assert.equal(nextDate('2025-12-31'), '2026-01-01');
    assert.equal(nextDate('2024-02-28'), '2024-02-29');
    assert.equal(isValidTimeZone('Europe/Berlin'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
    assert.equal(isValidTimeZone(''), false);
    const zones = timeZoneChoices(['Etc/GMT+5']);
    assert.equal(zones[0], 'UTC');
    assert.ok(zones.includes('Europe/Berlin') && zones.includes('Etc/GMT+5'));
    assert.equal(new Set(zones).size, zones.length);
  });
});
