import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  absoluteRange,
  describeRelative,
  describeTimeRange,
  parseAbsoluteTime,
  parseRelative,
  readTimeRange,
  RELATIVE_PRESETS,
  resolveTimeRange,
  writeTimeRange,
} from './time-range.ts';
import { toDateTimeLocalValue } from './time-format.ts';

describe('parseRelative', () => {
  it('reads every preset', () => {
    const ms = RELATIVE_PRESETS.map(parseRelative);
    assert.deepEqual(ms, [300_000, 900_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000]);
  });

  it('rejects other text', () => {
    for (const text of ['', '0m', '15', 'm', '1y', '-5m', '1.5h']) assert.equal(parseRelative(text), undefined, text);
  });
});

describe('parseAbsoluteTime', () => {
  it('reads unix milliseconds', () => assert.equal(parseAbsoluteTime('1700000000000'), 1_700_000_000_000));
  it('reads RFC 3339 with a zone', () => {
    assert.equal(parseAbsoluteTime('2023-11-14T22:13:20Z'), 1_700_000_000_000);
    assert.equal(parseAbsoluteTime('2023-11-14T23:13:20+01:00'), 1_700_000_000_000);
  });
  it('reads local date-times and round-trips the datetime-local value', () => {
    const ms = 1_700_000_000_000;
    assert.equal(parseAbsoluteTime(toDateTimeLocalValue(ms)), ms);
    assert.equal(parseAbsoluteTime('2023-11-14 10:00'), new Date(2023, 10, 14, 10, 0).getTime());
  });
  it('rejects text without a zone that is not a local date-time', () => {
    assert.equal(parseAbsoluteTime('yesterday'), undefined);
    assert.equal(parseAbsoluteTime('2023-11-14'), undefined);
  });
});

describe('readTimeRange / writeTimeRange', () => {
  it('defaults to the last hour', () => {
    assert.deepEqual(readTimeRange(new URLSearchParams('')), { kind: 'relative', text: '1h', durationMs: 3_600_000 });
    assert.deepEqual(readTimeRange(new URLSearchParams('range=bogus')), { kind: 'relative', text: '1h', durationMs: 3_600_000 });
  });

  it('prefers a valid absolute range', () => {
    const range = readTimeRange(new URLSearchParams('range=15m&from=1000&to=2000'));
    assert.deepEqual(range, { kind: 'absolute', startMs: 1000, endMs: 2000 });
  });

  it('ignores an inverted absolute range', () => {
    assert.equal(readTimeRange(new URLSearchParams('from=2000&to=1000&range=5m')).kind, 'relative');
  });

  it('round-trips through URL parameters', () => {
    const params = new URLSearchParams('service=a&range=5m');
    writeTimeRange(params, { kind: 'absolute', startMs: 10, endMs: 20 });
    assert.equal(params.toString(), 'service=a&from=10&to=20');
    writeTimeRange(params, { kind: 'relative', text: '2d', durationMs: 172_800_000 });
    assert.equal(params.toString(), 'service=a&range=2d');
    assert.deepEqual(readTimeRange(params), { kind: 'relative', text: '2d', durationMs: 172_800_000 });
  });
});

describe('resolveTimeRange', () => {
  it('ends a relative range now', () => {
    assert.deepEqual(resolveTimeRange({ kind: 'relative', text: '5m', durationMs: 300_000 }, 1_000_000.7), { startMs: 700_000, endMs: 1_000_000 });
  });
  it('keeps an absolute range', () => {
    assert.deepEqual(resolveTimeRange({ kind: 'absolute', startMs: 1, endMs: 2 }, 99), { startMs: 1, endMs: 2 });
  });
});

describe('describing ranges', () => {
  it('names relative ranges', () => {
    assert.equal(describeRelative('5m'), 'Last 5 minutes');
    assert.equal(describeRelative('1h'), 'Last 1 hour');
    assert.equal(describeRelative('7d'), 'Last 7 days');
  });
  it('formats absolute ends with the given formatter', () => {
    assert.equal(
      describeTimeRange({ kind: 'absolute', startMs: 1, endMs: 2 }, (ms) => `t${ms}`),
      't1 → t2',
    );
  });
  it('orders and widens a zoom selection', () => {
    assert.deepEqual(absoluteRange(20.5, 10.2), { kind: 'absolute', startMs: 10, endMs: 21 });
    assert.deepEqual(absoluteRange(5, 5), { kind: 'absolute', startMs: 5, endMs: 6 });
  });
});
