// Tests of the shared `packages/contract/src/zoned-time.ts` (the contract package has no test runner of its own).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  isKnownTimeZone,
  isValidTimeZone,
  localDay,
  nextDate,
  offsetMs,
  timeZoneChoices,
  wallClockToUnixMs,
  weekdayOf,
  zonedClock,
  zonedDate,
  zonedDateTimeValue,
  zonedInstant,
  zonedParts,
  zonedToMs,
} from '@sightline/contract';

const utc = (text: string): number => Date.parse(text);
const HOUR = 3600_000;
const wall = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });
const T = Date.UTC(2025, 10, 25, 23, 30); // Tue 2025-11-25 23:30 UTC

/** Every way in: the same wall clock through `wallClockToUnixMs`, `zonedInstant` and `zonedToMs`. */
function instants(zone: string, date: string, clock: string): number[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return [
    wallClockToUnixMs(wall(year, month, day, hour, minute), zone),
    zonedInstant({ year, month, day }, hour * 60 + minute, zone),
    zonedToMs(`${date}T${clock}`, zone) ?? Number.NaN,
  ];
}

describe('zoned time: reading an instant', () => {
  it('reads offsets and local days in a zone', () => {
    assert.equal(offsetMs(utc('2025-01-15T12:00:00Z'), 'Europe/Berlin'), HOUR);
    assert.equal(offsetMs(utc('2025-07-15T12:00:00Z'), 'Europe/Berlin'), 2 * HOUR);
    assert.equal(offsetMs(utc('2025-07-15T12:00:00Z'), 'America/New_York'), -4 * HOUR);
    assert.equal(offsetMs(utc('2025-07-15T12:00:00Z'), 'Asia/Kolkata'), 5.5 * HOUR);
    assert.deepEqual(localDay(utc('2025-03-29T23:30:00Z'), 'Europe/Berlin'), { year: 2025, month: 3, day: 30 });
    assert.deepEqual(localDay(utc('2025-03-29T23:30:00Z'), 'America/New_York'), { year: 2025, month: 3, day: 29 });
  });

  it('reads wall-clock parts and text in a zone', () => {
    assert.deepEqual(zonedParts(T + 7_500, 'UTC'), { year: 2025, month: 11, day: 25, hour: 23, minute: 30, second: 7, weekday: 2 });
    assert.deepEqual(zonedParts(T, 'Europe/Berlin'), { year: 2025, month: 11, day: 26, hour: 0, minute: 30, second: 0, weekday: 3 });
    assert.equal(zonedDate(T, 'America/New_York'), '2025-11-25');
    assert.equal(zonedClock(T, 'America/New_York'), '18:30');
    assert.equal(zonedDateTimeValue(T, 'Asia/Kolkata'), '2025-11-26T05:00');
  });
});

