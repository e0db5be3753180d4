import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialOf } from './ingest-credential.ts';

describe('reading the ingest key from a header or gRPC metadata', () => {
  it('authorization takes "Bearer <key>" (any case, extra spaces) or the bare key', () => {
    assert.equal(credentialOf('authorization', 'Bearer abc'), 'abc');
    assert.equal(credentialOf('authorization', 'bearer   abc  '), 'abc');
    assert.equal(credentialOf('authorization', 'BEARER\tabc'), 'abc');
    assert.equal(credentialOf('authorization', 'abc'), 'abc');
    // Another scheme is not stripped, so it cannot match a key.
    assert.equal(credentialOf('authorization', 'Basic abc'), 'Basic abc');
    assert.equal(credentialOf('authorization', 'Bearer'), '');
    assert.equal(credentialOf('authorization', 'BearerXYZ'), 'BearerXYZ');
  });

  it('a custom header takes the bare key as sent (a "Bearer " prefix is part of the value)', () => {
    assert.equal(credentialOf('x-sightline-key', ' abc '), 'abc');
    assert.equal(credentialOf('x-sightline-key', 'Bearer abc'), 'Bearer abc');
  });

  it('accepts header arrays and gRPC metadata values; the first one counts', () => {
    assert.equal(credentialOf('authorization', ['Bearer one', 'Bearer two']), 'one');
    assert.equal(credentialOf('authorization', [Buffer.from('Bearer buf')]), 'buf');
    assert.equal(credentialOf('x-key', Buffer.from('k')), 'k');
  });

  it('is empty when nothing was sent', () => {
    assert.equal(credentialOf('authorization', undefined), '');
    assert.equal(credentialOf('authorization', []), '');
    assert.equal(credentialOf('authorization', ''), '');
    assert.equal(credentialOf('authorization', 'Bearer  '), '');
  });
});
