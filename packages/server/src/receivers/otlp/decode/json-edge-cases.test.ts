import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../errors.ts';
import { decodeLogsJson } from './json-logs.ts';
import { decodeMetricsJson } from './json-metrics.ts';
import { decodeTracesJson } from './json-traces.ts';

const TRACE = '5b8efff798038103d269b633813fc60c';
const SPAN = 'eee19b7ec3c1b174';
const utf8 = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

function throwsDecode(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => isAppError(error) && error.code === 'OTLP_DECODE_FAILED' && pattern.test(error.message), pattern.source);
}

/** Rewrites every lowerCamelCase key to the original proto snake_case name. */
function snakeCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCase);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeCase(v)]));
}

const SPAN_JSON = {
  traceId: TRACE, spanId: SPAN, parentSpanId: '00f067aa0ba902b7', traceState: 'k=v', flags: 257, name: 'GET /x', kind: 'SPAN_KIND_CLIENT',
  startTimeUnixNano: '1700000000123456789', endTimeUnixNano: 18446744073709551615n.toString(),
  attributes: [
    { key: 's', value: { stringValue: 'x' } },
    { key: 'i', value: { intValue: '-9223372036854775808' } },
    { key: 'n', value: { intValue: 42 } },
    { key: 'd', value: { doubleValue: 'NaN' } },
    { key: 'b', value: { boolValue: true } },
    { key: 'raw', value: { bytesValue: 'AP+A' } },
    { key: 'nested', value: { arrayValue: { values: [{ kvlistValue: { values: [{ key: 'k', value: {} }] } }, {}] } } },
  ],
  droppedAttributesCount: 4,
  events: [{ timeUnixNano: 5, name: 'ev', attributes: [], droppedAttributesCount: 1, someFutureField: { x: 1 } }],
  droppedEventsCount: 6,
  links: [{ traceId: TRACE, spanId: SPAN, traceState: 'l=1', flags: 769, attributes: [{ key: 'lk', value: { stringValue: 'lv' } }] }, { traceId: '', spanId: '' }],
  droppedLinksCount: '7',
  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
  unknownField: [1, 2, 3],
};

const TRACES_JSON = {
  resourceSpans: [{
    resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }], droppedAttributesCount: 3 },
    scopeSpans: [{ scope: { name: 'lib', version: '1.0', attributes: null }, spans: [SPAN_JSON], schemaUrl: 'https://scope' }],
    schemaUrl: 'https://resource',
  }],
};

describe('OTLP/JSON traces beyond what the SDK sends', () => {
  it('reads every span field: hex ids, int64 as strings and numbers, enum names, base64 bytes, NaN', () => {
    const decoded = decodeTracesJson(utf8(TRACES_JSON));
    assert.equal(decoded.rejected, 0);
    const row = decoded.rows[0]!;
    assert.deepStrictEqual(row.traceId, new Uint8Array(Buffer.from(TRACE, 'hex')));
    assert.deepStrictEqual([row.kind, row.statusCode, row.statusMessage, row.flags], [3, 2, 'boom', 257]);
    assert.deepStrictEqual([row.startTimeUnixNano, row.endTimeUnixNano], [1_700_000_000_123_456_789n, 2n ** 64n - 1n]);
    assert.deepStrictEqual([row.droppedAttributesCount, row.droppedEventsCount, row.droppedLinksCount], [4, 6, 7]);
    assert.deepStrictEqual(row.attributes.map((a) => a.value), [
      { kind: 'string', value: 'x' },
      { kind: 'int', value: -(2n ** 63n) },
      { kind: 'int', value: 42n },
      { kind: 'double', value: Number.NaN },
      { kind: 'bool', value: true },
      { kind: 'bytes', value: new Uint8Array([0, 255, 128]) },
      { kind: 'array', value: [{ kind: 'kvlist', value: [{ key: 'k', value: { kind: 'empty' } }] }, { kind: 'empty' }] },
    ]);
    assert.deepStrictEqual(row.events, [{ timeUnixNano: 5n, name: 'ev', attributes: [], droppedAttributesCount: 1 }]);
    assert.deepStrictEqual(row.links[1], { traceId: new Uint8Array(16), spanId: new Uint8Array(8), traceState: '', flags: 0, attributes: [], droppedAttributesCount: 0 });
    assert.deepStrictEqual(row.resource, { attributes: [{ key: 'service.name', value: { kind: 'string', value: 'svc' } }], droppedAttributesCount: 3, schemaUrl: 'https://resource' });
    assert.deepStrictEqual(row.scope, { name: 'lib', version: '1.0', attributes: [], droppedAttributesCount: 0, schemaUrl: 'https://scope' });
  });

  it('accepts the original snake_case field names and short or lower-case enum names', () => {
    const snake = snakeCase(TRACES_JSON) as { resource_spans: [{ scope_spans: [{ spans: [Record<string, unknown>] }] }] };
    const span = snake.resource_spans[0].scope_spans[0].spans[0];
    span.kind = 'client';
    span.status = { code: 'ERROR', message: 'boom' };
    assert.deepStrictEqual(decodeTracesJson(utf8(snake)), decodeTracesJson(utf8(TRACES_JSON)));
  });

  it('rejects spans with wrong-length, zero or non-hex ids and keeps the rest', () => {
    const spans = [
      { traceId: TRACE, spanId: SPAN, name: 'good 1' },
      { traceId: TRACE.slice(0, 30), spanId: SPAN, name: 'GET /x' },
      { traceId: '0'.repeat(32), spanId: SPAN, name: 'zero' },
      { traceId: `${TRACE.slice(0, 30)}zz`, spanId: SPAN, name: 'not hex' },
      { traceId: TRACE, spanId: SPAN, parentSpanId: 'abc', name: 'odd parent' },
      { traceId: TRACE, spanId: SPAN, links: [{ traceId: TRACE, spanId: 'ee' }], name: 'bad link' },
      { traceId: TRACE, spanId: SPAN, name: 'good 2' },
    ];
    const decoded = decodeTracesJson(utf8({ resourceSpans: [{ scopeSpans: [{ spans }] }] }));
    assert.deepStrictEqual(decoded.rows.map((row) => row.name), ['good 1', 'good 2']);
    assert.equal(decoded.rejectionMessage, '5 spans rejected: invalid trace_id length 15 (span "GET /x")');
  });
});

