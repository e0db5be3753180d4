import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ApmExceptionsResponse } from '@sightline/contract';
import type { SpanExceptionRow } from '../signals/span-exception.ts';
import { call, testApp } from '../../test/support/api-app.ts';
import { exceptionRow, insertExceptions } from '../../test/support/apm-dependency-rows.ts';
import { idBytes } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

/** An hour ago, minute-aligned; the range is the hour from there (30 trend steps of 2 minutes). */
const H = Math.floor(Date.now() / 60_000) * 60 - 3600;
const RANGE = `start=${H * 1000}&end=${(H + 3600) * 1000}`;
const NS = 1_000_000_000n;

const hex = (n: number, length: number) => n.toString(16).padStart(length, '0');

function occurrence(n: number, atSeconds: number, fields: Partial<SpanExceptionRow> & Pick<SpanExceptionRow, 'message' | 'messagePattern'>): SpanExceptionRow {
  return exceptionRow({
    timeUnixNano: BigInt(H + atSeconds) * NS + BigInt(n),
    traceId: idBytes(hex(n, 32)),
    spanId: idBytes(hex(n, 16)),
    ...fields,
  });
}

const notFound = (n: number, at: number) =>
  occurrence(n, at, {
    type: 'UserNotFound',
    message: `user ${1000 + n} not found`,
    messagePattern: 'user <num> not found',
    stacktrace: `UserNotFound: user ${1000 + n} not found\n    at load (users.ts:${n})`,
  });

const ROWS: SpanExceptionRow[] = [
  // Seven occurrences, differing only by the id in the message: one group.
  ...[10, 130, 135, 1300, 1310, 2400, 3590].map((at, i) => notFound(i + 1, at)),
  ...[200, 210].map((at, i) => occurrence(20 + i, at, { type: 'TimeoutError', message: 'timed out after 30s', messagePattern: 'timed out after <num>s' })),
  occurrence(30, 500, { service: 'payments', type: 'CardDeclined', message: 'card 4242 declined', messagePattern: 'card <num> declined', environment: 'prod' }),
  // Outside the range on both sides.
  occurrence(40, -60, { type: 'TimeoutError', message: 'timed out after 1s', messagePattern: 'timed out after <num>s' }),
  occurrence(41, 3600, { type: 'TimeoutError', message: 'timed out after 2s', messagePattern: 'timed out after <num>s' }),
];

describe('APM exceptions API: exception events grouped by service, type and message pattern', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertExceptions(temp.store, ROWS);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const get = async (query: string): Promise<ApmExceptionsResponse['groups']> => {
    const reply = await call<ApmExceptionsResponse>(app, 'GET', `/api/v1/apm/exceptions?${RANGE}${query}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.groups;
  };

  it('counts each group, most frequent first, with first/last seen, newest message, stack trace and samples', async () => {
    const groups = await get('');
    assert.deepEqual(
      groups.map((g) => [g.service, g.type, g.messagePattern, g.count]),
      [
        ['checkout', 'UserNotFound', 'user <num> not found', 7],
        ['checkout', 'TimeoutError', 'timed out after <num>s', 2],
        ['payments', 'CardDeclined', 'card <num> declined', 1],
      ],
    );
    const [users] = groups;
    assert.ok(users !== undefined);
    assert.equal(users.firstSeenNs, (BigInt(H + 10) * NS + 1n).toString());
    assert.equal(users.lastSeenNs, (BigInt(H + 3590) * NS + 7n).toString());
    assert.equal(users.message, 'user 1007 not found');
    assert.equal(users.stacktrace, 'UserNotFound: user 1007 not found\n    at load (users.ts:7)');
    assert.deepEqual(
      users.samples,
      [7, 6, 5, 4, 3].map((n) => ({ traceId: hex(n, 32), spanId: hex(n, 16), timeNs: (BigInt(H + [10, 130, 135, 1300, 1310, 2400, 3590][n - 1]!) * NS + BigInt(n)).toString() })),
    );
  });

  it('gives a trend of counts per step over the whole range', async () => {
    const [users, timeouts] = await get('');
    const expected = new Array<number>(30).fill(0);
    for (const at of [10, 130, 135, 1300, 1310, 2400, 3590]) expected[Math.floor(at / 120)]! += 1;
    assert.deepEqual(users?.trend, { startMs: H * 1000, stepSeconds: 120, counts: expected });
    assert.deepEqual(timeouts?.trend.counts, expected.map((_, step) => (step === 1 ? 2 : 0)));
  });

  it('filters by service and environment and keeps the top N groups', async () => {
    assert.deepEqual((await get('&service=payments')).map((g) => g.type), ['CardDeclined']);
    assert.deepEqual((await get('&environment=prod')).map((g) => g.type), ['CardDeclined']);
    assert.deepEqual((await get('&limit=1')).map((g) => g.type), ['UserNotFound']);
    assert.deepEqual(await get('&service=nobody'), []);
  });

  it('rejects bad parameters with 400', async () => {
    for (const bad of [`${RANGE}&limit=0`, `${RANGE}&limit=501`, `${RANGE}&service=`, `start=${H * 1000}`, `start=${(H + 60) * 1000}&end=${H * 1000}`]) {
      const reply = await call(app, 'GET', `/api/v1/apm/exceptions?${bad}`);
      assert.equal(reply.status, 400, bad);
    }
  });
});
