import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APM_OVERFLOW_NAME } from '@sightline/contract';
import { CardinalityLimiter } from './cardinality-limiter.ts';

const WINDOW_MS = 60_000;
const T0 = 1_700_000_040_000; // the start of a window

describe('cardinality limiter', () => {
  it('tracks the first services and operations per service, and overflows the rest', () => {
    const limiter = new CardinalityLimiter({ maxServices: 2, maxOperationsPerService: 2, windowSeconds: 60 });
    limiter.advanceTo(T0);
    assert.deepEqual(['a', 'b', 'c', 'a', 'd'].map((name) => limiter.service(name)), ['a', 'b', APM_OVERFLOW_NAME, 'a', APM_OVERFLOW_NAME]);
    assert.deepEqual(['x', 'y', 'z', 'x'].map((name) => limiter.operation('a', name)), ['x', 'y', APM_OVERFLOW_NAME, 'x']);
    assert.deepEqual(['x', 'y'].map((name) => limiter.operation('b', name)), ['x', 'y']);
    assert.equal(limiter.service(APM_OVERFLOW_NAME), APM_OVERFLOW_NAME);
    assert.deepEqual(['p', 'q', 'r'].map((name) => limiter.operation(APM_OVERFLOW_NAME, name)), ['p', 'q', APM_OVERFLOW_NAME]);
    assert.deepEqual([1, 2, 3, 1].map((n) => limiter.dependency('a', `k${n}`)), [true, true, false, true]);
    assert.deepEqual(limiter.trackedCounts(), { service: 2, operation: 6, dependency: 2 });
  });

  it('forgets every name when a window starts, and only then', () => {
    const limiter = new CardinalityLimiter({ maxServices: 1, maxOperationsPerService: 1, windowSeconds: 60 });
    limiter.advanceTo(T0);
    assert.equal(limiter.service('a'), 'a');
    assert.equal(limiter.operation('a', 'x'), 'x');
    limiter.advanceTo(T0 + WINDOW_MS - 1);
    assert.equal(limiter.service('b'), APM_OVERFLOW_NAME);
    assert.equal(limiter.operation('a', 'y'), APM_OVERFLOW_NAME);
    limiter.advanceTo(T0 + WINDOW_MS);
    assert.deepEqual(limiter.trackedCounts(), { service: 0, operation: 0, dependency: 0 });
    assert.equal(limiter.service('b'), 'b');
    assert.equal(limiter.operation('b', 'y'), 'y');
    assert.equal(limiter.service('a'), APM_OVERFLOW_NAME);
  });
});