describe('OTLP/JSON logs and metrics beyond what the SDK sends', () => {
  it('reads log severity names, bodies of every kind and rejects bad ids', () => {
    const records = [
      { severityNumber: 'SEVERITY_NUMBER_ERROR2', body: { kvlistValue: { values: [{ key: 'b', value: { bytesValue: 'AQI=' } }] } }, observed_time_unix_nano: '7', event_name: 'e' },
      { severity_number: 18, body: { doubleValue: '-Infinity' }, traceId: TRACE, spanId: SPAN, flags: 1 },
      { traceId: 'abcd', body: { stringValue: 'dropped' } },
    ];
    const decoded = decodeLogsJson(utf8({ resource_logs: [{ scope_logs: [{ log_records: records }] }] }));
    assert.equal(decoded.rows.length, 2);
    assert.deepStrictEqual(decoded.rows[0]!.body, { kind: 'kvlist', value: [{ key: 'b', value: { kind: 'bytes', value: new Uint8Array([1, 2]) } }] });
    assert.deepStrictEqual([decoded.rows[0]!.severityNumber, decoded.rows[0]!.observedTimeUnixNano, decoded.rows[0]!.eventName], [18, 7n, 'e']);
    assert.deepStrictEqual(decoded.rows[1]!.body, { kind: 'double', value: Number.NEGATIVE_INFINITY });
    assert.equal(decoded.rejectionMessage, '1 log record rejected: invalid trace_id length 2');
  });

  it('reads summaries, exemplars, exponential histograms and temporality names; rejects nameless metrics', () => {
    const metrics = [
      { name: 'sum', sum: { aggregationTemporality: 'AGGREGATION_TEMPORALITY_DELTA', isMonotonic: true, dataPoints: [
        { asInt: '-9007199254740993', exemplars: [{ asDouble: 1.5, traceId: TRACE, spanId: SPAN, filteredAttributes: [] }] },
      ] } },
      { name: 'sum', summary: { dataPoints: [{ count: '3', sum: 4.5, quantileValues: [{ quantile: 0.5, value: 1 }], flags: 1 }] } },
      { name: 'exp', exponential_histogram: { aggregation_temporality: 2, data_points: [
        { count: 3, scale: -2, zeroCount: '1', zeroThreshold: 0.001, positive: { offset: -1, bucketCounts: ['1', 1] }, min: -1 },
      ] } },
      { name: '', gauge: { dataPoints: [{ asDouble: 1 }, { asDouble: 2 }] } },
      { name: 'nothing' },
    ];
    const decoded = decodeMetricsJson(utf8({ resourceMetrics: [{ scopeMetrics: [{ metrics }] }] }));
    assert.equal(decoded.rows.length, 3);
    assert.equal(decoded.rejectionMessage, '2 data points rejected: metric has no name');
    const [sum, summary, exp] = decoded.rows;
    assert.ok(sum?.kind === 'number' && sum.metric.temporality === 1 && sum.metric.isMonotonic);
    assert.deepStrictEqual(sum.value, { kind: 'int', value: -9_007_199_254_740_993n });
    assert.deepStrictEqual(sum.exemplars[0]!.value, { kind: 'double', value: 1.5 });
    assert.ok(summary?.kind === 'summary');
    assert.deepStrictEqual([summary.count, summary.sum, summary.quantileValues, summary.flags], [3n, 4.5, [{ quantile: 0.5, value: 1 }], 1]);
    assert.ok(exp?.kind === 'exponential_histogram' && exp.metric.temporality === 2);
    assert.deepStrictEqual([exp.scale, exp.zeroCount, exp.zeroThreshold, exp.positive, exp.negative, exp.sum, exp.min], [
      -2, 1n, 0.001, { offset: -1, bucketCounts: [1n, 1n] }, { offset: 0, bucketCounts: [] }, undefined, -1,
    ]);
  });
});

