import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredRole } from '../../auth/permissions.ts';
import { registerRemoteWriteRoute } from '../../receivers/prometheus/remote-write/remote-write-route.ts';
import { createApiServer } from '../api-server.ts';
import type { ApiAuth } from './auth-hook.ts';
import { registeredRoutes } from './route-collector.ts';
import { isGuardedPath, policyFor, ROUTE_ACTIONS, UNKNOWN_WRITE_ACTION } from './route-actions.ts';

/** Every route the API port serves with auth on (no request is made, so the parts behind them are not needed). */
async function allRoutes(): Promise<{ method: string; url: string }[]> {
  const unused = {} as never;
  const auth: ApiAuth = { services: unused, metricsRequireKey: false, secureCookie: false };
  const app = createApiServer({ store: unused, query: unused, apm: unused, selfMetrics: () => '', alerts: unused, auth });
  await registerRemoteWriteRoute(app, { sink: unused, maxBodyBytes: 1024, maxDecompressedBytes: 1024 });
  await app.ready();
  const routes = [...registeredRoutes(app)];
  await app.close();
  return routes;
}

describe('route → action table', () => {
  it('lists every write route under /api/ and only routes that exist', async () => {
    const routes = await allRoutes();
    const apiRoutes = routes.filter((route) => route.url.startsWith('/api/'));
    assert.ok(apiRoutes.length > 60, `only ${apiRoutes.length} API routes collected`);
    const writes = apiRoutes.filter((route) => route.method !== 'GET' && route.method !== 'HEAD');
    const unlisted = writes.filter((route) => ROUTE_ACTIONS[`${route.method} ${route.url}`] === undefined);
    assert.deepEqual(unlisted, [], 'every write route needs an entry in route-actions.ts');
    const registered = new Set(apiRoutes.map((route) => `${route.method} ${route.url}`));
    const stale = Object.keys(ROUTE_ACTIONS).filter((key) => !registered.has(key));
    assert.deepEqual(stale, [], 'entries without a route');
  });

  it('leaves only status, login and setup public, and guards every admin route with an admin action', async () => {
    const publicRoutes = Object.entries(ROUTE_ACTIONS).filter(([, policy]) => policy === 'public').map(([key]) => key);
    assert.deepEqual(publicRoutes.sort(), ['GET /api/v1/auth/status', 'POST /api/v1/auth/login', 'POST /api/v1/auth/setup']);
    const adminRoutes = (await allRoutes()).filter((route) => route.url.startsWith('/api/v1/admin/') && route.method !== 'HEAD');
    for (const route of adminRoutes) {
      const policy = policyFor(route.method, route.url);
      if (route.method === 'GET' && route.url === '/api/v1/admin/retention') {
        assert.equal(policy, 'read');
        continue;
      }
      assert.ok(policy !== 'public' && policy !== 'signed-in' && requiredRole(policy) === 'admin', `${route.method} ${route.url}: ${policy}`);
    }
  });

  it('needs read for unlisted reads and an admin for unlisted writes (fail closed)', () => {
    assert.equal(policyFor('GET', '/api/v1/some/new/read'), 'read');
    assert.equal(policyFor('HEAD', '/api/v1/auth/status'), 'public');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) assert.equal(policyFor(method, '/api/v1/some/new/write'), UNKNOWN_WRITE_ACTION);
    assert.equal(requiredRole(UNKNOWN_WRITE_ACTION), 'admin');
    assert.equal(policyFor('PUT', '/api/v1/admin/retention'), 'admin:retention');
    assert.equal(policyFor('POST', '/api/v1/alerts/silences'), 'write:alert_rules');
    assert.equal(policyFor('POST', '/api/v1/alerts/channels'), 'write:channels');
  });

  it('guards the API and, when configured, /metrics; not the UI', () => {
    assert.equal(isGuardedPath('/api/v1/services', false), true);
    assert.equal(isGuardedPath('/metrics', false), false);
    assert.equal(isGuardedPath('/metrics', true), true);
    for (const path of ['/', '/services', '/assets/index.js', '/healthz', '/readyz']) assert.equal(isGuardedPath(path, true), false);
  });
});
