import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../errors.ts';
import { loadConfig } from './load.ts';

function problems(flags: Record<string, string>): string {
  try {
    loadConfig({ flags });
  } catch (error) {
    assert.ok(isAppError(error) && error.code === 'CONFIG_INVALID', String(error));
    return error.message;
  }
  return assert.fail('the configuration was accepted');
}

describe('tls config', () => {
  it('is off by default on every listener', () => {
    const config = loadConfig();
    assert.equal(config.api.tls.enabled, false);
    assert.deepEqual(config.otlp.http.tls, { enabled: false, certFile: '', keyFile: '', clientCaFile: '', requireClientCert: false });
    assert.equal(config.otlp.grpc.tls.enabled, false);
  });

  it('accepts a complete section, mTLS included', () => {
    const config = loadConfig({
      flags: {
        'otlp.grpc.tls.enabled': 'true',
        'otlp.grpc.tls.certFile': '/tls/server.crt',
        'otlp.grpc.tls.keyFile': '/tls/server.key',
        'otlp.grpc.tls.clientCaFile': '/tls/clients.crt',
        'otlp.grpc.tls.requireClientCert': 'true',
      },
    });
    assert.equal(config.otlp.grpc.tls.requireClientCert, true);
    assert.equal(config.otlp.grpc.tls.clientCaFile, '/tls/clients.crt');
  });

  it('takes file paths from the environment', () => {
    const config = loadConfig({ env: { SIGHTLINE_API_TLS_ENABLED: 'true', SIGHTLINE_API_TLS_CERT_FILE: '/c.pem', SIGHTLINE_API_TLS_KEY_FILE: '/k.pem' } });
    assert.deepEqual(config.api.tls, { enabled: true, certFile: '/c.pem', keyFile: '/k.pem' });
  });

  it('names the missing files of an enabled section by path', () => {
    const message = problems({ 'otlp.http.tls.enabled': 'true', 'otlp.http.tls.keyFile': '/k.pem' });
    assert.match(message, /otlp\.http\.tls\.certFile: TLS is enabled: set certFile/);
    assert.doesNotMatch(message, /keyFile/);
  });

  it('requires clientCaFile with requireClientCert, and TLS with client certificates', () => {
    assert.match(
      problems({ 'otlp.grpc.tls.enabled': 'true', 'otlp.grpc.tls.certFile': '/c', 'otlp.grpc.tls.keyFile': '/k', 'otlp.grpc.tls.requireClientCert': 'true' }),
      /otlp\.grpc\.tls\.clientCaFile: requireClientCert is true/,
    );
    assert.match(problems({ 'otlp.grpc.tls.clientCaFile': '/ca' }), /otlp\.grpc\.tls\.enabled: client certificates .* need TLS/);
  });

  it('has no client certificates on the API listener', () => {
    assert.match(problems({ 'api.tls.requireClientCert': 'true' }), /api\.tls/);
  });
});
