import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSeverity } from './severity-detect.ts';

describe('detectSeverity', () => {
  it('finds an upper-case level word near the start, bare or bracketed', () => {
    assert.deepEqual(detectSeverity('ERROR something broke'), { number: 17, text: 'ERROR' });
    assert.deepEqual(detectSeverity('2024-05-01 12:00:00.123 [WARN] disk almost full'), { number: 13, text: 'WARN' });
    assert.deepEqual(detectSeverity('2024-05-01T12:00:00Z host app[42]: INFO: started'), { number: 9, text: 'INFO' });
    assert.deepEqual(detectSeverity('FATAL: out of memory'), { number: 21, text: 'FATAL' });
    assert.deepEqual(detectSeverity('DEBUG x'), { number: 5, text: 'DEBUG' });
    assert.deepEqual(detectSeverity('TRACE y'), { number: 1, text: 'TRACE' });
  });

  it('takes any case after a level key', () => {
    assert.deepEqual(detectSeverity('ts=2024 level=warn msg="slow"'), { number: 13, text: 'WARN' });
    assert.deepEqual(detectSeverity('{"level":"error","msg":"x"}'), { number: 17, text: 'ERROR' });
  });

  it('does not take ordinary words or late words for a level', () => {
    assert.deepEqual(detectSeverity('an error happened'), { number: 0, text: '' });
    assert.deepEqual(detectSeverity('a b c d e f g ERROR'), { number: 0, text: '' });
    assert.deepEqual(detectSeverity(''), { number: 0, text: '' });
  });
});
