import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareNanosDesc, msToNanos, nanosBetween, nanosToMs, toNanos } from './nanos.ts';

describe('nanos', () => {
  it('converts between unix nanoseconds and milliseconds', () => {
    assert.equal(nanosToMs('1700000000123456789'), 1700000000123.4568);
    assert.equal(msToNanos(1700000000123), 1700000000123000000n);
    assert.equal(msToNanos(1.5), 1_500_000n);
  });

  it('subtracts without losing nanoseconds', () => {
    assert.equal(nanosBetween('1700000000123456789', '1700000000123456000'), 789);
  });

  it('treats non-digits as zero', () => {
    assert.equal(toNanos('abc'), 0n);
    assert.equal(toNanos(Number.NaN), 0n);
  });

  it('orders newest first', () => {
    const sorted = ['9', '1700000000000000001', '1700000000000000002', '10'].sort(compareNanosDesc);
    assert.deepEqual(sorted, ['1700000000000000002', '1700000000000000001', '10', '9']);
  });
});
