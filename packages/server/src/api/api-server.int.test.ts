import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call, ms, testApp } from '../../test/support/api-app.ts';
import { insertLogs, insertSpans } from '../../test/support/api-insert.ts';
import { allLogs } from '../../test/support/api-log-data.ts';
import { allSpans } from '../../test/support/api-trace-data.ts';
import { BASE_TIME_NS } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { ERROR_STATUS, statusOf } from './error-status.ts';

const range = { start: ms(BASE_TIME_NS) - 3_600_000, end: ms(BASE_TIME_NS) + 3_600_000 };

describe('API server', () => {
  let temp: TempStore;
  let webRoot: string;
  before(async () => {
    temp = await openTempStore();
    await insertSpans(temp.store, allSpans);
    await insertLogs(temp.store, allLogs);
    webRoot = mkdtempSync(path.join(tmpdir(), 'sightline-web-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>UI</title>');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(path.join(tmpdir(), 'sightline-outside.txt'), 'secret');
  });
  after(async () => {
    await temp.dispose();
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(path.join(tmpdir(), 'sightline-outside.txt'), { force: true });
  });

  it('answers health, self-metrics and a placeholder page', async () => {
    const app = testApp(temp.store);
    assert.deepEqual(await call(app, 'GET', '/healthz'), { status: 200, body: { status: 'ok' } });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(metrics.statusCode, 200);
    assert.match(String(metrics.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.equal(metrics.body, '# TYPE sightline_up gauge\nsightline_up 1\n');
    const page = await app.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /<h1>Sightline<\/h1>/);
    assert.doesNotMatch(page.body, /https?:\/\//);
    await app.close();
  });

  it('serves the web UI from its root, with index.html for UI routes and nothing outside the root', async () => {
    const app = testApp(temp.store, {}, webRoot);
    const index = await app.inject({ method: 'GET', url: '/' });
    assert.deepEqual([index.statusCode, index.body], [200, '<!doctype html><title>UI</title>']);
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    assert.deepEqual([asset.statusCode, asset.headers['content-type'], asset.body], [200, 'text/javascript; charset=utf-8', 'console.log(1);']);
    const route = await app.inject({ method: 'GET', url: '/traces/abc?x=1' });
    assert.deepEqual([route.statusCode, route.body], [200, '<!doctype html><title>UI</title>']);
    // A reload of a page whose name has a dot: the browser asks for HTML, so it gets the UI.
    const dotted = await app.inject({ method: 'GET', url: '/services/orders.v2', headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.deepEqual([dotted.statusCode, dotted.body], [200, '<!doctype html><title>UI</title>']);
    for (const url of ['/assets/missing.js', '/../sightline-outside.txt', '/%2e%2e/sightline-outside.txt', '/assets/..%2f..%2fsightline-outside.txt']) {
      const reply = await app.inject({ method: 'GET', url });
      assert.equal(reply.statusCode, 404, url);
      assert.equal(reply.json<{ error: { code: string } }>().error.code, 'NOT_FOUND');
    }
    assert.equal((await call(app, 'GET', '/api/v1/nope')).status, 404);
    await app.close();
  });

  it('answers unknown routes and malformed requests with coded JSON errors', async () => {
    const app = testApp(temp.store);
    assert.deepEqual(await call(app, 'GET', '/api/v1/unknown'), { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no route for GET /api/v1/unknown' } } });
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/logs/search', headers: { 'content-type': 'application/json' }, payload: '{"start":' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json<{ error: { code: string } }>().error.code, 'QUERY_INVALID');
    const wrongType = await app.inject({ method: 'POST', url: '/api/v1/logs/search', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    assert.equal(wrongType.statusCode, 400);
    const noBody = await call(app, 'POST', '/api/v1/spans/search');
    assert.deepEqual(noBody, { status: 400, body: { error: { code: 'QUERY_INVALID', message: 'request: Invalid input: expected object, received undefined' } } });
    const badQuery = await call(app, 'GET', `/api/v1/spans/search?start=${range.start}&end=${range.end}&attributes=%5B%7B&kind=9`);
    assert.deepEqual(badQuery, { status: 400, body: { error: { code: 'QUERY_INVALID', message: 'attributes: expected JSON' } } });
    const badTime = await call(app, 'GET', '/api/v1/metrics?start=yesterday&end=2025-01-01T00:00:00Z');
    assert.deepEqual(badTime, { status: 400, body: { error: { code: 'QUERY_INVALID', message: 'start: expected unix milliseconds or an RFC 3339 time' } } });
    await app.close();
  });

  it('accepts RFC 3339 times with nanosecond fractions', async () => {
    const app = testApp(temp.store);
    const start = new Date(range.start).toISOString().replace('Z', '123456+00:00');
    const reply = await call<{ spans: unknown[] }>(app, 'POST', '/api/v1/spans/search', { start, end: new Date(range.end).toISOString(), limit: 1000 });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.spans.length, allSpans.length);
    await app.close();
  });

  it('turns guardrail hits into coded errors and keeps serving', async () => {
    const rows = testApp(temp.store, { maxRowsToRead: 5 });
    const tooMuch = await call<{ error: { code: string; message: string } }>(rows, 'POST', '/api/v1/spans/search', range);
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.body.error.code, 'QUERY_TOO_MUCH_DATA');
    assert.deepEqual(await call(rows, 'GET', '/healthz'), { status: 200, body: { status: 'ok' } });
    await rows.close();

    const memory = testApp(temp.store, { maxMemoryBytes: 1 });
    const overBudget = await call<{ error: { code: string } }>(memory, 'POST', '/api/v1/logs/search', { ...range, bodyContains: 'disk' });
    assert.deepEqual([overBudget.status, overBudget.body.error.code], [statusOf('QUERY_MEMORY_LIMIT'), 'QUERY_MEMORY_LIMIT']);
    await memory.close();

    const normal = testApp(temp.store);
    const after = await call<{ logs: unknown[] }>(normal, 'POST', '/api/v1/logs/search', { ...range, bodyContains: 'disk' });
    assert.deepEqual([after.status, after.body.logs.length], [200, 2]);
    await normal.close();
  });

  it('maps every error code through one table', () => {
    assert.deepEqual(ERROR_STATUS, { QUERY_INVALID: 400, INGEST_UNAUTHENTICATED: 401, AUTH_WEAK_PASSWORD: 400, AUTH_UNAUTHENTICATED: 401, AUTH_FORBIDDEN: 403, AUTH_LAST_ADMIN: 409, AUTH_LOCKED: 429, NOT_FOUND: 404, CONFLICT: 409, QUERY_TOO_MUCH_DATA: 422, QUERY_MEMORY_LIMIT: 422, QUERY_TIMEOUT: 504, QUERY_BUSY: 503, NOTIFY_FAILED: 502 });
    assert.equal(statusOf('STORE_FAILED'), 500);
    assert.equal(statusOf('INTERNAL'), 500);
  });
});
