import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { AppError } from '../errors.ts';
import { openAuthStores } from '../query/auth/auth-stores.ts';
import { trustedSql } from '../storage/sql.ts';
import { AUTH_TABLES } from '../storage/schema/auth-tables.ts';
import { auditToCsv, auditToJsonLines } from './audit-export.ts';
import { authConfigSchema } from './auth-config.ts';
import { createAuthServices, type AuthServices } from './auth-services.ts';
import type { RequestContext } from './request-context.ts';

const T0 = Math.floor(Date.now() / 1000) * 1000;
const HOUR = 3_600_000;
const rejectsWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('API keys and the audit log (real store)', () => {
  let temp: TempStore;
  let auth: AuthServices;
  let now = T0;
  const admin: RequestContext = { principal: { kind: 'user', id: 'u-admin', name: 'admin', role: 'admin', scope: {} }, clientIp: '192.0.2.1' };
  const editor: RequestContext = { principal: { kind: 'user', id: 'u-ed', name: 'ed', role: 'editor', scope: {} }, clientIp: '192.0.2.2' };

  before(async () => {
    temp = await openTempStore();
    auth = createAuthServices({ stores: openAuthStores(temp.store), config: authConfigSchema.parse({}), now: () => now });
  });
  after(async () => {
    await temp.dispose();
  });

  it('creates a key shown once, resolves it to its role and scope, and refuses it right after revocation', async () => {
    const created = await auth.apiKeys.create(admin, { name: 'ci deploys', role: 'editor', scope: { environments: ['staging'] }, expiresMs: null });
    assert.match(created.token, /^sl_[A-Za-z0-9_-]{43}$/);
    assert.equal(created.key.prefix, created.token.slice(0, 9));
    assert.deepEqual({ ...created.key, id: '' }, {
      id: '',
      name: 'ci deploys',
      prefix: created.token.slice(0, 9),
      role: 'editor',
      scope: { environments: ['staging'] },
      expiresMs: null,
      createdBy: 'admin',
      createdMs: now,
      revoked: false,
      lastUsedMs: null,
    });

    assert.equal((await auth.apiKeys.list())[0]?.lastUsedMs, null);
    now += 1000;
    assert.deepEqual(await auth.apiKeys.resolve(created.token), { kind: 'api_key', id: created.key.id, name: 'ci deploys', role: 'editor', scope: { environments: ['staging'] } });
    const [listed] = await auth.apiKeys.list();
    assert.equal(listed?.lastUsedMs, now);
    assert.equal(await auth.apiKeys.resolve(`${created.token.slice(0, -1)}A`), undefined);
    assert.equal(await auth.apiKeys.resolve(created.token.slice(3)), undefined);

    now += 1000;
    const revoked = await auth.apiKeys.revoke(admin, created.key.id);
    assert.equal(revoked.revoked, true);
    assert.equal(await auth.apiKeys.resolve(created.token), undefined);
    assert.equal((await auth.apiKeys.list()).find((key) => key.id === created.key.id)?.revoked, true);
    await assert.rejects(auth.apiKeys.revoke(admin, 'no-such-key'), rejectsWith('NOT_FOUND'));
  });

  it('refuses an expired key, and keys in the past', async () => {
    const created = await auth.apiKeys.create(admin, { name: 'short lived', role: 'viewer', scope: {}, expiresMs: now + HOUR });
    now += HOUR - 1;
    assert.equal((await auth.apiKeys.resolve(created.token))?.role, 'viewer');
    now += 1;
    assert.equal(await auth.apiKeys.resolve(created.token), undefined);
    await assert.rejects(auth.apiKeys.create(admin, { name: 'born dead', role: 'viewer', scope: {}, expiresMs: now }), rejectsWith('QUERY_INVALID'));
  });

  it('lets only admins manage keys', async () => {
    await assert.rejects(auth.apiKeys.create(editor, { name: 'sneaky', role: 'admin', scope: {}, expiresMs: null }), rejectsWith('AUTH_FORBIDDEN'));
  });

  it('records who did what, reads it newest first with filters, and exports CSV and JSON lines', async () => {
    now += HOUR;
    const start = now;
    await auth.audit.record({ actor: { kind: 'user', id: 'u-admin', name: 'admin' }, action: 'retention.update', target: 'logs', outcome: 'success', clientIp: '192.0.2.1', details: { from: 7, to: 30 } });
    now += 1000;
    await auth.audit.record({ actor: { kind: 'api_key', id: 'k1', name: 'ci, "deploys"' }, action: 'settings.update', target: 'apdex', outcome: 'denied', clientIp: '192.0.2.3' });
    now += 1000;
    await auth.audit.record({ actor: { kind: 'user', id: 'u-admin', name: 'admin' }, action: 'settings.update', target: 'apdex', outcome: 'success', clientIp: '192.0.2.1' });

    const all = await auth.audit.read({ startMs: start, endMs: now + 1, limit: 100 });
    assert.deepEqual(all.map((entry) => `${entry.action}/${entry.outcome}`), ['settings.update/success', 'settings.update/denied', 'retention.update/success']);
    assert.deepEqual(all[2], { atMs: start, actorKind: 'user', actorId: 'u-admin', actorName: 'admin', action: 'retention.update', target: 'logs', outcome: 'success', clientIp: '192.0.2.1', details: { from: 7, to: 30 } });
    assert.deepEqual((await auth.audit.read({ startMs: start, endMs: now + 1, actor: 'admin', limit: 100 })).map((entry) => entry.action), ['settings.update', 'retention.update']);
    assert.deepEqual((await auth.audit.read({ startMs: start, endMs: now + 1, actor: 'k1', action: 'settings.update', limit: 100 })).map((entry) => entry.outcome), ['denied']);
    assert.equal((await auth.audit.read({ startMs: start, endMs: now + 1, limit: 1 })).length, 1);
    assert.equal((await auth.audit.read({ startMs: start + 1, endMs: now, limit: 100 })).length, 1);

    const csv = auditToCsv(all).split('\r\n');
    assert.equal(csv.length, 5);
    assert.equal(csv[2], `${new Date(start + 1000).toISOString()},api_key,k1,"ci, ""deploys""",settings.update,apdex,denied,192.0.2.3,{}`);
    const lines = auditToJsonLines(all).trim().split('\n').map((line) => JSON.parse(line) as { action: string });
    assert.deepEqual(lines.map((line) => line.action), ['settings.update', 'settings.update', 'retention.update']);
  });

  it('audits key creation and revocation, and never stores a key in clear', async () => {
    const created = await auth.apiKeys.create(admin, { name: 'audited', role: 'viewer', scope: {}, expiresMs: null });
    await auth.apiKeys.resolve(created.token);
    await auth.apiKeys.revoke(admin, created.key.id);
    const entries = await auth.audit.read({ startMs: T0, endMs: now + 1, actor: 'admin', limit: 100 });
    assert.deepEqual(entries.filter((entry) => entry.target === 'audited').map((entry) => entry.action).sort(), ['api_key.create', 'api_key.revoke']);
    const denied = await auth.audit.read({ startMs: T0, endMs: now + 1, actor: 'ed', limit: 100 });
    assert.deepEqual(denied.map((entry) => `${entry.action}/${entry.outcome}`), ['api_key.create/denied']);

    const everything: string[] = [];
    for (const table of AUTH_TABLES) everything.push(JSON.stringify(await temp.store.query(trustedSql(`SELECT * FROM ${table.name}`))));
    const text = everything.join('\n');
    assert.ok(text.includes(created.key.prefix), 'the visible prefix is stored');
    assert.ok(!text.includes(created.token), 'the key itself is not');
    assert.ok(!text.includes(created.token.slice(9)), 'nor its secret part');
  });
});
