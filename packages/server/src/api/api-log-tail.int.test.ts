import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ErrorResponse, LogRecord, LogSearchResponse, LogTailMessage } from '@sightline/contract';
import { AppError, ErrorCodes } from '../errors.ts';
import type { LogRow } from '../signals/log-record.ts';
import type { Store } from '../storage/store.ts';
import { call, ms, testApp } from '../../test/support/api-app.ts';
import { insertLogs } from '../../test/support/api-insert.ts';
import { log, SECOND } from '../../test/support/api-log-data.ts';
import { paymentsResource } from '../../test/support/api-trace-data.ts';
import { SseClient } from '../../test/support/api-sse.ts';
import { BASE_TIME_NS } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const TIMING = { pollMs: 40, keepaliveMs: 150 };

/** A named checkout record (payments with `service: 'payments'`) at `second` seconds after BASE_TIME_NS. */
function row(name: string, second: number, severity: number, overrides: Partial<LogRow> = {}): LogRow {
  return log(name, BigInt(second) * SECOND, severity, '', name, overrides)[1];
}

const nameOf = (record: LogRecord): string => ('stringValue' in record.body ? record.body.stringValue : '?');
const messages = (client: SseClient): LogTailMessage[] =>
  client.events.filter((event) => event.event === 'logs').map((event) => JSON.parse(event.data) as LogTailMessage);
const received = (client: SseClient): string[] => messages(client).flatMap((message) => message.logs.map(nameOf));
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
/** Active timers of this process (the tail's poll and keepalive timers among them). */
const activeTimers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

async function waitForTimers(count: number): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (activeTimers() !== count && Date.now() < deadline) await sleep(20);
}

