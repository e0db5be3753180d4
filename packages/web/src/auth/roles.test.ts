import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeScope, isUnscoped, roleAtLeast, ROLE_LABELS } from './roles.ts';

describe('roles', () => {
  it('orders roles', () => {
    assert.equal(roleAtLeast('admin', 'editor'), true);
    assert.equal(roleAtLeast('editor', 'editor'), true);
    assert.equal(roleAtLeast('viewer', 'editor'), false);
    assert.equal(roleAtLeast('editor', 'admin'), false);
    assert.equal(ROLE_LABELS.viewer, 'Viewer');
  });

  it('describes scopes', () => {
    assert.equal(describeScope({}), 'All services and environments');
    assert.equal(describeScope({ services: ['a', 'b'] }), 'services: a, b');
    assert.equal(describeScope({ services: ['a'], environments: ['prod'] }), 'services: a · environments: prod');
    assert.equal(describeScope({ environments: [] }), 'no environments');
    assert.equal(isUnscoped({}), true);
    assert.equal(isUnscoped({ environments: ['x'] }), false);
  });
});
