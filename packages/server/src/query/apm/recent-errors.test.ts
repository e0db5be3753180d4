import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newestFirstWindows } from './recent-errors.ts';

describe('recent errors search windows', () => {
  const H = 3600;
  it('covers the range newest first without overlap: last hour, rest of the last day, the rest', () => {
    assert.deepEqual(newestFirstWindows({ startS: 0, endS: 7 * 24 * H }), [
      { startS: 7 * 24 * H - H, endS: 7 * 24 * H },
      { startS: 6 * 24 * H, endS: 7 * 24 * H - H },
      { startS: 0, endS: 6 * 24 * H },
    ]);
  });

  it('uses one window for ranges up to an hour and two up to a day', () => {
    assert.deepEqual(newestFirstWindows({ startS: 600, endS: 1800 }), [{ startS: 600, endS: 1800 }]);
    assert.deepEqual(newestFirstWindows({ startS: 0, endS: 5 * H }), [
      { startS: 4 * H, endS: 5 * H },
      { startS: 0, endS: 4 * H },
    ]);
  });
});
