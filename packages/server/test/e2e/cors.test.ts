import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

describe('CORS for browser SDKs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-cors-'));
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess(path.join(dir, 'data'), ['--set', 'otlp.http.corsOrigins=http://app.example']);
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const preflight = (origin: string) =>
    fetch(`http://127.0.0.1:${server.ports.http}/v1/traces`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('allows a configured origin to send OTLP from the browser', async () => {
    const response = await preflight('http://app.example');
    assert.ok(response.status === 204 || response.status === 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://app.example');
    const post = await fetch(`http://127.0.0.1:${server.ports.http}/v1/traces`, {
      method: 'POST',
      headers: { origin: 'http://app.example', 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(post.status, 200);
    assert.equal(post.headers.get('access-control-allow-origin'), 'http://app.example');
  });

  it('does not allow other origins', async () => {
    const response = await preflight('http://evil.example');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});
