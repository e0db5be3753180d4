import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { isAppError } from '../errors.ts';
import { envName, loadConfig } from './load.ts';

describe('configuration', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('needs no file: defaults are the documented ports and retention', () => {
    const config = loadConfig();
    assert.equal(config.otlp.grpc.port, 4317);
    assert.equal(config.otlp.http.port, 4318);
    assert.equal(config.api.port, 8080);
    assert.deepEqual(config.retention, { tracesDays: 15, logsDays: 15, metricsDays: 30 });
    assert.equal(config.dataDir, './data');
  });

  it('merges file < env < flags', () => {
    const file = path.join(dir, 'sightline.yaml');
    writeFileSync(file, 'api:\n  port: 9000\notlp:\n  grpc:\n    port: 5000\nretention:\n  logsDays: 3\n');
    const config = loadConfig({
      file,
      env: { SIGHTLINE_OTLP_GRPC_PORT: '6000', SIGHTLINE_RETENTION_LOGS_DAYS: '4', SIGHTLINE_OTLP_HTTP_CORS_ORIGINS: 'http://a, http://b' },
      flags: { 'retention.logsDays': '5' },
    });
    assert.equal(config.api.port, 9000);
    assert.equal(config.otlp.grpc.port, 6000);
    assert.equal(config.retention.logsDays, 5);
    assert.deepEqual(config.otlp.http.corsOrigins, ['http://a', 'http://b']);
  });

  it('names env variables after the setting path', () => {
    assert.equal(envName(['pipeline', 'maxPendingBytes']), 'SIGHTLINE_PIPELINE_MAX_PENDING_BYTES');
  });

  it('reads booleans from text', () => {
    assert.equal(loadConfig({ env: { SIGHTLINE_OTLP_GRPC_ENABLED: 'false' } }).otlp.grpc.enabled, false);
  });

  it('reports every problem with its path', () => {
    assert.throws(
      () => loadConfig({ flags: { 'otlp.grpc.port': 'abc', 'retention.tracesDays': '-1', 'nope.value': '1' } }),
      (error: unknown) =>
        isAppError(error) &&
        error.code === 'CONFIG_INVALID' &&
        error.message.includes('otlp.grpc.port') &&
        error.message.includes('retention.tracesDays') &&
        error.message.includes('nope'),
    );
  });

  it('is frozen', () => {
    const config = loadConfig();
    assert.ok(Object.isFrozen(config.otlp.grpc));
  });
});
