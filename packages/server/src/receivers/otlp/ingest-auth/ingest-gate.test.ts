import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCodes, isAppError } from '../../../errors.ts';
import { ingestAuthConfigSchema } from './ingest-auth-config.ts';
import { ingestGateOf } from './ingest-gate.ts';

const KEY = 'k'.repeat(12) + '0123456789ab';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(isAppError(error));
    assert.equal(error.code, ErrorCodes.INGEST_UNAUTHENTICATED);
    assert.equal(error.retryAfterSeconds, undefined);
    return error.message;
  }
  throw new Error('expected a refusal');
}

describe('the ingest gate', () => {
  it('is absent by default, so receivers behave as before', () => {
    const config = ingestAuthConfigSchema.parse({});
    assert.deepEqual(config, { required: false, header: 'authorization', keys: [] });
    assert.equal(ingestGateOf(config), undefined);
  });

  it('when required, refuses a missing or wrong key and names the header', () => {
    const gate = ingestGateOf(ingestAuthConfigSchema.parse({ required: true, keys: [{ name: 'a', key: KEY, environment: 'prod' }] }))!;
    assert.deepEqual(gate.check(`Bearer ${KEY}`), { name: 'a', environment: 'prod' });
    assert.deepEqual(gate.check(KEY), { name: 'a', environment: 'prod' });
    assert.match(refusal(() => gate.check(undefined)), /an ingest key is required: send it in the "authorization" header as "Bearer <key>"/);
    assert.match(refusal(() => gate.check('Bearer wrong')), /the ingest key in the "authorization" header is not valid/);
  });

  it('required with no keys yet refuses everything', () => {
    const gate = ingestGateOf(ingestAuthConfigSchema.parse({ required: true }))!;
    refusal(() => gate.check(`Bearer ${KEY}`));
  });

  it('not required: nothing is refused, but a valid key still identifies the sender', () => {
    const gate = ingestGateOf(ingestAuthConfigSchema.parse({ keys: [{ name: 'a', key: KEY, environment: 'dev' }] }))!;
    assert.equal(gate.check(undefined), undefined);
    assert.equal(gate.check('Bearer wrong'), undefined);
    assert.deepEqual(gate.check(`Bearer ${KEY}`), { name: 'a', environment: 'dev' });
  });

  it('a custom header (any case in the config) takes the bare key', () => {
    const gate = ingestGateOf(ingestAuthConfigSchema.parse({ required: true, header: 'X-Sightline-Key', keys: [{ name: 'a', key: KEY }] }))!;
    assert.equal(gate.header, 'x-sightline-key');
    assert.deepEqual(gate.check(KEY), { name: 'a' });
    assert.match(refusal(() => gate.check(undefined)), /send it in the "x-sightline-key" header$/);
  });

  it('asks the runtime verifier after the config keys', () => {
    const runtime = { verify: (token: string) => (token === 'api-key' ? { name: 'from-api', environment: 'qa' } : undefined) };
    const gate = ingestGateOf(ingestAuthConfigSchema.parse({ required: true }), runtime)!;
    assert.deepEqual(gate.check('Bearer api-key'), { name: 'from-api', environment: 'qa' });
  });

  it('rejects short keys, duplicates, and unusable header names in the config', () => {
    const invalid = (value: unknown): boolean => !ingestAuthConfigSchema.safeParse(value).success;
    assert.ok(invalid({ keys: [{ name: 'a', key: 'short' }] }));
    assert.ok(invalid({ keys: [{ name: 'a', key: KEY }, { name: 'a', key: `${KEY}x` }] }));
    assert.ok(invalid({ keys: [{ name: 'a', key: KEY }, { name: 'b', key: KEY }] }));
    assert.ok(invalid({ keys: [{ name: 'a', key: `${KEY} x` }] }));
    assert.ok(invalid({ header: 'x key' }));
    assert.ok(invalid({ header: 'x-key-bin' }));
    assert.ok(invalid({ required: true, extra: 1 }));
  });
});
