import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { LogSearchRequest, LogSearchResponse } from '@sightline/contract';
import { call, ms, testApp } from '../../test/support/api-app.ts';
import { insertLogs } from '../../test/support/api-insert.ts';
import { allLogs, nameOfBody, namedLogs } from '../../test/support/api-log-data.ts';
import { MS, SPAN, TRACE_A } from '../../test/support/api-trace-data.ts';
import { BASE_TIME_NS } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const range = { start: ms(BASE_TIME_NS) - 3_600_000, end: ms(BASE_TIME_NS) + 3_600_000 };
const ticks = Array.from({ length: 10 }, (_, index) => `tick-${index}`);

describe('logs API', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertLogs(temp.store, allLogs.slice(0, 6));
    await insertLogs(temp.store, allLogs.slice(6));
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const searchReply = (body: Partial<LogSearchRequest>) => call<LogSearchResponse>(app, 'POST', '/api/v1/logs/search', { ...range, limit: 1000, ...body });
  const search = async (body: Partial<LogSearchRequest>): Promise<string[]> => {
    const reply = await searchReply(body);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.logs.map((record) => nameOfBody(record.body) ?? '?');
  };

  it('returns full records, newest first by default', async () => {
    const reply = await searchReply({ traceId: TRACE_A });
    const id = reply.body.logs[0]?.id ?? '';
    assert.match(id, /^\d{1,20}$/);
    assert.deepEqual(reply.body, {
      logs: [
        {
          id,
          timestampUnixNano: (BASE_TIME_NS + 1_000n * MS).toString(),
          timeUnixNano: (BASE_TIME_NS + 1_000n * MS).toString(),
          observedTimeUnixNano: (BASE_TIME_NS + 1_000n * MS + 1_000n).toString(),
          traceId: TRACE_A,
          spanId: SPAN.s1,
          flags: 1,
          severityNumber: 9,
          severityText: 'INFO',
          body: { stringValue: 'User Login OK' },
          eventName: 'auth.login',
          serviceName: 'checkout',
          attributes: { 'user.id': { stringValue: 'u1' } },
          droppedAttributesCount: 2,
          resource: {
            attributes: { 'host.name': { stringValue: 'vm-1' }, 'process.pid': { intValue: '1234' }, 'service.name': { stringValue: 'checkout' } },
            droppedAttributesCount: 1,
            schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
          },
          scope: { name: 'test-scope', version: '1.2.3', attributes: {}, droppedAttributesCount: 0, schemaUrl: '' },
        },
      ],
      nextCursor: null,
    });
    assert.deepEqual(await search({ spanId: SPAN.s1.toUpperCase() }), ['login']);
    const newestFirst = await search({});
    assert.deepEqual(newestFirst.slice(0, 2), ['failed', 'structured']);
    assert.deepEqual([...newestFirst.slice(2, 12)].sort(), [...ticks].sort());
    assert.deepEqual(newestFirst.slice(12), ['no-underscore', 'underscore', 'disk-x', 'disk-percent', 'login']);
    const oldestFirst = await search({ order: 'asc' });
    assert.deepEqual(oldestFirst, [...newestFirst].reverse());
  });

  it('returns a non-string body as its AnyValue and places a record without time at its observed time', async () => {
    const reply = await searchReply({ bodyContains: 'structured' });
    const [record] = reply.body.logs;
    assert.deepEqual(
      { body: record?.body, time: record?.timeUnixNano, timestamp: record?.timestampUnixNano, trace: record?.traceId, span: record?.spanId },
      {
        body: { kvlistValue: { values: [{ key: 'msg', value: { stringValue: 'structured' } }, { key: 'n', value: { intValue: '7' } }] } },
        time: '0',
        timestamp: (BASE_TIME_NS + 6_000n * MS).toString(),
        trace: '',
        span: '',
      },
    );
  });

  it('matches body text case-insensitively, with % and _ taken literally', async () => {
    assert.deepEqual(await search({ bodyContains: 'LOGIN', order: 'asc' }), ['login', 'failed']);
    assert.deepEqual(await search({ bodyContains: '100%' }), ['disk-percent']);
    assert.deepEqual(await search({ bodyContains: 'e_n' }), ['underscore']);
    assert.deepEqual(await search({ bodyContains: 'disk 100' }), ['disk-x', 'disk-percent']);
  });

  it('filters by severity range, service, attributes and resource attributes', async () => {
    assert.deepEqual(await search({ severityMin: 13, severityMax: 17, order: 'asc' }), ['disk-percent', 'disk-x', 'failed']);
    assert.deepEqual(await search({ severityMin: 17 }), ['disk-percent']);
    assert.deepEqual(await search({ service: 'payments' }), ['disk-x']);
    assert.deepEqual(await search({ attributes: [{ key: 'user.id', op: 'equals', value: 'u2' }] }), ['failed']);
    assert.deepEqual(await search({ attributes: [{ key: 'attempt', op: 'equals', value: '3' }] }), ['failed']);
    assert.deepEqual(await search({ attributes: [{ key: 'user.id', op: 'exists' }], order: 'asc' }), ['login', 'failed']);
    assert.deepEqual(await search({ resourceAttributes: [{ key: 'process.pid', op: 'equals', value: '99' }] }), ['disk-x']);
  });

  for (const order of ['asc', 'desc'] as const) {
    it(`pages ${order} through every record exactly once, ties included`, async () => {
      const full = await search({ order });
      assert.equal(full.length, namedLogs.size);
      assert.deepEqual([...full].sort(), [...namedLogs.keys()].sort());
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const reply: { status: number; body: LogSearchResponse } = await searchReply({ order, limit: 4, ...(cursor === null ? {} : { cursor }) });
        assert.equal(reply.status, 200);
        seen.push(...reply.body.logs.map((record) => nameOfBody(record.body) ?? '?'));
        cursor = reply.body.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, full);
    });
  }

  it('rejects invalid searches naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ end: range.end }, 'start: is required'],
      [{ ...range, severityMin: 30 }, 'severityMin: Too big: expected number to be <=24'],
      [{ ...range, severityMin: 10, severityMax: 5 }, 'severityMax: must not be below severityMin'],
      [{ ...range, traceId: 'abc' }, 'traceId: expected 32 hex digits'],
      [{ ...range, attributes: [{ key: 'a', op: 'contains' }] }, 'attributes.0.value: is required for contains'],
      [{ start: range.end, end: range.start }, 'end: must be after start'],
      [{ ...range, cursor: 'garbage' }, 'cursor: not a cursor from this search (it may belong to another sort order)'],
    ];
    for (const [body, message] of cases) {
      const reply = await call(app, 'POST', '/api/v1/logs/search', body);
      assert.deepEqual(reply, { status: 400, body: { error: { code: 'QUERY_INVALID', message } } }, JSON.stringify(body));
    }
  });
});
