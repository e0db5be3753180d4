import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApiKeyCreated, AuditListResponse, LoginResponse, MeResponse, User } from '@sightline/contract';
import { createApiServer } from '../../src/api/api-server.ts';
import type { ApiAuth } from '../../src/api/auth/auth-hook.ts';
import { registeredRoutes } from '../../src/api/auth/route-collector.ts';
import { registerRemoteWriteRoute } from '../../src/receivers/prometheus/remote-write/remote-write-route.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const ADMIN_PASSWORD = 'correct-horse-battery-staple-9';
const SERVICES = `/api/v1/services?start=${Date.now() - 3_600_000}&end=${Date.now() + 60_000}`;
const logSearch = () => ({ start: Date.now() - 60_000, end: Date.now(), limit: 10 });

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json<T>(): T;
}

interface Call {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The client address (any 127.x.y.z): login throttling counts per address. */
  readonly from?: string;
}

/** A session as a browser holds it: the cookie and the CSRF token from the login answer. */
interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

describe('access control on the HTTP API (auth.enabled)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-auth-'));
  let server: ServerProcess;
  let admin: Session;

  const call = (method: string, urlPath: string, options: Call = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      const sized: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      const headers: Record<string, string> = { ...sized, ...options.headers };
      const req = httpRequest(
        // A fresh connection each: a refused request's unread body must not spill into the next one.
        { host: '127.0.0.1', port: server.ports.api, method, path: urlPath, headers, agent: false, ...(options.from === undefined ? {} : { localAddress: options.from }) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const login = async (username: string, password: string): Promise<Session> => {
    const answer = await call('POST', '/api/v1/auth/login', { body: { username, password } });
    assert.equal(answer.status, 200, answer.text);
    const setCookie = answer.headers['set-cookie']?.[0] ?? '';
    assert.match(setCookie, /^sightline_session=[^;]+; Max-Age=\d+; HttpOnly; SameSite=Lax; Path=\/$/);
    return { cookie: setCookie.split(';')[0] ?? '', csrfToken: answer.json<LoginResponse>().csrfToken };
  };
  /** A cookie-authenticated call; writes carry the CSRF header unless `csrf` is false. */
  const as = (session: Session, method: string, urlPath: string, body?: unknown, csrf = true): Promise<Answer> =>
    call(method, urlPath, { body, headers: { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}) } });
  const bearer = (token: string, method: string, urlPath: string, body?: unknown): Promise<Answer> =>
    call(method, urlPath, { body, headers: { authorization: `Bearer ${token}` } });
  const createUser = async (username: string, role: 'viewer' | 'editor' | 'admin'): Promise<User> => {
    const answer = await as(admin, 'POST', '/api/v1/admin/users', { username, role, password: `${username}-long-password-1` });
    assert.equal(answer.status, 201, answer.text);
    return answer.json<User>();
  };

  before(async () => {
    server = await startServerProcess(path.join(dir, 'data'), ['--set', 'auth.enabled=true'], { env: { SIGHTLINE_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    admin = await login('admin', ADMIN_PASSWORD);
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says auth is on and setup is done (the admin came from SIGHTLINE_ADMIN_PASSWORD)', async () => {
    const status = await call('GET', '/api/v1/auth/status');
    assert.equal(status.status, 200);
    assert.deepEqual(status.json(), { enabled: true, setupRequired: false, localLogin: true });
    const me = await as(admin, 'GET', '/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.json<MeResponse>().principal.role, 'admin');
    assert.equal(me.json<MeResponse>().csrfToken, admin.csrfToken);
  });

  it('answers 401 on every registered /api/ route without credentials, and with made-up ones', async () => {
    const unused = {} as never;
    const auth: ApiAuth = { services: unused, metricsRequireKey: false, secureCookie: false };
    const app = createApiServer({ store: unused, query: unused, apm: unused, selfMetrics: () => '', alerts: unused, auth });
    await registerRemoteWriteRoute(app, { sink: unused, maxBodyBytes: 1024, maxDecompressedBytes: 1024 });
    await app.ready();
    const routes = registeredRoutes(app).filter((route) => route.url.startsWith('/api/'));
    await app.close();
    const open = new Set(['GET /api/v1/auth/status', 'HEAD /api/v1/auth/status', 'POST /api/v1/auth/login', 'POST /api/v1/auth/setup']);
    const guarded = routes.filter((route) => !open.has(`${route.method} ${route.url}`));
    assert.ok(guarded.length > 60, `${guarded.length} routes`);
    for (const route of guarded) {
      const urlPath = route.url.replace(/:[A-Za-z]+/g, 'x');
      const body = route.method === 'GET' || route.method === 'HEAD' ? undefined : {};
      const answer = await call(route.method, urlPath, { body });
      assert.equal(answer.status, 401, `${route.method} ${route.url}: ${answer.text}`);
      if (route.method !== 'HEAD') assert.equal(answer.json<{ error: { code: string } }>().error.code, 'AUTH_UNAUTHENTICATED');
    }
    assert.equal((await call('GET', '/api/v1/no/such/route')).status, 401);
    assert.equal((await call('GET', SERVICES, { headers: { cookie: 'sightline_session=forged' } })).status, 401);
    assert.equal((await bearer('sl_forged', 'GET', SERVICES)).status, 401);
    // A bad key is judged alone: a valid cookie beside it does not help.
    assert.equal((await call('GET', SERVICES, { headers: { cookie: admin.cookie, authorization: 'Bearer sl_forged' } })).status, 401);
  });

  it('leaves health, readiness, metrics, the UI and OTLP ingest open', async () => {
    assert.equal((await call('GET', '/healthz')).status, 200);
    assert.equal((await call('GET', '/readyz')).status, 200);
    assert.equal((await call('GET', '/metrics')).status, 200);
    const page = await call('GET', '/services/checkout', { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    const otlp = await fetch(`http://127.0.0.1:${server.ports.http}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceLogs":[]}' });
    assert.equal(otlp.status, 200);
  });

  it('sends the security headers on the UI and the API', async () => {
    for (const urlPath of ['/', '/api/v1/auth/status', SERVICES]) {
      const answer = await call('GET', urlPath);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', urlPath);
      assert.equal(answer.headers['referrer-policy'], 'same-origin', urlPath);
      assert.match(String(answer.headers['content-security-policy']), /frame-ancestors 'none'/, urlPath);
    }
    const csp = String((await call('GET', '/')).headers['content-security-policy']);
    assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  });

  it('lets a viewer read and refuses its writes; an editor writes alert rules but not retention', async () => {
    await createUser('viewer1', 'viewer');
    await createUser('editor1', 'editor');
    const viewer = await login('viewer1', 'viewer1-long-password-1');
    for (const urlPath of [SERVICES, '/api/v1/dashboards', '/api/v1/alerts/rules', '/api/v1/admin/retention']) {
      assert.equal((await as(viewer, 'GET', urlPath)).status, 200, urlPath);
    }
    assert.equal((await as(viewer, 'POST', '/api/v1/logs/search', logSearch())).status, 200);
    for (const [method, urlPath] of [
      ['POST', '/api/v1/dashboards'],
      ['POST', '/api/v1/alerts/rules'],
      ['POST', '/api/v1/alerts/channels'],
      ['PUT', '/api/v1/admin/retention'],
      ['GET', '/api/v1/admin/users'],
      ['GET', '/api/v1/admin/audit'],
    ] as const) {
      const answer = await as(viewer, method, urlPath, method === 'GET' ? undefined : {});
      assert.equal(answer.status, 403, `${method} ${urlPath}`);
      assert.equal(answer.json<{ error: { code: string } }>().error.code, 'AUTH_FORBIDDEN');
    }

    const editor = await login('editor1', 'editor1-long-password-1');
    const rule = await as(editor, 'POST', '/api/v1/alerts/rules', {
      name: 'Queue too deep',
      query: { kind: 'metric', metric: 'queue.depth', groupBy: ['host'], aggregation: 'max' },
      condition: { comparison: 'above', match: 'last', windowSeconds: 300, thresholds: [{ severity: 'warning', value: 50 }] },
      notify: { channels: [] },
    });
    assert.equal(rule.status, 201, rule.text);
    assert.equal((await as(editor, 'PUT', '/api/v1/admin/retention', { tracesDays: 3, logsDays: 3, metricsDays: 3 })).status, 403);
    assert.equal((await as(editor, 'POST', '/api/v1/admin/api-keys', { name: 'mine', role: 'admin' })).status, 403);
  });

  it('needs the CSRF header on cookie-authenticated writes', async () => {
    const body = { tracesDays: 7, logsDays: 7, metricsDays: 7 };
    const without = await as(admin, 'PUT', '/api/v1/admin/retention', body, false);
    assert.equal(without.status, 403);
    assert.match(without.json<{ error: { message: string } }>().error.message, /CSRF/);
    const wrong = await call('PUT', '/api/v1/admin/retention', { body, headers: { cookie: admin.cookie, 'x-csrf-token': 'not-the-token' } });
    assert.equal(wrong.status, 403);
    const withHeader = await as(admin, 'PUT', '/api/v1/admin/retention', body);
    assert.equal(withHeader.status, 200, withHeader.text);
  });

  it('creates an API key shown once, accepts it as Bearer without CSRF, and refuses it right after revocation', async () => {
    const created = await as(admin, 'POST', '/api/v1/admin/api-keys', { name: 'ci-reader', role: 'viewer' });
    assert.equal(created.status, 201, created.text);
    const { key, token } = created.json<ApiKeyCreated>();
    assert.match(token, /^sl_/);
    assert.ok(token.startsWith(key.prefix));
    const listed = await as(admin, 'GET', '/api/v1/admin/api-keys');
    assert.ok(!listed.text.includes(token), 'the list never shows the secret');
    assert.equal((await bearer(token, 'GET', SERVICES)).status, 200);
    assert.equal((await bearer(token, 'POST', '/api/v1/logs/search', logSearch())).status, 200);
    assert.equal((await bearer(token, 'POST', '/api/v1/dashboards', {})).status, 403);
    const me = await bearer(token, 'GET', '/api/v1/auth/me');
    assert.deepEqual(me.json<MeResponse>(), { principal: { kind: 'api_key', id: key.id, name: 'ci-reader', role: 'viewer', scope: {} }, csrfToken: null });

    assert.equal((await as(admin, 'DELETE', `/api/v1/admin/api-keys/${key.id}`)).status, 200);
    assert.equal((await bearer(token, 'GET', SERVICES)).status, 401);
  });

  it('treats quotes, backslashes, blank lines and SQL in a username as data', async () => {
    for (const username of [`admin' OR '1'='1`, 'admin\\"; DROP TABLE users; --', 'admin\n\nSet-Cookie: x=1', `x') UNION SELECT * FROM system.tables --`]) {
      const answer = await call('POST', '/api/v1/auth/login', { body: { username, password: ADMIN_PASSWORD }, from: '127.0.0.3' });
      assert.equal(answer.status, 401, `${JSON.stringify(username)}: ${answer.text}`);
      assert.equal(answer.headers['set-cookie'], undefined);
    }
    assert.equal((await call('GET', '/healthz')).status, 200);
    assert.equal((await as(admin, 'GET', '/api/v1/admin/users')).status, 200);
  });

  it('locks a username after 5 failed logins (429 with Retry-After), even for the right password', async () => {
    await createUser('target1', 'viewer');
    const from = '127.0.0.2';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await call('POST', '/api/v1/auth/login', { body: { username: 'target1', password: `wrong-${attempt}` }, from });
      assert.equal(answer.status, 401, `attempt ${attempt}`);
    }
    const fifth = await call('POST', '/api/v1/auth/login', { body: { username: 'target1', password: 'wrong-5' }, from });
    assert.equal(fifth.status, 429);
    assert.ok(Number(fifth.headers['retry-after']) >= 1);
    assert.equal(fifth.json<{ error: { code: string } }>().error.code, 'AUTH_LOCKED');
    const right = await call('POST', '/api/v1/auth/login', { body: { username: 'target1', password: 'target1-long-password-1' }, from: '127.0.0.4' });
    assert.equal(right.status, 429);
    assert.ok(Number(right.headers['retry-after']) >= 1);
  });

  it('audits logins, failed logins, key and user changes and other writes, and exports them as CSV and JSON lines', async () => {
    const answer = await as(admin, 'GET', '/api/v1/admin/audit?limit=1000');
    assert.equal(answer.status, 200, answer.text);
    const entries = answer.json<AuditListResponse>().entries;
    const has = (action: string, outcome: string, target?: string) =>
      entries.some((entry) => entry.action === action && entry.outcome === outcome && (target === undefined || entry.target === target));
    assert.ok(has('login', 'success', 'admin'));
    assert.ok(has('login', 'failure', 'target1'));
    assert.ok(has('login.lockout', 'denied', 'target1'));
    assert.ok(has('user.create', 'success', 'viewer1'));
    assert.ok(has('api_key.create', 'success', 'ci-reader'));
    assert.ok(has('api_key.revoke', 'success', 'ci-reader'));
    assert.ok(has('alerts.rules.post', 'success'));
    assert.ok(has('admin.retention.put', 'success'));
    assert.ok(!answer.text.includes(ADMIN_PASSWORD));

    const csv = await as(admin, 'GET', '/api/v1/admin/audit?format=csv&action=api_key.create');
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines[0], 'time,actor_kind,actor_id,actor_name,action,target,outcome,client_ip,details');
    assert.equal(lines.length, 2);
    assert.match(lines[1] ?? '', /,user,[^,]+,admin,api_key\.create,ci-reader,success,/);
    const jsonl = await as(admin, 'GET', '/api/v1/admin/audit?format=jsonl&action=login&actor=admin');
    assert.ok(jsonl.text.trim().split('\n').every((line) => (JSON.parse(line) as { action: string }).action === 'login'));
  });

  it('changes roles, passwords and users with effect on the next request, and keeps the last admin', async () => {
    const user = await createUser('changer1', 'viewer');
    let session = await login('changer1', 'changer1-long-password-1');
    assert.equal((await as(session, 'POST', '/api/v1/dashboards', {})).status, 403);
    const promoted = await as(admin, 'PUT', `/api/v1/admin/users/${user.id}`, { role: 'editor' });
    assert.equal(promoted.status, 200, promoted.text);
    // Authorized now: the body is judged (400), no longer the role (403).
    assert.equal((await as(session, 'POST', '/api/v1/dashboards', {})).status, 400);

    const wrongOld = await as(session, 'POST', '/api/v1/auth/password', { oldPassword: 'not-it-at-all', newPassword: 'changer1-newer-password-2' });
    assert.equal(wrongOld.status, 401);
    const changed = await as(session, 'POST', '/api/v1/auth/password', { oldPassword: 'changer1-long-password-1', newPassword: 'changer1-newer-password-2' });
    assert.equal(changed.status, 204, changed.text);
    assert.equal((await as(session, 'GET', '/api/v1/dashboards')).status, 401, 'the old session ended');
    const renewed = String(changed.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    assert.equal((await call('GET', '/api/v1/dashboards', { headers: { cookie: renewed } })).status, 200, 'the answer carries a new session');
    assert.equal((await call('POST', '/api/v1/auth/login', { body: { username: 'changer1', password: 'changer1-long-password-1' } })).status, 401);

    assert.equal((await as(admin, 'POST', `/api/v1/admin/users/${user.id}/password`, { newPassword: 'changer1-reset-password-3' })).status, 204);
    session = await login('changer1', 'changer1-reset-password-3');
    assert.equal((await as(admin, 'DELETE', `/api/v1/admin/users/${user.id}`)).status, 204);
    assert.equal((await as(session, 'GET', '/api/v1/dashboards')).status, 401);

    const me = (await as(admin, 'GET', '/api/v1/auth/me')).json<MeResponse>();
    const lastAdmin = await as(admin, 'PUT', `/api/v1/admin/users/${me.principal.id}`, { role: 'viewer' });
    assert.equal(lastAdmin.status, 409);
    assert.equal(lastAdmin.json<{ error: { code: string } }>().error.code, 'AUTH_LAST_ADMIN');
  });

  it('ends the session on logout', async () => {
    const session = await login('viewer1', 'viewer1-long-password-1');
    assert.equal((await as(session, 'POST', '/api/v1/auth/logout')).status, 204);
    assert.equal((await as(session, 'GET', SERVICES)).status, 401);
    const audit = await as(admin, 'GET', '/api/v1/admin/audit?action=logout');
    assert.ok(audit.json<AuditListResponse>().entries.some((entry) => entry.actorName === 'viewer1'));
  });
});

describe('first start without SIGHTLINE_ADMIN_PASSWORD: the setup token from the log', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-auth-setup-'));
  let server: ServerProcess;
  const url = (urlPath: string) => `http://127.0.0.1:${server.ports.api}${urlPath}`;
  const post = (urlPath: string, body: unknown) => fetch(url(urlPath), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  before(async () => {
    server = await startServerProcess(path.join(dir, 'data'), ['--set', 'auth.enabled=true', '--set', 'auth.metricsRequireKey=true'], { env: { SIGHTLINE_ADMIN_PASSWORD: '' } });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs the token and the /setup URL, creates the first admin once with it, then guards /metrics too', async () => {
    const status = await fetch(url('/api/v1/auth/status'));
    assert.deepEqual(await status.json(), { enabled: true, setupRequired: true, localLogin: true });
    const line = server
      .output()
      .split('\n')
      .map((each) => (each.startsWith('{') ? (JSON.parse(each) as { level?: string; setupToken?: string; url?: string }) : {}))
      .find((entry) => entry.setupToken !== undefined);
    assert.ok(line?.setupToken !== undefined, 'the setup token is logged');
    assert.equal(line.level, 'warn');
    assert.match(line.url ?? '', /^http:\/\/localhost:\d+\/setup$/);
    assert.equal((await fetch(url('/metrics'))).status, 401);

    assert.equal((await post('/api/v1/auth/setup', { token: 'guessed', password: 'a-long-enough-password-1' })).status, 401);
    const weak = await post('/api/v1/auth/setup', { token: line.setupToken, password: 'short' });
    assert.equal(weak.status, 400);
    assert.equal(((await weak.json()) as { error: { code: string } }).error.code, 'AUTH_WEAK_PASSWORD');
    const done = await post('/api/v1/auth/setup', { token: line.setupToken, username: 'root', password: 'a-long-enough-password-1' });
    assert.equal(done.status, 200);
    const body = (await done.json()) as LoginResponse;
    assert.equal(body.user.username, 'root');
    assert.equal(body.user.role, 'admin');
    const cookie = (done.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(cookie, /^sightline_session=/);

    assert.equal((await post('/api/v1/auth/setup', { token: line.setupToken, password: 'another-long-password-2' })).status, 409);
    assert.deepEqual(await (await fetch(url('/api/v1/auth/status'))).json(), { enabled: true, setupRequired: false, localLogin: true });
    assert.equal((await fetch(url('/metrics'), { headers: { cookie } })).status, 200);
  });
});
