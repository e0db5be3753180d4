import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { openAuthStores } from '../query/auth/auth-stores.ts';
import { trustedSql } from '../storage/sql.ts';
import { authConfigSchema } from './auth-config.ts';
import { createAuthServices, type AuthServices } from './auth-services.ts';
import { SYSTEM_CONTEXT } from './request-context.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
const T0 = Math.floor(Date.now() / 1000) * 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('login lockout and sessions (real store)', () => {
  let temp: TempStore;
  let auth: AuthServices;
  let now = T0;
  let aliceId = '';

  before(async () => {
    temp = await openTempStore();
    auth = createAuthServices({ stores: openAuthStores(temp.store), config: authConfigSchema.parse({}), now: () => now, scryptParams: cheap });
    await auth.firstStart.ensureAdmin({ adminPassword: 'first admin password' });
    aliceId = (await auth.users.create(SYSTEM_CONTEXT, { username: 'alice', role: 'editor', scope: { services: ['cart'] }, password: 'alice password 1' })).id;
  });
  after(async () => {
    await temp.dispose();
  });

  it('logs in with the right password and refuses a wrong one, an unknown user or a disabled one alike', async () => {
    const ok = await auth.login.authenticate('Alice', 'alice password 1', '10.1.0.1');
    assert.equal(ok.status, 'success');
    assert.equal(ok.status === 'success' ? ok.user.id : '', aliceId);
    assert.deepEqual(await auth.login.authenticate('alice', 'alice password 2', '10.1.0.1'), { status: 'invalid' });
    assert.deepEqual(await auth.login.authenticate('nobody', 'alice password 1', '10.1.0.1'), { status: 'invalid' });

    const eve = await auth.users.create(SYSTEM_CONTEXT, { username: 'eve', role: 'viewer', scope: {}, password: 'eve password 12' });
    await auth.users.update(SYSTEM_CONTEXT, eve.id, { disabled: true });
    assert.deepEqual(await auth.login.authenticate('eve', 'eve password 12', '10.1.0.1'), { status: 'invalid' });

    const entries = await auth.audit.read({ startMs: now, endMs: now + 1, action: 'login', limit: 10 });
    assert.deepEqual(
      entries.map((entry) => `${entry.outcome} ${entry.actorName} ${typeof entry.details.reason === 'string' ? entry.details.reason : ''}`).sort(),
      ['failure eve disabled', 'failure nobody unknown user', 'failure alice wrong password', 'success alice '].sort(),
    );
  });

  it('locks a username after five failures, whether it exists or not, for a doubling time', async () => {
    now += HOUR;
    for (const name of ['alice', 'ghost']) {
      for (let i = 1; i <= 4; i++) assert.deepEqual(await auth.login.authenticate(name, `wrong guess ${i}`, `10.2.0.${i}`), { status: 'invalid' });
      assert.deepEqual(await auth.login.authenticate(name, 'wrong guess 5', '10.2.0.5'), { status: 'locked', retryAfterSeconds: 60 });
      now += 1;
    }
    // Locked: even the right password is refused, with the same answer as for an unknown name.
    now += 30_000;
    assert.deepEqual(await auth.login.authenticate('alice', 'alice password 1', '10.2.0.9'), { status: 'locked', retryAfterSeconds: 30 });
    assert.deepEqual(await auth.login.authenticate('ghost', 'alice password 1', '10.2.0.9'), { status: 'locked', retryAfterSeconds: 30 });

    // The lock ends; five more failures lock for twice as long.
    now += 30_000;
    for (let i = 1; i <= 4; i++) await auth.login.authenticate('ghost', `wrong guess ${i}`, `10.3.0.${i}`);
    assert.deepEqual(await auth.login.authenticate('ghost', 'wrong guess 5', '10.3.0.5'), { status: 'locked', retryAfterSeconds: 120 });

    assert.equal((await auth.login.authenticate('alice', 'alice password 1', '10.2.0.9')).status, 'success');
    const lockouts = await auth.audit.read({ startMs: T0, endMs: now + 1, action: 'login.lockout', limit: 10 });
    assert.deepEqual(lockouts.map((entry) => entry.target), ['ghost', 'ghost', 'alice']);
    assert.ok(lockouts.every((entry) => entry.outcome === 'denied'));
  });

  it('locks a client address that tries many names', async () => {
    now += 2 * HOUR;
    for (let i = 1; i <= 4; i++) assert.deepEqual(await auth.login.authenticate(`user${i}`, 'password guess', '10.9.9.9'), { status: 'invalid' });
    assert.equal((await auth.login.authenticate('user5', 'password guess', '10.9.9.9')).status, 'locked');
    assert.equal((await auth.login.authenticate('alice', 'alice password 1', '10.9.9.9')).status, 'locked');
    assert.equal((await auth.login.authenticate('alice', 'alice password 1', '10.9.9.10')).status, 'success');
    now += MINUTE;
    assert.equal((await auth.login.authenticate('alice', 'alice password 1', '10.9.9.9')).status, 'success');
  });

  it('resolves a session to its user, with a CSRF token, and ends it on logout', async () => {
    const session = await auth.sessions.create(aliceId);
    assert.equal(session.expiresMs, now + 7 * 24 * HOUR);
    const resolved = await auth.sessions.resolve(session.token);
    assert.deepEqual(resolved?.principal, { kind: 'user', id: aliceId, name: 'alice', role: 'editor', scope: { services: ['cart'] } });
    assert.equal(resolved?.csrfToken, session.csrfToken);
    assert.ok(resolved !== undefined && auth.sessions.checkCsrf(resolved, session.csrfToken));
    assert.ok(resolved !== undefined && !auth.sessions.checkCsrf(resolved, `${session.csrfToken.slice(0, -1)}x`));
    assert.ok(resolved !== undefined && !auth.sessions.checkCsrf(resolved, undefined));
    assert.equal(await auth.sessions.resolve(`${session.token}x`), undefined);
    assert.equal(await auth.sessions.resolve(''), undefined);

    await auth.sessions.revoke(session.token);
    assert.equal(await auth.sessions.resolve(session.token), undefined);
  });

  it('ends a session after 12 idle hours, use keeping it alive, and after 7 days in any case', async () => {
    const session = await auth.sessions.create(aliceId);
    for (let day = 0; day < 7; day++) {
      now += 11 * HOUR;
      assert.ok((await auth.sessions.resolve(session.token)) !== undefined, `used after 11 h (${day})`);
      now += 11 * HOUR;
      assert.ok((await auth.sessions.resolve(session.token)) !== undefined, `used after 11 more h (${day})`);
    }
    // 154 h so far; the session's 168 h end comes while it is in use.
    now += 10 * HOUR;
    assert.ok((await auth.sessions.resolve(session.token)) !== undefined);
    now += 5 * HOUR;
    assert.equal(await auth.sessions.resolve(session.token), undefined);
    now -= 5 * HOUR;
    assert.equal(await auth.sessions.resolve(session.token), undefined, 'removed, not only refused');

    const idle = await auth.sessions.create(aliceId);
    now += 12 * HOUR - 1;
    assert.ok((await auth.sessions.resolve(idle.token)) !== undefined);
    now += 12 * HOUR;
    assert.equal(await auth.sessions.resolve(idle.token), undefined);
  });

  it('writes last-seen at most once a minute', async () => {
    const session = await auth.sessions.create(aliceId);
    const activityRows = async (): Promise<number> => {
      const [row] = await temp.store.query<{ n: string }>(trustedSql("SELECT count() AS n FROM auth_activity WHERE kind = 'session'"));
      return Number(row?.n);
    };
    const before = await activityRows();
    for (let i = 0; i < 5; i++) {
      now += 10_000;
      await auth.sessions.resolve(session.token);
    }
    assert.equal(await activityRows(), before);
    now += 15_000;
    await auth.sessions.resolve(session.token);
    assert.equal(await activityRows(), before + 1);
  });

  it('ends every session of a user who is disabled, and follows role changes at once', async () => {
    const first = await auth.sessions.create(aliceId);
    const second = await auth.sessions.create(aliceId);
    await auth.users.update(SYSTEM_CONTEXT, aliceId, { role: 'viewer' });
    assert.equal((await auth.sessions.resolve(first.token))?.principal.role, 'viewer');
    await auth.users.update(SYSTEM_CONTEXT, aliceId, { disabled: true });
    assert.equal(await auth.sessions.resolve(first.token), undefined);
    assert.equal(await auth.sessions.resolve(second.token), undefined);
    await auth.users.update(SYSTEM_CONTEXT, aliceId, { disabled: false });
    assert.equal(await auth.sessions.resolve(second.token), undefined, 'enabling again does not revive old sessions');

    const text = JSON.stringify(await temp.store.query(trustedSql('SELECT * FROM auth_sessions')));
    for (const token of [first.token, second.token]) assert.ok(!text.includes(token));
  });

  it('re-hashes a password made with older parameters at the next login', async () => {
    const stronger = createAuthServices({ stores: openAuthStores(temp.store), config: authConfigSchema.parse({}), now: () => now, scryptParams: { N: 2 ** 11, r: 8, p: 1 } });
    const hashOf = async (): Promise<string> => {
      const [row] = await temp.store.query<{ h: string }>(trustedSql("SELECT password_hash AS h FROM auth_users FINAL WHERE username_key = 'alice'"));
      return row?.h ?? '';
    };
    assert.match(await hashOf(), /^scrypt\$1024\$/);
    assert.equal((await stronger.login.authenticate('alice', 'alice password 1', '10.5.0.1')).status, 'success');
    assert.match(await hashOf(), /^scrypt\$2048\$/);
    assert.equal((await stronger.login.authenticate('alice', 'alice password 1', '10.5.0.1')).status, 'success');
    assert.equal((await auth.login.authenticate('alice', 'alice password 1', '10.5.0.1')).status, 'success', 'old parameters still verify newer hashes');
  });
});
