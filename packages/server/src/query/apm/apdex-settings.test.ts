import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingsVersionClock } from './apdex-settings.ts';

describe('settings version clock', () => {
  it('follows the wall clock in microseconds and never repeats or goes back', () => {
    const times = [1000, 1000, 1000, 999, 1002];
    const clock = settingsVersionClock(() => times.shift() ?? 0);
    assert.deepEqual([clock(), clock(), clock(), clock(), clock()], [1_000_000n, 1_000_001n, 1_000_002n, 1_000_003n, 1_002_000n]);
  });
});