describe('live tail of logs (Server-Sent Events)', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  let base: string;
  before(async () => {
    temp = await openTempStore();
    // Stored before any tail opens: never streamed.
    await insertLogs(temp.store, [row('backlog', 0, 17)]);
    app = testApp(temp.store, {}, undefined, { tail: TIMING });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const open = (query: string) => SseClient.open(`${base}/api/v1/logs/tail?${query}`);
  const connected = (client: SseClient) => client.waitFor(() => client.comments.includes('connected'), 'the stream to open');

  it('streams matching records stored after it opened, each once, newest last, and nothing else', async () => {
    const client = await open('service=checkout&severityMin=13');
    try {
      assert.equal(client.response.statusCode, 200);
      assert.equal(client.response.headers['content-type'], 'text/event-stream; charset=utf-8');
      assert.equal(client.response.headers['cache-control'], 'no-cache, no-transform');
      await connected(client);
      await insertLogs(temp.store, [row('match-1', 1, 17), row('other-service', 1, 17, { resource: paymentsResource }), row('too-low', 1, 9)]);
      await client.waitFor(() => received(client).includes('match-1'), 'match-1');
      // One insert, two records: one message, ordered by time.
      await insertLogs(temp.store, [row('match-3', 3, 21), row('match-2', 2, 13)]);
      await client.waitFor(() => received(client).includes('match-3'), 'match-3');
      await sleep(10 * TIMING.pollMs);
      assert.deepEqual(messages(client).map((message) => message.logs.map(nameOf)), [['match-1'], ['match-2', 'match-3']]);
      // Each record as search returns it.
      const search = await call<LogSearchResponse>(app, 'POST', '/api/v1/logs/search', {
        start: ms(BASE_TIME_NS),
        end: ms(BASE_TIME_NS) + 10_000,
        bodyContains: 'match-',
        order: 'asc',
      });
      assert.deepEqual(messages(client).flatMap((message) => message.logs), search.body.logs);
      assert.ok(messages(client).every((message) => !('truncated' in message)));
    } finally {
      client.close();
    }
  });

  it('filters by attributes given as JSON, and by body text', async () => {
    const attributes = encodeURIComponent(JSON.stringify([{ key: 'user.id', op: 'equals', value: 'u9' }]));
    const byAttribute = await open(`attributes=${attributes}`);
    const byBody = await open('bodyContains=WANTED');
    try {
      await connected(byAttribute);
      await connected(byBody);
      await insertLogs(temp.store, [
        row('user u9', 4, 9, { attributes: [{ key: 'user.id', value: { kind: 'string', value: 'u9' } }] }),
        row('user u8', 4, 9, { attributes: [{ key: 'user.id', value: { kind: 'string', value: 'u8' } }] }),
        row('the wanted one', 4, 9),
      ]);
      await byAttribute.waitFor(() => received(byAttribute).length > 0, 'the u9 record');
      await byBody.waitFor(() => received(byBody).length > 0, 'the wanted record');
      await sleep(5 * TIMING.pollMs);
      assert.deepEqual(received(byAttribute), ['user u9']);
      assert.deepEqual(received(byBody), ['the wanted one']);
    } finally {
      byAttribute.close();
      byBody.close();
    }
  });

  it('sends at most 500 records per message: the newest, flagged truncated', async () => {
    const client = await open('bodyContains=bulk-line');
    try {
      await connected(client);
      const lines = Array.from({ length: 600 }, (_, index) => log(`bulk-line ${index}`, 5n * SECOND + BigInt(index) * 1_000n, 9, '', `bulk-line ${index}`)[1]);
      await insertLogs(temp.store, lines);
      await client.waitFor(() => messages(client).length > 0, 'the bulk message');
      await sleep(5 * TIMING.pollMs);
      const [message, ...rest] = messages(client);
      assert.deepEqual(rest, []);
      assert.equal(message?.truncated, true);
      assert.deepEqual(message.logs.map(nameOf), Array.from({ length: 500 }, (_, index) => `bulk-line ${index + 100}`));
    } finally {
      client.close();
    }
  });

  it('sends keepalive comments while nothing arrives', async () => {
    const client = await open('service=nobody');
    try {
      await connected(client);
      await client.waitFor(() => client.comments.filter((comment) => comment === 'keepalive').length >= 2, 'two keepalives');
      assert.deepEqual(client.events, []);
    } finally {
      client.close();
    }
  });

  it('stops polling and clears its timers when the client disconnects', async () => {
    await sleep(100);
    const idle = activeTimers();
    const client = await open('service=checkout');
    await connected(client);
    await sleep(3 * TIMING.pollMs);
    assert.ok(activeTimers() > idle, 'the tail runs timers while open');
    client.close();
    await waitForTimers(idle);
    assert.equal(activeTimers(), idle);
  });

  it('answers invalid filters with a JSON error before streaming', async () => {
    const cases: [string, string][] = [
      ['severityMin=30', 'severityMin: Too big: expected number to be <=24'],
      ['severityMin=9&severityMax=5', 'severityMax: must not be below severityMin'],
      ['attributes=[oops', 'attributes: expected JSON'],
      ['traceId=xyz', 'traceId: expected 32 hex digits'],
    ];
    for (const [query, message] of cases) {
      assert.deepEqual(await call(app, 'GET', `/api/v1/logs/tail?${query}`), { status: 400, body: { error: { code: 'QUERY_INVALID', message } } }, query);
    }
  });
});

describe('live tail endings', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('ends open streams when the server closes', async () => {
    const app = testApp(temp.store, {}, undefined, { tail: TIMING });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const client = await SseClient.open(`${base}/api/v1/logs/tail`);
    await client.waitFor(() => client.comments.includes('connected'), 'the stream to open');
    await app.close();
    await client.ended;
    assert.equal(client.response.complete, true, 'the server ended the response');
  });

  it('reports a failing poll as a tail-error event and ends the stream', async () => {
    let failing = false;
    const store: Store = {
      kind: temp.store.kind,
      query: (query, limits) => (failing ? Promise.reject(new AppError(ErrorCodes.QUERY_TIMEOUT, 'took too long')) : temp.store.query(query, limits)),
      command: (statement) => temp.store.command(statement),
      insertRowBinary: (target, chunks) => temp.store.insertRowBinary(target, chunks),
      close: () => Promise.resolve(),
    };
    const app = testApp(store, {}, undefined, { tail: TIMING });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const client = await SseClient.open(`${base}/api/v1/logs/tail`);
      await client.waitFor(() => client.comments.includes('connected'), 'the stream to open');
      failing = true;
      await client.ended;
      const errors = client.events.filter((event) => event.event === 'tail-error').map((event) => JSON.parse(event.data) as ErrorResponse);
      assert.deepEqual(errors, [{ error: { code: 'QUERY_TIMEOUT', message: 'took too long' } }]);
    } finally {
      await app.close();
    }
  });
});