describe('undecodable OTLP/JSON', () => {
  it('treats an empty or blank body as an empty request', () => {
    for (const body of ['', '  \n', '\ufeff{}']) {
      assert.deepStrictEqual(decodeTracesJson(utf8(body)), { rows: [], rejected: 0, rejectionMessage: '' });
      assert.deepStrictEqual(decodeLogsJson(utf8(body)).rows, []);
      assert.deepStrictEqual(decodeMetricsJson(utf8(body)).rows, []);
    }
  });

  it('refuses invalid JSON and a top level that is not an object', () => {
    throwsDecode(() => decodeTracesJson(utf8('{"resourceSpans": [')), /ExportTraceServiceRequest is not valid JSON/);
    throwsDecode(() => decodeLogsJson(new Uint8Array([0x0a, 0x05, 0xff])), /not valid JSON/);
    throwsDecode(() => decodeMetricsJson(utf8('[]')), /must be a JSON object, got an array/);
    throwsDecode(() => decodeTracesJson(utf8('null')), /got null/);
    throwsDecode(() => decodeTracesJson(utf8('42')), /got number/);
  });

  it('keeps an integer written as a bare number past int64 as a double, as the protobuf path does', () => {
    const body = utf8({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE, spanId: SPAN, name: 'x', attributes: [{ key: 'big', value: { intValue: 1e20 } }] }] }] }],
    });
    const decoded = decodeTracesJson(body);
    assert.equal(decoded.rejected, 0);
    assert.deepEqual(decoded.rows[0]?.attributes, [{ key: 'big', value: { kind: 'double', value: 1e20 } }]);
  });

  it('refuses wrong shapes with a message naming the field', () => {
    const spans = (span: unknown): Uint8Array => utf8({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
    const base = { traceId: TRACE, spanId: SPAN, name: 'x' };
    throwsDecode(() => decodeTracesJson(utf8({ resourceSpans: {} })), /resourceSpans must be an array, got an object/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, startTimeUnixNano: true })), /span.startTimeUnixNano must be an unsigned 64-bit integer/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, startTimeUnixNano: '-1' })), /span.startTimeUnixNano/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, endTimeUnixNano: '18446744073709551616' })), /span.endTimeUnixNano/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, kind: 'SPAN_KIND_BOGUS' })), /span.kind must be a SPAN_KIND value/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, traceId: 12 })), /span.traceId must be a hex string/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, attributes: [{ key: 'a', value: { intValue: '12x' } }] })), /AnyValue.intValue/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, attributes: [{ key: 'a', value: { bytesValue: 'not base64!' } }] })), /AnyValue.bytesValue/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, attributes: [null] })), /span.attributes must not contain null/);
    throwsDecode(() => decodeTracesJson(spans({ ...base, droppedAttributesCount: -1 })), /span.droppedAttributesCount/);
    throwsDecode(() => decodeTracesJson(spans('span')), /span must be an object, got string/);
    throwsDecode(() => decodeMetricsJson(utf8({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'g', gauge: { dataPoints: [{ asDouble: 'fast' }] } }] }] }] })), /dataPoint.asDouble must be a number/);
    let nested: unknown = { stringValue: 'deep' };
    for (let i = 0; i < 100; i++) nested = { arrayValue: { values: [nested] } };
    throwsDecode(() => decodeTracesJson(spans({ ...base, attributes: [{ key: 'deep', value: nested }] })), /nested deeper than 64/);
  });
});
