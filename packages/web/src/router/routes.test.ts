import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchRoute, pathWithGlobals } from './routes.ts';

describe('matchRoute', () => {
  it('matches each page', () => {
    assert.deepEqual(matchRoute('/'), { name: 'services' });
    assert.deepEqual(matchRoute('/traces'), { name: 'traces' });
    assert.deepEqual(matchRoute('/traces/'), { name: 'traces' });
    assert.deepEqual(matchRoute('/traces/abc123'), { name: 'trace', traceId: 'abc123' });
    assert.deepEqual(matchRoute('/logs'), { name: 'logs' });
    assert.deepEqual(matchRoute('/services'), { name: 'services' });
    assert.deepEqual(matchRoute('/services/orders'), { name: 'service', service: 'orders' });
    assert.deepEqual(matchRoute('/services/a%2Fb%20c'), { name: 'service', service: 'a/b c' });
    assert.deepEqual(matchRoute('/service-map'), { name: 'service-map' });
    assert.deepEqual(matchRoute('/exceptions'), { name: 'exceptions' });
    assert.deepEqual(matchRoute('/metrics'), { name: 'metrics' });
    assert.deepEqual(matchRoute('/messaging'), { name: 'messaging' });
    assert.deepEqual(matchRoute('/hosts'), { name: 'hosts' });
    assert.deepEqual(matchRoute('/hosts/db-1.example%3A9100'), { name: 'host', host: 'db-1.example:9100' });
    assert.deepEqual(matchRoute('/targets'), { name: 'targets' });
    assert.deepEqual(matchRoute('/dashboards'), { name: 'dashboards' });
    assert.deepEqual(matchRoute('/dashboards/builtin-host'), { name: 'dashboard', id: 'builtin-host' });
    assert.deepEqual(matchRoute('/get-started'), { name: 'get-started' });
    assert.deepEqual(matchRoute('/settings'), { name: 'settings' });
    assert.deepEqual(matchRoute('/settings/users'), { name: 'settings-users' });
    assert.deepEqual(matchRoute('/settings/api-keys'), { name: 'settings-api-keys' });
    assert.deepEqual(matchRoute('/settings/audit/'), { name: 'settings-audit' });
    assert.deepEqual(matchRoute('/login'), { name: 'login' });
    assert.deepEqual(matchRoute('/setup'), { name: 'setup' });
  });

  it('matches the alerts pages', () => {
    assert.deepEqual(matchRoute('/alerts'), { name: 'alerts' });
    assert.deepEqual(matchRoute('/alerts/'), { name: 'alerts' });
    assert.deepEqual(matchRoute('/alerts/rules'), { name: 'alerts' });
    assert.deepEqual(matchRoute('/alerts/rules/new'), { name: 'alert-rule', id: null });
    assert.deepEqual(matchRoute('/alerts/rules/builtin-disk%2Fx'), { name: 'alert-rule', id: 'builtin-disk/x' });
    assert.deepEqual(matchRoute('/alerts/history'), { name: 'alert-history' });
    assert.deepEqual(matchRoute('/alerts/channels'), { name: 'alert-channels' });
    assert.deepEqual(matchRoute('/alerts/silences'), { name: 'alert-silences' });
    assert.deepEqual(matchRoute('/alerts/nope'), { name: 'not-found', path: '/alerts/nope' });
    assert.deepEqual(matchRoute('/alerts/history/x'), { name: 'not-found', path: '/alerts/history/x' });
    assert.deepEqual(matchRoute('/alerts/rules/a/b'), { name: 'not-found', path: '/alerts/rules/a/b' });
    assert.deepEqual(matchRoute('/alerts/constructor'), { name: 'not-found', path: '/alerts/constructor' });
  });

  it('reports other paths', () => {
    assert.deepEqual(matchRoute('/nope'), { name: 'not-found', path: '/nope' });
    assert.deepEqual(matchRoute('/logs/x'), { name: 'not-found', path: '/logs/x' });
    assert.deepEqual(matchRoute('/traces/a/b'), { name: 'not-found', path: '/traces/a/b' });
    assert.deepEqual(matchRoute('/services/a/b'), { name: 'not-found', path: '/services/a/b' });
    assert.deepEqual(matchRoute('/exceptions/x'), { name: 'not-found', path: '/exceptions/x' });
    assert.deepEqual(matchRoute('/targets/x'), { name: 'not-found', path: '/targets/x' });
    assert.deepEqual(matchRoute('/settings/x'), { name: 'not-found', path: '/settings/x' });
    assert.deepEqual(matchRoute('/settings/constructor'), { name: 'not-found', path: '/settings/constructor' });
    assert.deepEqual(matchRoute('/settings/users/x'), { name: 'not-found', path: '/settings/users/x' });
    assert.deepEqual(matchRoute('/login/x'), { name: 'not-found', path: '/login/x' });
    assert.deepEqual(matchRoute('/dashboards/a/b'), { name: 'not-found', path: '/dashboards/a/b' });
  });
});

describe('pathWithGlobals', () => {
  it('carries the time range to another page', () => {
    const current = new URLSearchParams('range=15m&service=x&refresh=30s');
    assert.equal(pathWithGlobals('/logs', current), '/logs?range=15m&refresh=30s');
    assert.equal(pathWithGlobals('/logs', new URLSearchParams('')), '/logs');
    assert.equal(pathWithGlobals('/logs', current, { trace: 'abc' }), '/logs?range=15m&refresh=30s&trace=abc');
  });
});
