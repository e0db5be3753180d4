import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './load.ts';
import { redactSecrets } from './redact-config.ts';

describe('redactSecrets', () => {
  it('hides static ingest keys and keeps their names and environments', () => {
    const key = 'k'.repeat(32);
    const config = loadConfig({ flags: { 'otlp.auth.required': 'true' } });
    const withKey = { ...config, otlp: { ...config.otlp, auth: { ...config.otlp.auth, keys: [{ name: 'shop', key, environment: 'prod' }] } } };
    const printed = JSON.stringify(redactSecrets(withKey));
    assert.ok(!printed.includes(key), 'the key is not printed');
    assert.match(printed, /"name":"shop","key":"\(hidden\)","environment":"prod"/);
    assert.match(printed, /"required":true/);
  });
});
