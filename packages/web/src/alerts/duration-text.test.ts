import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDuration, formatDurationText, parseDurationText } from './duration-text.ts';

describe('parseDurationText', () => {
  it('reads units, combinations and plain seconds', () => {
    assert.equal(parseDurationText('5m'), 300);
    assert.equal(parseDurationText(' 90s '), 90);
    assert.equal(parseDurationText('1h30m'), 5400);
    assert.equal(parseDurationText('1h 30m'), 5400);
    assert.equal(parseDurationText('2d'), 172_800);
    assert.equal(parseDurationText('1D6H'), 108_000);
    assert.equal(parseDurationText('600'), 600);
    assert.equal(parseDurationText('0'), 0);
  });

  it('refuses anything else', () => {
    for (const text of ['', ' ', 'm', '5x', '30m1h', '5m5m', '1.5h', '-5m', '5 minutes', 'h5']) assert.equal(parseDurationText(text), undefined, text);
  });
});

describe('formatDurationText', () => {
  it('writes the largest units first and round-trips', () => {
    assert.equal(formatDurationText(0), '0s');
    assert.equal(formatDurationText(45), '45s');
    assert.equal(formatDurationText(300), '5m');
    assert.equal(formatDurationText(5400), '1h30m');
    assert.equal(formatDurationText(14_400), '4h');
    assert.equal(formatDurationText(108_000), '1d6h');
    for (const seconds of [10, 61, 3599, 86_401, 604_800]) assert.equal(parseDurationText(formatDurationText(seconds)), seconds);
  });

  it('describes durations for sentences', () => {
    assert.equal(describeDuration(300), '5 min');
    assert.equal(describeDuration(5400), '1 h 30 min');
    assert.equal(describeDuration(45), '45 s');
  });
});
