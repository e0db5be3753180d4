import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, ErrorCodes } from '../../../errors.ts';
import { frameworkError, remoteWriteStatus } from './remote-write-status.ts';

describe('remoteWriteStatus', () => {
  it('makes only what sending again can fix retryable', () => {
    const of = (code: (typeof ErrorCodes)[keyof typeof ErrorCodes], retryAfterSeconds?: number) =>
      remoteWriteStatus(new AppError(code, 'x', retryAfterSeconds === undefined ? undefined : { retryAfterSeconds }));
    assert.deepEqual(of(ErrorCodes.REMOTE_WRITE_INVALID), { http: 400, retryAfterSeconds: undefined, outcome: 'malformed' });
    assert.deepEqual(of(ErrorCodes.REMOTE_WRITE_TOO_LARGE), { http: 413, retryAfterSeconds: undefined, outcome: 'too_large' });
    assert.deepEqual(of(ErrorCodes.REMOTE_WRITE_UNSUPPORTED), { http: 415, retryAfterSeconds: undefined, outcome: 'unsupported' });
    assert.deepEqual(of(ErrorCodes.INGEST_OVERLOADED, 2), { http: 429, retryAfterSeconds: 2, outcome: undefined });
    assert.deepEqual(of(ErrorCodes.INGEST_STORE_FAILED), { http: 503, retryAfterSeconds: undefined, outcome: undefined });
    assert.deepEqual(of(ErrorCodes.INGEST_SHUTTING_DOWN, 0.2), { http: 503, retryAfterSeconds: 1, outcome: undefined });
    assert.deepEqual(of(ErrorCodes.STORE_FAILED), { http: 503, retryAfterSeconds: undefined, outcome: undefined });
    assert.equal(remoteWriteStatus(new Error('bug')).http, 500);
  });

  it('maps the framework refusals', () => {
    assert.equal(frameworkError({ statusCode: 413, message: 'too big' }).code, ErrorCodes.REMOTE_WRITE_TOO_LARGE);
    assert.equal(frameworkError({ statusCode: 400, message: 'bad length' }).code, ErrorCodes.REMOTE_WRITE_INVALID);
    assert.equal(frameworkError({ message: 'boom' }).code, ErrorCodes.INTERNAL);
  });
});
