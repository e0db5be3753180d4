import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anyOfVerifiers, ConfigKeyVerifier } from './ingest-key-verifier.ts';

const PROD = 'prod-key-0123456789abcdefghijkl';
const CI = 'ci-key-zyxwvutsrqponmlkjihgfedcba';

describe('config-file ingest keys', () => {
  const verifier = new ConfigKeyVerifier([
    { name: 'prod', key: PROD, environment: 'production' },
    { name: 'ci', key: CI },
  ]);

  it('knows each key by its name, with its environment', () => {
    assert.deepEqual(verifier.verify(PROD), { name: 'prod', environment: 'production' });
    assert.deepEqual(verifier.verify(CI), { name: 'ci' });
  });

  it('refuses anything else: other keys, prefixes, extensions, case changes, empty', () => {
    for (const token of ['', PROD.slice(0, -1), `${PROD}x`, PROD.toUpperCase(), `Bearer ${PROD}`, ' ', 'x'.repeat(10_000)]) {
      assert.equal(verifier.verify(token), undefined, JSON.stringify(token.slice(0, 40)));
    }
  });

  it('keeps only digests of the keys', () => {
    const serialized = JSON.stringify(verifier, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('latin1') : value));
    assert.ok(!serialized.includes(PROD) && !serialized.includes(CI));
    assert.equal(verifier.size, 2);
  });

  it('with no keys, refuses every token', () => {
    assert.equal(new ConfigKeyVerifier([]).verify(PROD), undefined);
  });

  it('anyOfVerifiers asks each in turn', () => {
    const runtime = { verify: (token: string) => (token === 'runtime-key-000000000000000000' ? { name: 'from-api' } : undefined) };
    const both = anyOfVerifiers([verifier, runtime]);
    assert.deepEqual(both.verify(CI), { name: 'ci' });
    assert.deepEqual(both.verify('runtime-key-000000000000000000'), { name: 'from-api' });
    assert.equal(both.verify('nope'), undefined);
  });
});
