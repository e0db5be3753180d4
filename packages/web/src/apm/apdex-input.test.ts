import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseApdexThreshold } from './apdex-input.ts';

describe('apdex threshold input', () => {
  it('reads milliseconds and durations', () => {
    assert.deepEqual(parseApdexThreshold('500'), { ok: true, thresholdMs: 500 });
    assert.deepEqual(parseApdexThreshold(' 250ms '), { ok: true, thresholdMs: 250 });
    assert.deepEqual(parseApdexThreshold('1.5s'), { ok: true, thresholdMs: 1500 });
    assert.deepEqual(parseApdexThreshold('300us'), { ok: true, thresholdMs: 0.3 });
  });

  it('rejects what the API would', () => {
    assert.equal(parseApdexThreshold('fast').ok, false);
    assert.equal(parseApdexThreshold('0').ok, false);
    assert.equal(parseApdexThreshold('11m').ok, false);
    assert.equal(parseApdexThreshold('').ok, false);
  });
});
