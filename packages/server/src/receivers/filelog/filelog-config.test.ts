import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileLogConfigSchema } from './filelog-config.ts';

describe('file log config', () => {
  it('is off by default with the documented defaults', () => {
    assert.deepEqual(fileLogConfigSchema.parse({}), { enabled: false, include: [], pollIntervalMs: 1000, startAt: 'end', maxLineBytes: 65536 });
  });

  it('fills in an include group and accepts a single glob as a list', () => {
    const config = fileLogConfigSchema.parse({ enabled: true, include: [{ paths: '/var/log/*.log', multiline: { lineStartPattern: '^\\d' } }] });
    assert.deepEqual(config.include, [{ paths: ['/var/log/*.log'], exclude: [], multiline: { lineStartPattern: '^\\d', flushTimeoutMs: 1000 } }]);
  });

  it('rejects an invalid pattern, an empty glob list and unknown keys', () => {
    assert.equal(fileLogConfigSchema.safeParse({ include: [{ paths: ['/x'], multiline: { lineStartPattern: '(' } }] }).success, false);
    assert.equal(fileLogConfigSchema.safeParse({ include: [{ paths: [] }] }).success, false);
    assert.equal(fileLogConfigSchema.safeParse({ include: [{ paths: ['/x'], servce: 'typo' }] }).success, false);
    assert.equal(fileLogConfigSchema.safeParse({ startAt: 'middle' }).success, false);
  });
});
