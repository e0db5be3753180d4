import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Span, SpanSearchRequest, SpanSummary } from '@sightline/contract';
import { SdkApi, type MsRange } from '../support/sdk-api.ts';
import { byStartThenIds, expectedSpan, expectedSpanSummary, hrNanos } from '../support/sdk-expect.ts';
import { buildTraceScenario, SPAN_LIMITS } from '../support/sdk-trace-scenario.ts';
import { captureSdkWarnings, describeResult, exportThrough, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { serverForSuite } from '../support/server-process.ts';

const nanos = (span: ReadableSpan, which: 'startTime' | 'endTime'): bigint => BigInt(hrNanos(span[which]));
const durationOf = (span: ReadableSpan): bigint => nanos(span, 'endTime') - nanos(span, 'startTime');

describe('spans from the OpenTelemetry JS SDK come back exactly, over every OTLP transport', () => {
  const server = serverForSuite('sdk-traces');
  const warnings = captureSdkWarnings();
  const testStart = Date.now();
  let api: SdkApi;
  const range = (): MsRange => ({ start: testStart - 60_000, end: Date.now() + 60_000 });

  before(() => {
    api = new SdkApi(server().ports.api);
  });
  after(() => warnings.stop());

  /** Every page of a search, following the cursor. */
  async function searchAll(request: SpanSearchRequest): Promise<SpanSummary[]> {
    const found: SpanSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const response = await api.searchSpans({ ...request, ...(cursor === undefined ? {} : { cursor }) });
      found.push(...response.spans);
      if (response.nextCursor === null) return found;
      cursor = response.nextCursor;
    }
    throw new Error('more than 20 pages');
  }

  /** The API's spans are exactly the SDK's (in any order), field for field. */
  function assertSameSpans(actual: readonly Span[], spans: readonly ReadableSpan[]): void {
    const expected = new Map(spans.map((span) => [span.spanContext().spanId, expectedSpan(span)]));
    assert.equal(actual.length, spans.length);
    for (const span of actual) assert.deepEqual(span, expected.get(span.spanId), `span ${span.name}`);
    assert.deepEqual(new Set(actual.map((span) => span.spanId)), new Set(expected.keys()));
  }

  /** RFC 3339 text of a unix-nanosecond time, with all nine fraction digits. */
  function rfc3339(ns: bigint): string {
    const seconds = ns / 1_000_000_000n;
    const fraction = (ns % 1_000_000_000n).toString().padStart(9, '0');
    return new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, `.${fraction}Z`);
  }

  for (const transport of SDK_TRANSPORTS) {
    describe(`over ${transport.protocol}`, () => {
      const scenario = buildTraceScenario(`sdk-traces-${transport.id}`, { nonFiniteDoubles: transport.protocol !== 'http/json' });
      const mainSpans = scenario.spans.filter((span) => span.spanContext().traceId === scenario.traceId);
      const linkedSpans = scenario.spans.filter((span) => span.spanContext().traceId === scenario.linkedTraceId);
      const root = mainSpans.find((span) => span.name === 'POST /checkout')!;
      const search = (filters: Partial<SpanSearchRequest> = {}): Promise<SpanSummary[]> =>
        searchAll({ ...range(), service: scenario.service, order: 'asc', limit: 100, ...filters });
      const summariesOf = (spans: ReadableSpan[]): SpanSummary[] => [...spans].sort(byStartThenIds).map(expectedSpanSummary);

      it('exports every span with SUCCESS and no warning from the SDK', async () => {
        // The scenario really exercises what it claims to (guards the expectations below).
        assert.equal(mainSpans.length, 5);
        assert.equal(linkedSpans.length, 1);
        assert.deepEqual(new Set(mainSpans.map((span) => span.kind)), new Set([SpanKind.SERVER, SpanKind.INTERNAL, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER]));
        assert.equal(root.droppedAttributesCount, 2);
        assert.equal(root.droppedEventsCount, 1);
        assert.equal(root.droppedLinksCount, 1);
        assert.equal(root.events.length, SPAN_LIMITS.eventCountLimit);
        assert.equal(root.events[0]!.droppedAttributesCount, 1);
        assert.equal(root.links[0]!.droppedAttributesCount, 1);
        assert.equal(root.parentSpanContext?.isRemote, true);
        assert.equal(mainSpans.some((span) => 'not.a.number' in span.attributes), transport.protocol !== 'http/json');

        const warningsBefore = warnings.messages.length;
        const exporter = transport.traceExporter(server().ports);
        try {
          const result = await exportThrough(exporter, scenario.spans);
          assert.equal(result.code, ExportResultCode.SUCCESS, describeResult(result));
        } finally {
          await exporter.shutdown();
        }
        assert.deepEqual(warnings.messages.slice(warningsBefore), [], 'no partial success or other warning while exporting');
      });

      it('returns the trace by id with every field equal to the SDK span', async () => {
        const response = await api.getTrace(scenario.traceId);
        const starts = mainSpans.map((span) => nanos(span, 'startTime'));
        const ends = mainSpans.map((span) => nanos(span, 'endTime'));
        assert.equal(response.traceId, scenario.traceId);
        assert.equal(response.spanCount, mainSpans.length);
        assert.equal(response.truncated, false);
        assert.equal(response.startTimeUnixNano, starts.reduce((a, b) => (a < b ? a : b)).toString());
        assert.equal(response.endTimeUnixNano, ends.reduce((a, b) => (a > b ? a : b)).toString());
        assertSameSpans(response.spans, mainSpans);
        // Ordered by start time.
        const returnedStarts = response.spans.map((span) => BigInt(span.startTimeUnixNano));
        assert.deepEqual(returnedStarts, [...returnedStarts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      });

      it('keeps the trace state, the remote-parent flags, the exception event and the cross-trace link', async () => {
        const stored = (await api.getTrace(scenario.traceId)).spans.find((span) => span.spanId === root.spanContext().spanId)!;
        assert.equal(stored.traceState, scenario.traceState);
        assert.equal(stored.flags, 0x301);
        assert.equal(stored.parentSpanId, root.parentSpanContext!.spanId);
        const exception = stored.events.find((event) => event.name === 'exception');
        assert.deepEqual(exception?.attributes['exception.type'], { stringValue: 'Error' });
        assert.deepEqual(exception?.attributes['exception.message'], { stringValue: 'payment declined: "card" \\ expired' });
        const stack = exception?.attributes['exception.stacktrace'];
        assert.ok(stack !== undefined && 'stringValue' in stack && stack.stringValue.includes('\n    at '), 'stack trace kept with its newlines');
        const toLinked = stored.links.find((link) => link.traceId === scenario.linkedTraceId);
        assert.equal(toLinked?.spanId, linkedSpans[0]!.spanContext().spanId);
        assert.deepEqual(toLinked?.attributes, { 'link.kind': { stringValue: 'follows' }, 'link.n': { intValue: '3' } });

        const linkedTrace = await api.getTrace(scenario.linkedTraceId);
        assert.equal(linkedTrace.spanCount, 1);
        assert.deepEqual(linkedTrace.spans, linkedSpans.map(expectedSpan));
      });

      it('finds every span of the service by search, field for field, on every page', async () => {
        assert.deepEqual(await search(), summariesOf(scenario.spans));
        assert.deepEqual(await search({ limit: 2 }), summariesOf(scenario.spans), 'paged by cursor');
        const byDuration = await search({ sort: 'duration', order: 'desc', limit: 4 });
        assert.deepEqual(byDuration.map((span) => span.spanId).sort(), scenario.spans.map((span) => span.spanContext().spanId).sort());
        const durations = byDuration.map((span) => BigInt(span.durationNs));
        assert.deepEqual(durations, [...durations].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
      });

      it('bounds search and trace reads by RFC 3339 times to the nanosecond (start inclusive, end exclusive)', async () => {
        const validate = mainSpans.find((span) => span.name === 'validate cart')!;
        const start = nanos(validate, 'startTime');
        assert.equal(start % 1_000_000_000n, 987_654_321n, 'the scenario gave this span nanosecond digits');
        const exactly = { start: rfc3339(start), end: rfc3339(start + 1n) };
        assert.deepEqual(await searchAll({ ...exactly, service: scenario.service }), summariesOf([validate]));
        assert.deepEqual(await searchAll({ start: rfc3339(start - 1n), end: rfc3339(start), service: scenario.service }), []);
        const narrowed = await api.getTrace(scenario.traceId, exactly);
        assert.deepEqual(narrowed.spans, [expectedSpan(validate)]);
        assert.equal(narrowed.spanCount, mainSpans.length, 'the count is the whole trace');
      });

      it('accepts gzip-compressed exports', async () => {
        const compressed = buildTraceScenario(`sdk-traces-gzip-${transport.id}`);
        const exporter = transport.traceExporter(server().ports, true);
        try {
          const result = await exportThrough(exporter, compressed.spans);
          assert.equal(result.code, ExportResultCode.SUCCESS, describeResult(result));
        } finally {
          await exporter.shutdown();
        }
        const stored = await api.getTrace(compressed.traceId);
        assertSameSpans(stored.spans, compressed.spans.filter((span) => span.spanContext().traceId === compressed.traceId));
      });

      it('filters the search by kind, status, trace, root, duration, name and attributes', async () => {
        for (const kind of [SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER]) {
          assert.deepEqual(await search({ kind: kind + 1 }), summariesOf(scenario.spans.filter((span) => span.kind === kind)), `kind ${kind + 1}`);
        }
        for (const code of [SpanStatusCode.UNSET, SpanStatusCode.OK, SpanStatusCode.ERROR]) {
          assert.deepEqual(await search({ statusCode: code }), summariesOf(scenario.spans.filter((span) => span.status.code === code)), `status ${code}`);
        }
        assert.deepEqual(await search({ traceId: scenario.traceId.toUpperCase() }), summariesOf(mainSpans));
        assert.deepEqual(await search({ rootOnly: true }), summariesOf(linkedSpans), 'the main root has a (remote) parent');
        const minDurationNs = durationOf(root).toString();
        assert.deepEqual(await search({ minDurationNs }), summariesOf(scenario.spans.filter((span) => durationOf(span) >= durationOf(root))));
        assert.deepEqual(await search({ operation: 'SELECT orders' }), summariesOf(mainSpans.filter((span) => span.name === 'SELECT orders')));
        assert.deepEqual(await search({ attributes: [{ key: 'http.route', op: 'equals', value: '/checkout' }] }), summariesOf([root]));
        assert.deepEqual(await search({ attributes: [{ key: 'big.int', op: 'equals', value: (2n ** 60n).toString() }] }), summariesOf([root]));
        assert.deepEqual(await search({ attributes: [{ key: 'retry', op: 'equals', value: 'true' }] }), summariesOf([root]));
        assert.deepEqual(await search({ attributes: [{ key: 'db.query.text', op: 'contains', value: "note = 'x'" }] }), summariesOf(mainSpans.filter((span) => span.kind === SpanKind.CLIENT)));
        assert.deepEqual(await search({ resourceAttributes: [{ key: 'deployment.environment.name', op: 'equals', value: 'e2e' }] }), summariesOf(scenario.spans));
        assert.deepEqual(await search({ resourceAttributes: [{ key: 'host.canary', op: 'equals', value: 'false' }] }), []);
      });
    });
  }

  it('keeps the transports apart: each service holds exactly its own spans', async () => {
    for (const transport of SDK_TRANSPORTS) {
      const spans = await searchAll({ ...range(), service: `sdk-traces-${transport.id}`, limit: 100 });
      assert.equal(spans.length, 6, transport.protocol);
      assert.ok(spans.every((span) => span.serviceName === `sdk-traces-${transport.id}`));
    }
  });
});