describe('zoned time: the instant of a wall clock', () => {
  it('reads times on either side of a daylight-saving change with the offset in force', () => {
    // Europe/Berlin moved from +01:00 to +02:00 at 2024-03-31 01:00 UTC.
    assert.equal(wallClockToUnixMs(wall(2024, 3, 31, 1, 30), 'Europe/Berlin'), Date.UTC(2024, 2, 31, 0, 30));
    assert.equal(wallClockToUnixMs(wall(2024, 3, 31, 3, 30), 'Europe/Berlin'), Date.UTC(2024, 2, 31, 1, 30));
    assert.equal(wallClockToUnixMs(wall(2024, 7, 1, 12, 0, 59), 'America/New_York'), Date.UTC(2024, 6, 1, 16, 0, 59));
    assert.equal(wallClockToUnixMs(wall(2024, 7, 1, 12), 'Asia/Kolkata'), Date.UTC(2024, 6, 1, 6, 30));
    assert.equal(wallClockToUnixMs(wall(2024, 7, 1, 12), 'UTC'), Date.UTC(2024, 6, 1, 12));
    assert.equal(zonedInstant({ year: 2025, month: 3, day: 30 }, 240, 'Europe/Berlin'), utc('2025-03-30T02:00:00Z'));
    assert.equal(zonedToMs('2025-11-26T00:30', 'Europe/Berlin'), T);
    assert.equal(zonedToMs('2025-07-01T12:00', 'Europe/Berlin'), Date.UTC(2025, 6, 1, 10, 0), 'summer time is UTC+2');
    assert.equal(zonedToMs('2025-11-25', 'UTC'), Date.UTC(2025, 10, 25));
    assert.equal(zonedToMs('0050-06-01T12:00', 'UTC'), utc('0050-06-01T12:00:00Z'), 'years below 100 are not 19xx');
  });

  it('moves a time skipped by a DST change forward by the gap, east and west of UTC', () => {
    // Berlin, 2025-03-30: 02:00 CET is 03:00 CEST (01:00 UTC). 02:00 is the jump itself, 02:30 is 03:30 CEST.
    assert.deepEqual(instants('Europe/Berlin', '2025-03-30', '02:00'), Array(3).fill(utc('2025-03-30T01:00:00Z')));
    assert.deepEqual(instants('Europe/Berlin', '2025-03-30', '02:30'), Array(3).fill(utc('2025-03-30T01:30:00Z')));
    // New York, 2024-03-10: 02:00 EST is 03:00 EDT (07:00 UTC); 02:30 is 03:30 EDT.
    assert.deepEqual(instants('America/New_York', '2024-03-10', '02:30'), Array(3).fill(utc('2024-03-10T07:30:00Z')));
    // Lord Howe Island moves by half an hour: 02:00 +10:30 is 02:30 +11:00; 02:15 is 02:45 +11:00.
    assert.deepEqual(instants('Australia/Lord_Howe', '2024-10-06', '02:15'), Array(3).fill(utc('2024-10-05T15:45:00Z')));
    // Santiago skips midnight (00:00 −04 is 01:00 −03): the day starts at 01:00, not on the evening before.
    assert.equal(zonedToMs('2024-09-08', 'America/Santiago'), utc('2024-09-08T04:00:00Z'));
  });

  it('takes the first occurrence of a time a DST change repeats, east and west of UTC', () => {
    // Berlin, 2025-10-26: 02:30 happens at 00:30 UTC (CEST) and at 01:30 UTC (CET).
    assert.deepEqual(instants('Europe/Berlin', '2025-10-26', '02:30'), Array(3).fill(utc('2025-10-26T00:30:00Z')));
    // New York, 2024-11-03: 01:30 happens at 05:30 UTC (EDT) and at 06:30 UTC (EST).
    assert.deepEqual(instants('America/New_York', '2024-11-03', '01:30'), Array(3).fill(utc('2024-11-03T05:30:00Z')));
    // Lord Howe, 2024-04-07: 01:45 happens at 14:45 UTC (+11:00) and at 15:15 UTC (+10:30).
    assert.deepEqual(instants('Australia/Lord_Howe', '2024-04-07', '01:45'), Array(3).fill(utc('2024-04-06T14:45:00Z')));
  });

  it("reads 'local' as the runtime's zone, the same way as that zone's name", () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      for (const [day, hour, minute] of [
        [31, 1, 30],
        [31, 2, 30],
        [31, 3, 30],
      ] as const) {
        assert.equal(wallClockToUnixMs(wall(2024, 3, day, hour, minute), 'local'), wallClockToUnixMs(wall(2024, 3, day, hour, minute), 'Europe/Berlin'));
      }
      assert.equal(wallClockToUnixMs(wall(2024, 10, 27, 2, 30), 'local'), utc('2024-10-27T00:30:00Z'));
      assert.equal(wallClockToUnixMs(wall(2024, 10, 27, 2, 30), 'Europe/Berlin'), utc('2024-10-27T00:30:00Z'));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses text that is not a wall clock', () => {
    assert.equal(zonedToMs('2025-02-30', 'UTC'), undefined);
    assert.equal(zonedToMs('yesterday', 'UTC'), undefined);
    assert.equal(zonedToMs('2025-01-01T24:00', 'UTC'), undefined);
    assert.equal(zonedToMs('2025-13-01', 'UTC'), undefined);
  });
});

describe('zoned time: days and zone names', () => {
  it('steps days and names weekdays', () => {
    assert.equal(nextDate('2025-12-31'), '2026-01-01');
    assert.equal(nextDate('2024-02-28'), '2024-02-29');
    assert.deepEqual(addDays({ year: 2024, month: 3, day: 1 }, -1), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2025, month: 12, day: 31 }, 1), { year: 2026, month: 1, day: 1 });
    assert.equal(weekdayOf({ year: 2025, month: 6, day: 13 }), 5);
    assert.equal(weekdayOf({ year: 2025, month: 6, day: 15 }), 0);
  });

  it("knows IANA names, and 'local' only where a setting may name the server's zone", () => {
    assert.equal(isValidTimeZone('Europe/Berlin'), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isValidTimeZone(''), false);
    assert.equal(isValidTimeZone('local'), false);
    assert.equal(isKnownTimeZone('local'), true);
    assert.equal(isKnownTimeZone('Europe/Berlin'), true);
    assert.equal(isKnownTimeZone('Mars/Olympus_Mons'), false);
  });

  it('lists zones for a picker, UTC first, with the one in use', () => {
    const zones = timeZoneChoices(['Etc/GMT+5', 'Mars/Olympus_Mons']);
    assert.equal(zones[0], 'UTC');
    assert.ok(zones.includes('Europe/Berlin') && zones.includes('Etc/GMT+5'));
    assert.equal(zones.includes('Mars/Olympus_Mons'), false);
    assert.equal(new Set(zones).size, zones.length);
  });
});
