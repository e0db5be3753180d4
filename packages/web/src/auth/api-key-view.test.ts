import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiKey } from '@sightline/contract';
import { keyState, prefixText, sortKeys } from './api-key-view.ts';

const key = (id: string, over: Partial<ApiKey>): ApiKey => ({
  id,
  name: id,
  prefix: 'sl_abc',
  role: 'viewer',
  scope: {},
  expiresMs: null,
  createdBy: 'admin',
  createdMs: 0,
  revoked: false,
  lastUsedMs: null,
  ...over,
});

describe('api key view', () => {
  it('tells active, expired and revoked keys apart', () => {
    assert.equal(keyState({ revoked: false, expiresMs: null }, 100), 'active');
    assert.equal(keyState({ revoked: false, expiresMs: 200 }, 100), 'active');
    assert.equal(keyState({ revoked: false, expiresMs: 100 }, 100), 'expired');
    assert.equal(keyState({ revoked: true, expiresMs: 200 }, 100), 'revoked');
  });

  it('lists active keys first, newest first', () => {
    const keys = [
      key('old', { createdMs: 1 }),
      key('gone', { revoked: true, createdMs: 5 }),
      key('new', { createdMs: 3 }),
      key('late', { expiresMs: 50, createdMs: 4 }),
    ];
    assert.deepEqual(
      sortKeys(keys, 100).map((k) => k.id),
      ['new', 'old', 'late', 'gone'],
    );
    assert.equal(prefixText('sl_abc'), 'sl_abc…');
  });
});
