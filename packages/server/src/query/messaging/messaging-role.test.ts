import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messagingRoleOf } from './messaging-role.ts';

describe('messagingRoleOf', () => {
  it('takes producer and consumer spans by their kind, whatever the operation', () => {
    assert.equal(messagingRoleOf(4, ''), 'publish');
    assert.equal(messagingRoleOf(4, 'receive'), 'publish');
    assert.equal(messagingRoleOf(5, ''), 'consume');
    assert.equal(messagingRoleOf(5, 'publish'), 'consume');
  });

  it('takes client spans by their operation, old and new names alike', () => {
    for (const op of ['publish', 'send', 'create', 'Send']) assert.equal(messagingRoleOf(3, op), 'publish', op);
    for (const op of ['receive', 'process', 'deliver', '']) assert.equal(messagingRoleOf(3, op), 'consume', op);
    assert.equal(messagingRoleOf(3, 'settle'), 'other');
  });

  it('counts no other kind', () => {
    assert.equal(messagingRoleOf(1, 'publish'), 'other');
    assert.equal(messagingRoleOf(2, 'process'), 'other');
  });
});
