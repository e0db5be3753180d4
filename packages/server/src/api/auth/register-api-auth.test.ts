import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { registerApiAuth } from './register-api-auth.ts';

describe('API port without access control (auth.enabled: false)', () => {
  it('serves the status as disabled, guards nothing and still sends the security headers', async () => {
    const app = Fastify();
    registerApiAuth(app, undefined);
    app.get('/api/v1/anything', () => ({ ok: true }));
    app.post('/api/v1/anything', () => ({ written: true }));
    const status = await app.inject({ method: 'GET', url: '/api/v1/auth/status' });
    assert.deepEqual(status.json(), { enabled: false, setupRequired: false, localLogin: false });
    const read = await app.inject({ method: 'GET', url: '/api/v1/anything' });
    assert.equal(read.statusCode, 200);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/anything', payload: {} })).statusCode, 200);
    assert.equal(read.headers['x-content-type-options'], 'nosniff');
    assert.equal(read.headers['referrer-policy'], 'same-origin');
    assert.match(String(read.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} })).statusCode, 404);
    await app.close();
  });
});
