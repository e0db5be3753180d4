import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKnownTimeZone, wallClockToUnixMs } from './zoned-time.ts';

const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute, second: 0 });

describe('wall-clock times in a time zone', () => {
  it('reads times on either side of a daylight-saving change with the offset in force', () => {
    // Europe/Berlin moved from +01:00 to +02:00 at 2024-03-31 01:00 UTC.
    assert.equal(wallClockToUnixMs(wall(2024, 3, 31, 1, 30), 'Europe/Berlin'), Date.UTC(2024, 2, 31, 0, 30));
    assert.equal(wallClockToUnixMs(wall(2024, 3, 31, 3, 30), 'Europe/Berlin'), Date.UTC(2024, 2, 31, 1, 30));
    assert.equal(wallClockToUnixMs(wall(2024, 3, 31, 2, 30), 'Europe/Berlin'), Date.UTC(2024, 2, 31, 1, 30));
    assert.equal(wallClockToUnixMs(wall(2024, 7, 1, 12), 'America/New_York'), Date.UTC(2024, 6, 1, 16));
    assert.equal(wallClockToUnixMs(wall(2024, 7, 1, 12), 'Asia/Kolkata'), Date.UTC(2024, 6, 1, 6, 30));
    assert.equal(wallClockToUnixMs(wall(2024, 7, 1, 12), 'UTC'), Date.UTC(2024, 6, 1, 12));
  });

  it("knows 'local' and IANA names and refuses others", () => {
    assert.equal(isKnownTimeZone('local'), true);
    assert.equal(isKnownTimeZone('Europe/Berlin'), true);
    assert.equal(isKnownTimeZone('UTC'), true);
    assert.equal(isKnownTimeZone('Mars/Olympus_Mons'), false);
  });
});
