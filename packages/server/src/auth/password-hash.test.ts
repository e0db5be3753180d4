import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHash, DEFAULT_SCRYPT_PARAMS, encodeHash, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('encodes parameters, salt and hash in one self-describing string and decodes it back', () => {
    const salt = Buffer.from('0123456789abcdef');
    const hash = Buffer.alloc(32, 7);
    const text = encodeHash({ params: { N: 16384, r: 8, p: 2 }, salt, hash });
    assert.equal(text, `scrypt$16384$8$2$${salt.toString('base64url')}$${hash.toString('base64url')}`);
    const decoded = decodeHash(text);
    assert.deepEqual(decoded?.params, { N: 16384, r: 8, p: 2 });
    assert.deepEqual(decoded?.salt, salt);
    assert.deepEqual(decoded?.hash, hash);
  });

  it('refuses malformed or dangerous encodings', () => {
    const salt = Buffer.alloc(16).toString('base64url');
    const hash = Buffer.alloc(32).toString('base64url');
    for (const text of [
      '',
      'plain-password',
      `bcrypt$16384$8$1$${salt}$${hash}`,
      `scrypt$1000$8$1$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 24}$8$1$${salt}$${hash}`, // N too large: would exhaust memory
      `scrypt$16384$64$1$${salt}$${hash}`,
      `scrypt$16384$8$1$$${hash}`,
      `scrypt$16384$8$1$${salt}$`,
      `scrypt$16384$8$1$${salt}$${hash}$extra`,
    ]) {
      assert.equal(decodeHash(text), undefined, text);
    }
  });

  it('verifies the right password only, with a random salt per hash', async () => {
    const first = await hashPassword('correct horse battery', cheap);
    const second = await hashPassword('correct horse battery', cheap);
    assert.notEqual(first, second);
    assert.ok(!first.includes('correct horse'));
    assert.equal(await verifyPassword('correct horse battery', first), true);
    assert.equal(await verifyPassword('correct horse battery', second), true);
    assert.equal(await verifyPassword('correct horse batterY', first), false);
    assert.equal(await verifyPassword('correct horse battery', 'scrypt$garbage'), false);
  });

  it('uses memory-hard defaults and keeps verifying hashes made with other parameters', async () => {
    assert.ok(DEFAULT_SCRYPT_PARAMS.N >= 2 ** 15 && DEFAULT_SCRYPT_PARAMS.r >= 8);
    const strong = await hashPassword('a long passphrase here');
    assert.ok(strong.startsWith(`scrypt$${DEFAULT_SCRYPT_PARAMS.N}$8$1$`));
    assert.equal(await verifyPassword('a long passphrase here', strong), true);
    assert.equal(needsRehash(strong), false);
    const old = await hashPassword('a long passphrase here', cheap);
    assert.equal(await verifyPassword('a long passphrase here', old), true);
    assert.equal(needsRehash(old), true);
  });
});
