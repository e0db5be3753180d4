import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createTestCa } from '../../test/support/test-ca.ts';
import { httpsServerOptions, readTlsMaterial } from './tls-material.ts';

describe('readTlsMaterial', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-tls-material-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const ca = createTestCa(dir);
  const server = ca.issueServer('server');
  const other = ca.issueServer('other');
  const section = (certFile: string, keyFile: string, clientCaFile = '') => ({ enabled: true, certFile, keyFile, clientCaFile, requireClientCert: clientCaFile !== '' });

  it('reads a matching certificate, key and client CA', () => {
    const material = readTlsMaterial('otlp.grpc.tls', section(server.certFile, server.keyFile, ca.certFile));
    assert.deepEqual(material, { cert: server.cert, key: server.key, ca: ca.cert, requireClientCert: true });
    assert.deepEqual(
      { ...httpsServerOptions(material), cert: undefined, key: undefined, ca: undefined },
      { cert: undefined, key: undefined, ca: undefined, minVersion: 'TLSv1.2', requestCert: true, rejectUnauthorized: true },
    );
  });

  it('asks for no client certificate without a client CA', () => {
    const options = httpsServerOptions(readTlsMaterial('api.tls', section(server.certFile, server.keyFile)));
    assert.equal(options.requestCert, false);
    assert.equal(options.ca, undefined);
  });

  it('names a file it cannot read, with the field', () => {
    const missing = path.join(dir, 'missing.key');
    assert.throws(() => readTlsMaterial('api.tls', section(server.certFile, missing)), (error: Error) => {
      assert.match(error.message, new RegExp(`^api\\.tls\\.keyFile: cannot read ${missing.replaceAll('.', '\\.')}`));
      return true;
    });
  });

  it('refuses a key that does not belong to the certificate', () => {
    assert.throws(() => readTlsMaterial('otlp.http.tls', section(server.certFile, other.keyFile)), /otlp\.http\.tls: the certificate, key or CA files .* are not usable/);
  });

  it('refuses a file that is not PEM', () => {
    const garbage = path.join(dir, 'garbage.crt');
    writeFileSync(garbage, 'not a certificate\n');
    assert.throws(() => readTlsMaterial('otlp.http.tls', section(garbage, server.keyFile)), /not usable/);
  });
});
