import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lockDurationMs, LoginThrottle } from './lockout.ts';

const config = { maxFailures: 5, windowMinutes: 15, initialLockSeconds: 60, maxLockSeconds: 3600 };
const MINUTE = 60_000;

describe('login lockout schedule', () => {
  it('starts at a minute and doubles up to an hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => lockDurationMs(n, config) / MINUTE),
      [1, 2, 4, 8, 16, 32, 60, 60, 60],
    );
  });

  it('locks after the fifth failure within the window, and not for failures spread wider', () => {
    const throttle = new LoginThrottle(config);
    for (let i = 0; i < 4; i++) assert.equal(throttle.recordFailure('user:bob', i * MINUTE), undefined);
    assert.equal(throttle.lockedUntil('user:bob', 4 * MINUTE), undefined);
    assert.equal(throttle.recordFailure('user:bob', 4 * MINUTE), 5 * MINUTE);
    assert.equal(throttle.lockedUntil('user:bob', 4 * MINUTE + 1), 5 * MINUTE);
    assert.equal(throttle.lockedUntil('user:bob', 5 * MINUTE), undefined);
    assert.equal(throttle.lockedUntil('user:other', 4 * MINUTE + 1), undefined);

    const spread = new LoginThrottle(config);
    for (let i = 0; i < 10; i++) assert.equal(spread.recordFailure('ip:1.2.3.4', i * 4 * MINUTE), undefined);
  });

  it('doubles each further lock, and forgets the history after a reset or a long quiet time', () => {
    const throttle = new LoginThrottle(config);
    let now = 0;
    const failFiveTimes = (): number | undefined => {
      let until: number | undefined;
      for (let i = 0; i < 5; i++) until = throttle.recordFailure('user:bob', now);
      return until;
    };
    assert.equal(failFiveTimes(), MINUTE);
    now = MINUTE;
    assert.equal(failFiveTimes(), now + 2 * MINUTE);
    now += 2 * MINUTE;
    assert.equal(failFiveTimes(), now + 4 * MINUTE);
    throttle.reset('user:bob');
    now += 4 * MINUTE;
    assert.equal(failFiveTimes(), now + MINUTE);
    now += 2 * 60 * MINUTE;
    assert.equal(failFiveTimes(), now + MINUTE);
  });
});
