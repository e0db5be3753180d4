import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatWait,
  lockoutMessage,
  parseApiKeyForm,
  parseList,
  parseLoginForm,
  parsePasswordChange,
  parseScope,
  parseSetupForm,
  parseUserForm,
  passwordProblem,
} from './auth-forms.ts';

const GOOD = 'correct horse battery';

describe('passwordProblem', () => {
  it('applies the policy', () => {
    assert.equal(passwordProblem(GOOD, 'admin'), undefined);
    assert.match(passwordProblem('short', 'admin') ?? '', /at least 12/);
    assert.match(passwordProblem('', 'admin') ?? '', /Enter/);
    assert.match(passwordProblem('aaaaaaaaaaaaaaa', 'x') ?? '', /single character/);
    assert.match(passwordProblem('Administrator1', ' administrator1 ') ?? '', /username/);
    assert.match(passwordProblem('x'.repeat(1025) + 'y', 'u') ?? '', /1024/);
  });
});

describe('parseLoginForm', () => {
  it('needs both fields and trims the username', () => {
    assert.deepEqual(parseLoginForm({ username: ' admin ', password: 'p w' }), { ok: true, body: { username: 'admin', password: 'p w' } });
    const bad = parseLoginForm({ username: ' ', password: '' });
    assert.equal(bad.ok, false);
    assert.deepEqual(Object.keys(bad.ok ? {} : bad.problems).sort(), ['password', 'username']);
  });
});

describe('parseSetupForm', () => {
  it('checks token, username, policy and confirmation', () => {
    assert.deepEqual(parseSetupForm({ token: ' t0k ', username: 'admin', password: GOOD, confirm: GOOD }), {
      ok: true,
      body: { token: 't0k', username: 'admin', password: GOOD },
    });
    const bad = parseSetupForm({ token: '', username: 'a b', password: GOOD, confirm: 'other' });
    assert.ok(!bad.ok);
    assert.deepEqual(Object.keys(bad.problems).sort(), ['confirm', 'token', 'username']);
  });
});

describe('parsePasswordChange', () => {
  it('needs the old password for an own change only', () => {
    const own = parsePasswordChange({ oldPassword: '', newPassword: GOOD, confirm: GOOD }, 'me', true);
    assert.ok(!own.ok);
    assert.ok(own.problems.oldPassword !== undefined);
    assert.deepEqual(parsePasswordChange({ oldPassword: '', newPassword: GOOD, confirm: GOOD }, 'me', false), { ok: true, body: { newPassword: GOOD } });
    assert.deepEqual(parsePasswordChange({ oldPassword: 'old one', newPassword: GOOD, confirm: GOOD }, 'me', true), {
      ok: true,
      body: { oldPassword: 'old one', newPassword: GOOD },
    });
    const same = parsePasswordChange({ oldPassword: GOOD, newPassword: GOOD, confirm: GOOD }, 'me', true);
    assert.ok(!same.ok && same.problems.newPassword !== undefined);
    const mismatch = parsePasswordChange({ oldPassword: 'x', newPassword: GOOD, confirm: 'y' }, 'me', true);
    assert.ok(!mismatch.ok && mismatch.problems.confirm !== undefined);
  });
});

describe('lists and scope', () => {
  it('splits, trims and dedupes', () => {
    assert.deepEqual(parseList(' a, b\n a ,, '), ['a', 'b']);
    assert.deepEqual(parseScope('', ' '), {});
    assert.deepEqual(parseScope('checkout, cart', 'prod'), { services: ['checkout', 'cart'], environments: ['prod'] });
  });
});

describe('parseUserForm', () => {
  const input = { username: 'jane', displayName: '', role: 'viewer' as const, password: GOOD, confirm: GOOD, services: 'checkout', environments: '' };
  it('builds the create body', () => {
    assert.deepEqual(parseUserForm(input), { ok: true, body: { username: 'jane', role: 'viewer', scope: { services: ['checkout'] }, password: GOOD } });
    assert.deepEqual(parseUserForm({ ...input, displayName: ' Jane D ' }), {
      ok: true,
      body: { username: 'jane', displayName: 'Jane D', role: 'viewer', scope: { services: ['checkout'] }, password: GOOD },
    });
  });
  it('reports each bad field', () => {
    const bad = parseUserForm({ ...input, username: 'jane doe', password: 'short', services: 'x'.repeat(257) });
    assert.ok(!bad.ok);
    assert.deepEqual(Object.keys(bad.problems).sort(), ['password', 'services', 'username']);
  });
});

describe('parseApiKeyForm', () => {
  it('turns the expiry choice into a time', () => {
    const now = 1_700_000_000_000;
    assert.deepEqual(parseApiKeyForm({ name: ' ci ', role: 'editor', expiry: '30', services: '', environments: 'staging' }, now), {
      ok: true,
      body: { name: 'ci', role: 'editor', scope: { environments: ['staging'] }, expiresMs: now + 30 * 86_400_000 },
    });
    const never = parseApiKeyForm({ name: 'ci', role: 'viewer', expiry: 'never', services: '', environments: '' }, now);
    assert.ok(never.ok && never.body.expiresMs === null);
    assert.equal(parseApiKeyForm({ name: ' ', role: 'viewer', expiry: 'never', services: '', environments: '' }, now).ok, false);
  });
});

describe('waits', () => {
  it('formats the lockout wait', () => {
    assert.equal(formatWait(1), '1 second');
    assert.equal(formatWait(45), '45 seconds');
    assert.equal(formatWait(60), '1 minute');
    assert.equal(formatWait(61), '2 minutes');
    assert.equal(formatWait(3600), '1 hour');
    assert.equal(formatWait(3900), '1 hour 5 minutes');
    assert.equal(lockoutMessage(120), 'Too many failed sign-ins. Try again in 2 minutes.');
    assert.equal(lockoutMessage(undefined), 'Too many failed sign-ins. Try again in a while.');
  });
});
