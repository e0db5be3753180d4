import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { TraceScatterResponse, TraceSearchRequest, TraceSearchResponse, TraceSummary } from '@sightline/contract';
import { call, ms, testApp } from '../../test/support/api-app.ts';
import { insertSpans } from '../../test/support/api-insert.ts';
import { allSpans, MS, TRACE_A, TRACE_B, TRACE_C, TRACE_D } from '../../test/support/api-trace-data.ts';
import { BASE_TIME_NS, idBytes, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const range = { start: ms(BASE_TIME_NS) - 3_600_000, end: ms(BASE_TIME_NS) + 3_600_000 };

/** The fixture's traces as the search summarizes them (see test/support/api-trace-data.ts). */
const SUMMARIES: Record<string, TraceSummary> = {
  [TRACE_A]: {
    traceId: TRACE_A,
    startTimeUnixNano: BASE_TIME_NS.toString(),
    durationNs: '100000000',
    rootServiceName: 'checkout',
    rootName: 'GET /cart',
    spanCount: 3,
    errorCount: 1,
    serviceNames: ['checkout', 'payments'],
  },
  [TRACE_B]: {
    traceId: TRACE_B,
    startTimeUnixNano: (BASE_TIME_NS + 200n * MS).toString(),
    durationNs: '500000000',
    rootServiceName: 'payments',
    rootName: 'POST /pay',
    spanCount: 1,
    errorCount: 0,
    serviceNames: ['payments'],
  },
  [TRACE_C]: {
    traceId: TRACE_C,
    startTimeUnixNano: (BASE_TIME_NS + 300n * MS).toString(),
    durationNs: '100000000',
    rootServiceName: 'checkout',
    rootName: 'GET /cart',
    spanCount: 1,
    errorCount: 0,
    serviceNames: ['checkout'],
  },
  // No root span: the earliest span (lowest span id among the earliest) stands in.
  [TRACE_D]: {
    traceId: TRACE_D,
    startTimeUnixNano: (BASE_TIME_NS + 1_000n * MS).toString(),
    durationNs: '0',
    rootServiceName: 'batch',
    rootName: 'job-0',
    spanCount: 25,
    errorCount: 0,
    serviceNames: ['batch'],
  },
};

describe('trace search and scatter API', () => {
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

  const searchReply = (body: Partial<TraceSearchRequest>) => call<TraceSearchResponse>(app, 'POST', '/api/v1/traces/search', { ...range, ...body });
  const search = async (body: Partial<TraceSearchRequest>): Promise<string[]> => {
    const reply = await searchReply(body);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.traces.map((trace) => trace.traceId);
  };

  it('summarizes every matching trace from its root span, newest first by default', async () => {
    const reply = await searchReply({});
    assert.deepEqual(reply, {
      status: 200,
      body: { traces: [SUMMARIES[TRACE_D], SUMMARIES[TRACE_C], SUMMARIES[TRACE_B], SUMMARIES[TRACE_A]], nextCursor: null },
    });
  });

  it('matches a trace when one of its spans meets every filter, and summarizes the whole trace', async () => {
    const payments = await searchReply({ service: 'payments' });
    assert.deepEqual(payments.body.traces, [SUMMARIES[TRACE_B], SUMMARIES[TRACE_A]]);
    assert.deepEqual(await search({ operation: 'GET /cart' }), [TRACE_C, TRACE_A]);
    assert.deepEqual(await search({ status: 'error' }), [TRACE_A]);
    assert.deepEqual(await search({ status: 'ok' }), [TRACE_A]);
    assert.deepEqual(await search({ status: 'unset' }), [TRACE_D, TRACE_C, TRACE_B, TRACE_A]);
    assert.deepEqual(await search({ kind: 3 }), [TRACE_A]);
    assert.deepEqual(await search({ minDurationNs: 200_000_000 }), [TRACE_B]);
    assert.deepEqual(await search({ minDurationNs: '30000000', maxDurationNs: '40000000' }), [TRACE_A]);
    assert.deepEqual(await search({ maxDurationNs: 0 }), [TRACE_D]);
    assert.deepEqual(await search({ attributes: [{ key: 'customer', op: 'contains', value: 'acme' }] }), [TRACE_C]);
    assert.deepEqual(await search({ resourceAttributes: [{ key: 'process.pid', op: 'equals', value: '99' }] }), [TRACE_B, TRACE_A]);
    assert.deepEqual(await search({ service: 'checkout', status: 'error' }), [TRACE_A]);
    // Every filter must hold for the same span: s2 is the client span, s3 the payments span.
    assert.deepEqual(await search({ service: 'payments', kind: 3 }), []);
  });

  it('finds a trace by a span in the range and still counts its spans outside it', async () => {
    // Only span s2 of trace A (at +10 ms) lies in this range; its root starts before it.
    const reply = await searchReply({ start: ms(BASE_TIME_NS + 10n * MS), end: ms(BASE_TIME_NS + 45n * MS) });
    assert.deepEqual(reply.body, { traces: [SUMMARIES[TRACE_A]], nextCursor: null });
  });

  it('sorts by the matching spans: earliest start or longest duration, ties by trace id', async () => {
    assert.deepEqual(await search({ order: 'asc' }), [TRACE_A, TRACE_B, TRACE_C, TRACE_D]);
    assert.deepEqual(await search({ sort: 'duration' }), [TRACE_B, TRACE_C, TRACE_A, TRACE_D]);
    assert.deepEqual(await search({ sort: 'duration', order: 'asc' }), [TRACE_D, TRACE_A, TRACE_C, TRACE_B]);
    // Trace A's payments span (s3) starts at +50 ms and lasts 40 ms.
    assert.deepEqual(await search({ service: 'payments', order: 'asc' }), [TRACE_A, TRACE_B]);
    assert.deepEqual(await search({ service: 'checkout', sort: 'duration', order: 'asc' }), [TRACE_A, TRACE_C]);
  });

  for (const sort of ['start', 'duration'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages by ${sort} ${order} through every trace exactly once`, async () => {
        const expected = await search({ sort, order });
        assert.equal(expected.length, 4);
        for (const limit of [1, 3]) {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const reply: { status: number; body: TraceSearchResponse } = await searchReply({ sort, order, limit, ...(cursor === null ? {} : { cursor }) });
            assert.equal(reply.status, 200, JSON.stringify(reply.body));
            assert.ok(reply.body.traces.length <= limit);
            seen.push(...reply.body.traces.map((trace) => trace.traceId));
            cursor = reply.body.nextCursor;
          } while (cursor !== null);
          assert.deepEqual(seen, expected, `limit ${limit}`);
        }
      });
    }
  }

  it('returns one scatter point per matching trace from its root span, by start time', async () => {
    const point = (trace: string, error: boolean) => {
      const summary = SUMMARIES[trace]!;
      return { traceId: trace, startTimeUnixNano: summary.startTimeUnixNano, durationNs: summary.durationNs, error };
    };
    const all = await call<TraceScatterResponse>(app, 'POST', '/api/v1/traces/scatter', range);
    assert.deepEqual(all, {
      status: 200,
      body: { points: [point(TRACE_A, true), point(TRACE_B, false), point(TRACE_C, false), point(TRACE_D, false)], truncated: false },
    });
    const filtered = await call<TraceScatterResponse>(app, 'POST', '/api/v1/traces/scatter', { ...range, service: 'payments', minDurationNs: 40_000_000 });
    assert.deepEqual(filtered.body, { points: [point(TRACE_A, true), point(TRACE_B, false)], truncated: false });
  });

  it('rejects invalid searches naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/v1/traces/search', { end: range.end }, 'start: is required'],
      ['/api/v1/traces/search', { ...range, status: 'failed' }, 'status: Invalid option: expected one of "unset"|"ok"|"error"'],
      ['/api/v1/traces/search', { ...range, sort: 'timestamp' }, 'sort: Invalid option: expected one of "start"|"duration"'],
      ['/api/v1/traces/search', { ...range, minDurationNs: -1 }, 'minDurationNs: Too small: expected number to be >=0'],
      ['/api/v1/traces/search', { ...range, cursor: 'garbage' }, 'cursor: not a cursor from this search (it may belong to another sort order)'],
      ['/api/v1/traces/scatter', { start: range.end, end: range.start }, 'end: must be after start'],
      ['/api/v1/traces/scatter', { ...range, kind: 9 }, 'kind: Too big: expected number to be <=5'],
    ];
    for (const [url, body, message] of cases) {
      const reply = await call(app, 'POST', url, body);
      assert.deepEqual(reply, { status: 400, body: { error: { code: 'QUERY_INVALID', message } } }, JSON.stringify(body));
    }
    const first = await searchReply({ limit: 1 });
    const foreign = await searchReply({ sort: 'duration', cursor: first.body.nextCursor ?? '' });
    assert.equal(foreign.status, 400);
  });
});

describe('trace scatter over more traces than it shows', () => {
  const TRACES = 2_003;
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    // Trace i: one root span lasting (i + 1) µs; the three fastest do not fit.
    const spans = Array.from({ length: TRACES }, (_, index) =>
      sampleSpan({
        traceId: idBytes((index + 1).toString(16).padStart(32, '0')),
        spanId: idBytes((index + 1).toString(16).padStart(16, '0')),
        startTimeUnixNano: BASE_TIME_NS + BigInt(index) * MS,
        endTimeUnixNano: BASE_TIME_NS + BigInt(index) * MS + BigInt(index + 1) * 1_000n,
      }),
    );
    await insertSpans(temp.store, spans);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const point = (index: number) => ({
    traceId: (index + 1).toString(16).padStart(32, '0'),
    startTimeUnixNano: (BASE_TIME_NS + BigInt(index) * MS).toString(),
    durationNs: ((index + 1) * 1_000).toString(),
    error: false,
  });

  it('keeps the 2,000 slowest traces and says it truncated', async () => {
    const reply = await call<TraceScatterResponse>(app, 'POST', '/api/v1/traces/scatter', range);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.truncated, true);
    // Ids like …0100 end in a zero byte: they must be found like any other.
    assert.deepEqual(reply.body.points, Array.from({ length: 2_000 }, (_, offset) => point(offset + 3)));
    const fastest = await call<TraceScatterResponse>(app, 'POST', '/api/v1/traces/scatter', { ...range, maxDurationNs: 3_000 });
    assert.deepEqual(fastest.body, { points: [point(0), point(1), point(2)], truncated: false });
  });

  it('pages trace search through all of them', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const reply: { status: number; body: TraceSearchResponse } = await call(app, 'POST', '/api/v1/traces/search', { ...range, limit: 1000, ...(cursor === null ? {} : { cursor }) });
      assert.equal(reply.status, 200);
      for (const trace of reply.body.traces) seen.add(trace.traceId);
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    assert.equal(seen.size, TRACES);
  });
});
