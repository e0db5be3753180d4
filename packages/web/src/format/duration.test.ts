import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDurationNs, parseDurationText } from './duration.ts';

describe('formatDurationNs', () => {
  it('picks the unit and keeps three significant digits', () => {
    assert.equal(formatDurationNs(0), '0 ns');
    assert.equal(formatDurationNs(850), '850 ns');
    assert.equal(formatDurationNs(12_345), '12.3 µs');
    assert.equal(formatDurationNs(1_500_000), '1.5 ms');
    assert.equal(formatDurationNs(123_456_789), '123 ms');
    assert.equal(formatDurationNs(2_310_000_000), '2.31 s');
    assert.equal(formatDurationNs(59_990_000_000), '60 s');
  });

  it('moves to the next unit when rounding reaches 1000', () => {
    assert.equal(formatDurationNs(999_700), '1 ms');
    assert.equal(formatDurationNs(999_999_999), '1 s');
  });

  it('uses minutes, hours and days for long durations', () => {
    assert.equal(formatDurationNs(245e9), '4m 05s');
    assert.equal(formatDurationNs(3720e9), '1h 02m');
    assert.equal(formatDurationNs((3 * 24 + 4) * 3600 * 1e9), '3d 04h');
  });

  it('accepts decimal text and bigint', () => {
    assert.equal(formatDurationNs('1500000'), '1.5 ms');
    assert.equal(formatDurationNs(2_000_000_000n), '2 s');
  });

  it('shows a dash for invalid input', () => {
    assert.equal(formatDurationNs(-1), '–');
    assert.equal(formatDurationNs(Number.NaN), '–');
  });
});

describe('parseDurationText', () => {
  it('reads units, defaulting to milliseconds', () => {
    assert.equal(parseDurationText('250ms'), 250_000_000n);
    assert.equal(parseDurationText('1.5s'), 1_500_000_000n);
    assert.equal(parseDurationText('300us'), 300_000n);
    assert.equal(parseDurationText('300 µs'), 300_000n);
    assert.equal(parseDurationText('20'), 20_000_000n);
    assert.equal(parseDurationText('2m'), 120_000_000_000n);
    assert.equal(parseDurationText('5 NS'), 5n);
  });

  it('rejects other text', () => {
    assert.equal(parseDurationText(''), undefined);
    assert.equal(parseDurationText('fast'), undefined);
    assert.equal(parseDurationText('-5ms'), undefined);
    assert.equal(parseDurationText('5 parsecs'), undefined);
  });
});
