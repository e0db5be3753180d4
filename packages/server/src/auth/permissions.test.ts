import assert from 'node:assert/strict';
import type { Role } from '@sightline/contract';
import { describe, it } from 'node:test';
import { ACTIONS, can, type Action, type Principal } from './permissions.ts';

const principal = (role: Role, scope: Principal['scope'] = {}): Principal => ({ kind: 'user', id: 'u1', name: 'someone', role, scope });
const allowed = (subject: Principal): Action[] => ACTIONS.filter((action) => can(subject, action));

describe('can(): viewer < editor < admin', () => {
  it('lets viewers read only', () => {
    assert.deepEqual(allowed(principal('viewer')), ['read']);
  });

  it('lets editors also write dashboards, views, alert rules and channels', () => {
    assert.deepEqual(allowed(principal('editor')), ['read', 'write:dashboards', 'write:views', 'write:alert_rules', 'write:channels']);
  });

  it('lets admins do everything, API keys alike', () => {
    assert.deepEqual(allowed(principal('admin')), [...ACTIONS]);
    assert.deepEqual(allowed({ ...principal('admin'), kind: 'api_key' }), [...ACTIONS]);
  });

  it('keeps admin actions from scoped principals (they could widen their own scope)', () => {
    assert.deepEqual(allowed(principal('admin', { services: ['checkout'] })), ['read', 'write:dashboards', 'write:views', 'write:alert_rules', 'write:channels']);
    assert.deepEqual(allowed(principal('viewer', { environments: ['prod'] })), ['read']);
  });
});
