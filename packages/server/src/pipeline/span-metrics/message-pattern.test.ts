import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MESSAGE_PATTERN_MAX_CHARS, messagePatternOf } from './message-pattern.ts';

describe('exception message patterns', () => {
  it('replaces ids, numbers, quoted values, emails and addresses', () => {
    assert.equal(messagePatternOf('User 3fa85f64-5717-4562-b3fc-2c963f66afa6 not found'), 'User {uuid} not found');
    assert.equal(messagePatternOf('order 12345 failed after 30ms (attempt 2.5)'), 'order {num} failed after {num}ms (attempt {num})');
    assert.equal(messagePatternOf("Table 'carts' doesn't exist"), "Table {str} doesn't exist");
    assert.equal(messagePatternOf('unknown key "k-17"'), 'unknown key {str}');
    assert.equal(messagePatternOf('mail to jane.doe@example.com bounced'), 'mail to {email} bounced');
    assert.equal(messagePatternOf('connect ECONNREFUSED 10.0.0.12:5432'), 'connect ECONNREFUSED {ip}');
    assert.equal(messagePatternOf('no route to fe80::1ff:fe23:4567:890a'), 'no route to {ip}');
    assert.equal(messagePatternOf('object 5f2b3c4d5e6f7a8b9c0d1e2f at 0xDEADBEEF'), 'object {hex} at {hex}');
    assert.equal(messagePatternOf('Foo::Bar failed in utf8 decoder'), 'Foo::Bar failed in utf8 decoder');
  });

  it('groups messages that differ only in their variable parts', () => {
    assert.equal(messagePatternOf('timeout after 5000 ms on id=17'), messagePatternOf('timeout after 3000 ms on id=99'));
  });

  it('bounds the pattern length', () => {
    assert.equal(messagePatternOf('x'.repeat(10_000)).length, MESSAGE_PATTERN_MAX_CHARS);
  });
});
