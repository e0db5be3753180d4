import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gateDecision } from './auth-gate.ts';

describe('gateDecision', () => {
  it('shows the app as it is when access control is off', () => {
    assert.deepEqual(gateDecision('off', '/logs?range=1h'), { show: 'app' });
    assert.deepEqual(gateDecision('off', '/login?next=%2Ftraces'), { show: 'app', redirect: '/traces' });
  });

  it('sends a signed-out user to the sign-in page, keeping the page', () => {
    assert.deepEqual(gateDecision('signed-out', '/logs?range=1h'), { show: 'login', redirect: '/login?next=%2Flogs%3Frange%3D1h' });
    assert.deepEqual(gateDecision('signed-out', '/'), { show: 'login', redirect: '/login' });
    assert.deepEqual(gateDecision('signed-out', '/login?next=%2Ftraces'), { show: 'login' });
    assert.deepEqual(gateDecision('signed-out', '/setup?next=%2Ftraces'), { show: 'login', redirect: '/login?next=%2Ftraces' });
  });

  it('sends a signed-in user on from the sign-in page', () => {
    assert.deepEqual(gateDecision('signed-in', '/login?next=%2Ftraces%3Frange%3D1h'), { show: 'app', redirect: '/traces?range=1h' });
    assert.deepEqual(gateDecision('signed-in', '/login?next=https%3A%2F%2Fevil.example'), { show: 'app', redirect: '/' });
    assert.deepEqual(gateDecision('signed-in', '/settings/users'), { show: 'app' });
  });

  it('asks for setup first while it is pending', () => {
    assert.deepEqual(gateDecision('setup', '/setup'), { show: 'setup' });
    assert.deepEqual(gateDecision('setup', '/logs'), { show: 'setup', redirect: '/setup?next=%2Flogs' });
    assert.deepEqual(gateDecision('setup', '/login?next=%2Flogs'), { show: 'setup', redirect: '/setup?next=%2Flogs' });
  });

  it('waits while loading', () => {
    assert.deepEqual(gateDecision('loading', '/logs'), { show: 'loading' });
  });
});
