import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { AppError } from '../errors.ts';
import { openAuthStores } from '../query/auth/auth-stores.ts';
import { trustedSql } from '../storage/sql.ts';
import { AUTH_TABLES } from '../storage/schema/auth-tables.ts';
import { authConfigSchema } from './auth-config.ts';
import { createAuthServices, type AuthServices } from './auth-services.ts';
import type { Principal } from './permissions.ts';
import type { RequestContext } from './request-context.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
const T0 = Math.floor(Date.now() / 1000) * 1000;

const rejectsWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('users, first start and password changes (real store)', () => {
  let temp: TempStore;
  let auth: AuthServices;
  let now = T0;

  const fresh = (): AuthServices => createAuthServices({ stores: openAuthStores(temp.store), config: authConfigSchema.parse({}), now: () => now, scryptParams: cheap });
  const asPrincipal = (user: { id: string; username: string; role: Principal['role'] }): RequestContext => ({
    principal: { kind: 'user', id: user.id, name: user.username, role: user.role, scope: {} },
    clientIp: '10.0.0.9',
  });
  const dumpAuthTables = async (): Promise<string> => {
    const parts: string[] = [];
    for (const table of AUTH_TABLES) parts.push(JSON.stringify(await temp.store.query(trustedSql(`SELECT * FROM ${table.name}`))));
    return parts.join('\n');
  };

  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });
  beforeEach(async () => {
    for (const table of ['auth_users', 'auth_sessions', 'audit_log']) await temp.store.command(trustedSql(`TRUNCATE TABLE ${table}`));
    now += 60_000;
    auth = fresh();
  });

  it('creates the admin from a given password on first start, and nothing once a user exists', async () => {
    assert.deepEqual(await auth.firstStart.ensureAdmin({ adminPassword: 'first admin password' }), { status: 'created', username: 'admin' });
    const [admin] = await auth.users.list();
    assert.equal(admin?.username, 'admin');
    assert.equal(admin?.role, 'admin');
    assert.equal((await auth.login.authenticate('ADMIN', 'first admin password', '10.0.0.1')).status, 'success');
    assert.deepEqual(await fresh().firstStart.ensureAdmin({ adminPassword: 'another password!' }), { status: 'exists' });
    assert.deepEqual(await fresh().firstStart.ensureAdmin({}), { status: 'exists' });
    assert.equal((await auth.users.list()).length, 1);
    assert.ok(!(await dumpAuthTables()).includes('first admin password'));
  });

  it('without a password makes a setup token that creates the admin exactly once', async () => {
    const result = await auth.firstStart.ensureAdmin({});
    assert.equal(result.status, 'setup_required');
    const token = result.status === 'setup_required' ? result.setupToken : '';
    assert.ok(token.length >= 40);
    assert.equal(auth.firstStart.setupPending, true);
    assert.equal(await auth.users.count(), 0, 'no user (and no default password) before setup');

    await assert.rejects(auth.firstStart.completeSetup('wrong-token', 'a good password 1', '10.0.0.1'), rejectsWith('AUTH_UNAUTHENTICATED'));
    await assert.rejects(auth.firstStart.completeSetup(token, 'short', '10.0.0.1'), rejectsWith('AUTH_WEAK_PASSWORD'));
    await auth.firstStart.completeSetup(token, 'a good password 1', '10.0.0.1');
    assert.equal(auth.firstStart.setupPending, false);
    await assert.rejects(auth.firstStart.completeSetup(token, 'a good password 2', '10.0.0.1'), rejectsWith('AUTH_UNAUTHENTICATED'));
    assert.equal(await auth.users.count(), 1);
    assert.equal((await auth.login.authenticate('admin', 'a good password 1', '10.0.0.1')).status, 'success');
    assert.ok(!(await dumpAuthTables()).includes(token));
  });

  it('creates, lists, updates and deletes users; usernames are unique ignoring case', async () => {
    await auth.firstStart.ensureAdmin({ adminPassword: 'first admin password' });
    const admin = (await auth.users.list())[0];
    assert.ok(admin !== undefined);
    const ctx = asPrincipal(admin);
    now += 1000;
    const bob = await auth.users.create(ctx, { username: 'Bob', role: 'viewer', scope: { services: ['checkout'] }, password: 'bob password 123' });
    assert.deepEqual({ ...bob, id: '' }, { id: '', username: 'Bob', displayName: 'Bob', role: 'viewer', scope: { services: ['checkout'] }, disabled: false, source: 'local', createdMs: now, updatedMs: now });
    await assert.rejects(auth.users.create(ctx, { username: 'bob', role: 'viewer', scope: {}, password: 'other password 1' }), rejectsWith('CONFLICT'));
    await assert.rejects(auth.users.create(ctx, { username: 'carol', role: 'viewer', scope: {}, password: 'carol' }), rejectsWith('AUTH_WEAK_PASSWORD'));
    await assert.rejects(auth.users.create(ctx, { username: 'carolcarolcarol', role: 'viewer', scope: {}, password: 'CAROLCAROLCAROL' }), rejectsWith('AUTH_WEAK_PASSWORD'));

    now += 1000;
    const updated = await auth.users.update(ctx, bob.id, { role: 'editor', scope: { environments: ['prod'] }, displayName: 'Bob B.' });
    assert.equal(updated.role, 'editor');
    assert.deepEqual((await auth.users.get(bob.id))?.scope, { environments: ['prod'] });
    assert.equal((await auth.users.get(bob.id))?.updatedMs, now);
    assert.deepEqual((await auth.users.list()).map((user) => user.username), ['admin', 'Bob']);

    // A non-admin cannot manage users, and the refusal is audited.
    await assert.rejects(auth.users.create(asPrincipal(updated), { username: 'eve', role: 'admin', scope: {}, password: 'eve password 12' }), rejectsWith('AUTH_FORBIDDEN'));
    const denied = await auth.audit.read({ startMs: T0, endMs: now + 1, action: 'user.create', limit: 10 });
    assert.deepEqual(denied.map((entry) => [entry.outcome, entry.actorName, entry.target]), [['denied', 'Bob', 'eve'], ['success', 'admin', 'Bob'], ['success', 'system', 'admin']]);

    await auth.users.delete(ctx, bob.id);
    assert.equal(await auth.users.get(bob.id), undefined);
    assert.deepEqual((await auth.users.list()).map((user) => user.username), ['admin']);
    await assert.rejects(auth.users.delete(ctx, bob.id), rejectsWith('NOT_FOUND'));
    // The name is free again.
    await auth.users.create(ctx, { username: 'BOB', role: 'viewer', scope: {}, password: 'bob password 456' });
  });

  it('never leaves the server without an enabled admin', async () => {
    await auth.firstStart.ensureAdmin({ adminPassword: 'first admin password' });
    const admin = (await auth.users.list())[0];
    assert.ok(admin !== undefined);
    const ctx = asPrincipal(admin);
    await assert.rejects(auth.users.update(ctx, admin.id, { role: 'editor' }), rejectsWith('AUTH_LAST_ADMIN'));
    await assert.rejects(auth.users.update(ctx, admin.id, { disabled: true }), rejectsWith('AUTH_LAST_ADMIN'));
    await assert.rejects(auth.users.delete(ctx, admin.id), rejectsWith('AUTH_LAST_ADMIN'));

    const second = await auth.users.create(ctx, { username: 'second', role: 'admin', scope: {}, password: 'second admin pw' });
    await auth.users.update(ctx, second.id, { disabled: true });
    await assert.rejects(auth.users.delete(ctx, admin.id), rejectsWith('AUTH_LAST_ADMIN'), 'a disabled admin does not count');
    await auth.users.update(ctx, second.id, { disabled: false });
    await auth.users.update(ctx, admin.id, { role: 'viewer' });
    await assert.rejects(auth.users.delete(asPrincipal(second), second.id), rejectsWith('AUTH_LAST_ADMIN'));
    assert.equal((await auth.users.get(admin.id))?.role, 'viewer');
  });

  it('changes passwords: the old one for oneself, a reset by an admin; sessions end either way', async () => {
    await auth.firstStart.ensureAdmin({ adminPassword: 'first admin password' });
    const admin = (await auth.users.list())[0];
    assert.ok(admin !== undefined);
    const dave = await auth.users.create(asPrincipal(admin), { username: 'dave', role: 'viewer', scope: {}, password: 'dave password 1' });
    const session = await auth.sessions.create(dave.id);
    assert.ok((await auth.sessions.resolve(session.token)) !== undefined);

    await assert.rejects(auth.users.changePassword(asPrincipal(dave), dave.id, { newPassword: 'dave password 2' }), rejectsWith('AUTH_UNAUTHENTICATED'));
    await assert.rejects(auth.users.changePassword(asPrincipal(dave), dave.id, { oldPassword: 'wrong one here', newPassword: 'dave password 2' }), rejectsWith('AUTH_UNAUTHENTICATED'));
    await assert.rejects(auth.users.changePassword(asPrincipal(dave), admin.id, { newPassword: 'dave owns admin' }), rejectsWith('AUTH_FORBIDDEN'));
    assert.ok((await auth.sessions.resolve(session.token)) !== undefined, 'failed attempts keep the session');

    await auth.users.changePassword(asPrincipal(dave), dave.id, { oldPassword: 'dave password 1', newPassword: 'dave password 2' });
    assert.equal(await auth.sessions.resolve(session.token), undefined);
    assert.equal((await auth.login.authenticate('dave', 'dave password 1', '10.0.0.2')).status, 'invalid');
    assert.equal((await auth.login.authenticate('dave', 'dave password 2', '10.0.0.2')).status, 'success');

    const again = await auth.sessions.create(dave.id);
    await auth.users.changePassword(asPrincipal(admin), dave.id, { newPassword: 'reset by admin 3' });
    assert.equal(await auth.sessions.resolve(again.token), undefined);
    assert.equal((await auth.login.authenticate('dave', 'reset by admin 3', '10.0.0.2')).status, 'success');

    const text = await dumpAuthTables();
    for (const secret of ['dave password 1', 'dave password 2', 'reset by admin 3', session.token, again.token]) assert.ok(!text.includes(secret), secret);
  });

  it('keeps the audit log with a year-long TTL, apart from the signal retention', async () => {
    const [row] = await temp.store.query<{ q: string }>(trustedSql("SELECT create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name = 'audit_log'"));
    assert.match(row?.q ?? '', /TTL toDateTime\(at\) \+ toIntervalDay\(365\)/);
  });
});
