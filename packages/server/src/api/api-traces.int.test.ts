import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { SpanSearchRequest, SpanSearchResponse, TraceResponse } from '@sightline/contract';
import { call, ms, testApp } from '../../test/support/api-app.ts';
import { insertSpans } from '../../test/support/api-insert.ts';
import { allSpans, MS, SPAN, TRACE_A, TRACE_B, TRACE_C, batchSpans } from '../../test/support/api-trace-data.ts';
import { BASE_TIME_NS, idBytes, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import type { SpanRow } from '../signals/span.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const range = { start: ms(BASE_TIME_NS) - 3_600_000, end: ms(BASE_TIME_NS) + 3_600_000 };

/** The expected order of spans for a sort, computed from the fixture. */
function expectedOrder(spans: readonly SpanRow[], sort: 'timestamp' | 'duration', order: 'asc' | 'desc'): string[] {
  const key = (s: SpanRow): string[] => [
    ...(sort === 'duration' ? [(s.endTimeUnixNano - s.startTimeUnixNano).toString().padStart(20, '0')] : []),
    s.startTimeUnixNano.toString().padStart(20, '0'),
    hex(s.traceId),
    hex(s.spanId),
  ];
  const sorted = [...spans].sort((a, b) => (key(a).join('|') < key(b).join('|') ? -1 : 1));
  return (order === 'asc' ? sorted : sorted.reverse()).map((s) => hex(s.spanId));
}

describe('traces API', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertSpans(temp.store, allSpans.slice(0, 3));
    await insertSpans(temp.store, allSpans.slice(3));
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const search = async (body: Partial<SpanSearchRequest>): Promise<string[]> => {
    const reply = await call<SpanSearchResponse>(app, 'POST', '/api/v1/spans/search', { ...range, limit: 1000, ...body });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.spans.map((s) => s.spanId);
  };
  const sorted = (ids: string[]): string[] => [...ids].sort();

  it('returns a trace by id with every field of every span', async () => {
    const reply = await call<TraceResponse>(app, 'GET', `/api/v1/traces/${TRACE_A.toUpperCase()}`);
    assert.equal(reply.status, 200);
    const { spans, ...trace } = reply.body;
    assert.deepEqual(trace, {
      traceId: TRACE_A,
      startTimeUnixNano: BASE_TIME_NS.toString(),
      endTimeUnixNano: (BASE_TIME_NS + 100n * MS).toString(),
      spanCount: 3,
      truncated: false,
    });
    assert.deepEqual(spans.map((s) => s.spanId), [SPAN.s1, SPAN.s2, SPAN.s3]);
    assert.deepEqual(spans[0], {
      traceId: TRACE_A,
      spanId: SPAN.s1,
      parentSpanId: '',
      traceState: 'vendor=1',
      flags: 1,
      name: 'GET /cart',
      kind: 2,
      startTimeUnixNano: BASE_TIME_NS.toString(),
      endTimeUnixNano: (BASE_TIME_NS + 100n * MS).toString(),
      durationNs: '100000000',
      status: { code: 0, message: '' },
      serviceName: 'checkout',
      attributes: {
        blob: { bytesValue: 'AQID' },
        'cache.hit': { boolValue: true },
        'http.request.method': { stringValue: 'GET' },
        'http.response.status_code': { intValue: '200' },
        meta: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } },
        nothing: {},
        ratio: { doubleValue: 0.25 },
        tags: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }] } },
        weird: { doubleValue: 'NaN' },
      },
      droppedAttributesCount: 2,
      events: [
        {
          timeUnixNano: (BASE_TIME_NS + 5n * MS + 7n).toString(),
          name: 'cache miss',
          attributes: { key: { stringValue: 'cart:1' }, tries: { intValue: '3' } },
          droppedAttributesCount: 1,
        },
      ],
      droppedEventsCount: 3,
      links: [{ traceId: TRACE_B, spanId: SPAN.s4, traceState: 'other=2', flags: 257, attributes: { reason: { stringValue: 'retry' } }, droppedAttributesCount: 5 }],
      droppedLinksCount: 4,
      resource: {
        attributes: { 'host.name': { stringValue: 'vm-1' }, 'process.pid': { intValue: '1234' }, 'service.name': { stringValue: 'checkout' } },
        droppedAttributesCount: 1,
        schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
      },
      scope: { name: 'cart-lib', version: '2.0.0', attributes: { 'lib.flag': { boolValue: false } }, droppedAttributesCount: 6, schemaUrl: 'https://scope/schema' },
    });
    assert.deepEqual(
      { parent: spans[1]?.parentSpanId, status: spans[1]?.status, service: spans[2]?.serviceName, pid: spans[2]?.resource.attributes['process.pid'] },
      { parent: SPAN.s1, status: { code: 2, message: 'boom' }, service: 'payments', pid: { intValue: '99' } },
    );
  });

  it('narrows a trace to a time range and answers 404 for unknown traces', async () => {
    const narrowed = await call<TraceResponse>(app, 'GET', `/api/v1/traces/${TRACE_A}?start=${ms(BASE_TIME_NS + 10n * MS)}&end=${ms(BASE_TIME_NS + 50n * MS)}`);
    assert.deepEqual(narrowed.body.spans.map((s) => s.spanId), [SPAN.s2]);
    const unknown = await call(app, 'GET', `/api/v1/traces/${'e'.repeat(32)}`);
    assert.deepEqual(unknown, { status: 404, body: { error: { code: 'NOT_FOUND', message: `trace ${'e'.repeat(32)} not found` } } });
    const bad = await call(app, 'GET', '/api/v1/traces/xyz');
    assert.deepEqual(bad, { status: 400, body: { error: { code: 'QUERY_INVALID', message: 'traceId: expected 32 hex digits' } } });
  });

  it('returns span summaries with the promoted http fields', async () => {
    const reply = await call<SpanSearchResponse>(app, 'POST', '/api/v1/spans/search', { ...range, traceId: TRACE_B });
    assert.deepEqual(reply.body, {
      spans: [
        {
          traceId: TRACE_B,
          spanId: SPAN.s4,
          parentSpanId: '',
          serviceName: 'payments',
          name: 'POST /pay',
          kind: 2,
          startTimeUnixNano: (BASE_TIME_NS + 200n * MS).toString(),
          durationNs: '500000000',
          statusCode: 0,
          httpMethod: 'POST',
          httpRoute: '/pay',
          httpStatusCode: 201,
        },
      ],
      nextCursor: null,
    });
  });

  it('filters by service, operation, duration, status, kind, root and trace id', async () => {
    assert.deepEqual(sorted(await search({ service: 'payments' })), [SPAN.s3, SPAN.s4]);
    assert.deepEqual(sorted(await search({ operation: 'GET /cart' })), [SPAN.s1, SPAN.s5]);
    assert.deepEqual(sorted(await search({ minDurationNs: 100_000_000 })), [SPAN.s1, SPAN.s4, SPAN.s5]);
    assert.deepEqual(sorted(await search({ minDurationNs: '30000000', maxDurationNs: '40000000' })), [SPAN.s2, SPAN.s3]);
    assert.deepEqual(await search({ statusCode: 2 }), [SPAN.s2]);
    assert.deepEqual(await search({ kind: 3 }), [SPAN.s2]);
    assert.deepEqual(sorted(await search({ rootOnly: true })), [SPAN.s1, SPAN.s4, SPAN.s5]);
    assert.deepEqual(sorted(await search({ traceId: TRACE_A })), [SPAN.s1, SPAN.s2, SPAN.s3]);
    assert.deepEqual(await search({ traceId: TRACE_C, service: 'payments' }), []);
  });

  it('filters by attributes of every type and by resource attributes', async () => {
    const attr = (key: string, op: 'equals' | 'not_equals' | 'exists' | 'not_exists' | 'contains', value?: string) => ({
      attributes: [{ key, op, ...(value === undefined ? {} : { value }) }],
    });
    assert.deepEqual(await search(attr('http.response.status_code', 'equals', '200')), [SPAN.s1]);
    assert.deepEqual(await search(attr('ratio', 'equals', '0.25')), [SPAN.s1]);
    assert.deepEqual(await search(attr('cache.hit', 'equals', 'true')), [SPAN.s1]);
    assert.deepEqual(await search(attr('amount', 'equals', '42')), [SPAN.s3]);
    assert.deepEqual(await search(attr('customer', 'contains', 'acme')), [SPAN.s5]);
    assert.deepEqual(await search(attr('note', 'contains', '0% s')), [SPAN.s3]);
    assert.deepEqual(await search(attr('code', 'contains', 'a_b')), [SPAN.s3]);
    assert.deepEqual(await search(attr('blob', 'exists')), [SPAN.s1]);
    assert.deepEqual(await search(attr('db.system', 'exists')), [SPAN.s2]);
    assert.deepEqual(sorted(await search({ service: 'checkout', ...attr('http.request.method', 'not_exists') })), [SPAN.s2]);
    assert.deepEqual(sorted(await search({ service: 'checkout', ...attr('http.request.method', 'not_equals', 'GET') })), [SPAN.s2]);
    assert.deepEqual(
      sorted(await search({ resourceAttributes: [{ key: 'process.pid', op: 'equals', value: '1234' }] })),
      [SPAN.s1, SPAN.s2, SPAN.s5],
    );
    assert.deepEqual(
      await search({ resourceAttributes: [{ key: 'host.name', op: 'exists' }], attributes: [{ key: 'customer', op: 'exists' }] }),
      [SPAN.s5],
    );
  });

  it('accepts the same search as GET query parameters', async () => {
    const filters = encodeURIComponent(JSON.stringify([{ key: 'http.request.method', op: 'equals', value: 'GET' }]));
    const reply = await call<SpanSearchResponse>(
      app,
      'GET',
      `/api/v1/spans/search?start=${range.start}&end=${range.end}&kind=2&rootOnly=true&sort=duration&order=asc&attributes=${filters}`,
    );
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.spans.map((s) => s.spanId), [SPAN.s1, SPAN.s5]);
  });

  for (const sort of ['timestamp', 'duration'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`sorts by ${sort} ${order} and pages through every span exactly once`, async () => {
        const expected = expectedOrder(allSpans, sort, order);
        assert.deepEqual(await search({ sort, order }), expected);
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 20; page++) {
          const reply = await call<SpanSearchResponse>(app, 'POST', '/api/v1/spans/search', { ...range, sort, order, limit: 7, ...(cursor === undefined ? {} : { cursor }) });
          assert.equal(reply.status, 200);
          assert.ok(reply.body.spans.length <= 7);
          seen.push(...reply.body.spans.map((s) => s.spanId));
          if (reply.body.nextCursor === null) break;
          cursor = reply.body.nextCursor;
        }
        assert.deepEqual(seen, expected);
      });
    }
  }

  it('rejects a cursor from another sort order', async () => {
    const first = await call<SpanSearchResponse>(app, 'POST', '/api/v1/spans/search', { ...range, limit: 2 });
    const reply = await call(app, 'POST', '/api/v1/spans/search', { ...range, sort: 'duration', cursor: first.body.nextCursor });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body, { error: { code: 'QUERY_INVALID', message: 'cursor: not a cursor from this search (it may belong to another sort order)' } });
  });

  it('keeps paging stable while newer spans arrive', async () => {
    const body = { ...range, service: 'batch', limit: 10 };
    const first = await call<SpanSearchResponse>(app, 'POST', '/api/v1/spans/search', body);
    await insertSpans(temp.store, [
      sampleSpan({ traceId: idBytes('f'.repeat(32)), spanId: idBytes('f'.repeat(16)), startTimeUnixNano: BASE_TIME_NS + 2_000n * MS, endTimeUnixNano: BASE_TIME_NS + 2_001n * MS, resource: batchSpans[0]!.resource }),
    ]);
    const seen = first.body.spans.map((s) => s.spanId);
    let cursor = first.body.nextCursor;
    while (cursor !== null) {
      const reply = await call<SpanSearchResponse>(app, 'POST', '/api/v1/spans/search', { ...body, cursor });
      seen.push(...reply.body.spans.map((s) => s.spanId));
      cursor = reply.body.nextCursor;
    }
    assert.deepEqual(seen, expectedOrder(batchSpans, 'timestamp', 'desc'));
  });
});
