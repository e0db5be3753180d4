import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minuteRange, planSources } from './apm-range.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;
const D0 = 20_000 * DAY;

describe('APM source planning', () => {
  it('rounds the start down and the end up to whole minutes', () => {
    const ns = (s: number) => BigInt(s) * 1_000_000_000n;
    assert.deepEqual(minuteRange({ startNs: ns(D0 + 59), endNs: ns(D0 + 121) }), { startS: D0, endS: D0 + 180 });
    assert.deepEqual(minuteRange({ startNs: ns(D0), endNs: ns(D0 + 120) }), { startS: D0, endS: D0 + 120 });
    assert.deepEqual(minuteRange({ startNs: ns(D0 + 10), endNs: ns(D0 + 20) }), { startS: D0, endS: D0 + 60 });
  });

  it('reads short ranges from the minute table only', () => {
    const range = { startS: D0 + 60, endS: D0 + 2 * HOUR };
    assert.deepEqual(planSources(range, true), { minute: [range], hour: [], day: undefined });
  });

  it('reads whole hours from the hour table and the partial ones from the minute table', () => {
    const range = { startS: D0 + 600, endS: D0 + 5 * HOUR + 120 };
    assert.deepEqual(planSources(range), {
      minute: [{ startS: D0 + 600, endS: D0 + HOUR }, { startS: D0 + 5 * HOUR, endS: D0 + 5 * HOUR + 120 }],
      hour: [{ startS: D0 + HOUR, endS: D0 + 5 * HOUR }],
      day: undefined,
    });
  });

  it('reads whole days from a daily rollup when allowed, partial days by hour, partial hours by minute', () => {
    const range = { startS: D0 + 10 * HOUR + 300, endS: D0 + 3 * DAY + 2 * HOUR + 60 };
    assert.deepEqual(planSources(range, true), {
      minute: [{ startS: D0 + 10 * HOUR + 300, endS: D0 + 11 * HOUR }, { startS: D0 + 3 * DAY + 2 * HOUR, endS: D0 + 3 * DAY + 2 * HOUR + 60 }],
      hour: [{ startS: D0 + 11 * HOUR, endS: D0 + DAY }, { startS: D0 + 3 * DAY, endS: D0 + 3 * DAY + 2 * HOUR }],
      day: { startS: D0 + DAY, endS: D0 + 3 * DAY },
    });
    // Without a daily rollup (or below two days) the same range is hours and minutes.
    assert.equal(planSources(range).day, undefined);
    assert.equal(planSources({ startS: D0 + 300, endS: D0 + DAY + 7200 }, true).day, undefined);
  });
});
