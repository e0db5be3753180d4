import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../errors.ts';
import type { AnyValue } from '../../../signals/any-value.ts';
import { decodeLogsProtobuf } from './protobuf-logs.ts';
import { decodeTracesProtobuf } from './protobuf-traces.ts';
import {
  LEN, bytes, double, fixed32, fixed64, kv, message, raw, str, strValue, sub, tag, unknownFields, varint, varint64,
} from '../../../../test/support/otlp-decode/proto-builder.ts';
import type { Build } from '../../../../test/support/otlp-decode/proto-builder.ts';

const TRACE = new Uint8Array(Buffer.from('5b8efff798038103d269b633813fc60c', 'hex'));
const SPAN = new Uint8Array(Buffer.from('eee19b7ec3c1b174', 'hex'));
const PARENT = new Uint8Array(Buffer.from('00f067aa0ba902b7', 'hex'));
const NONE: Build = () => undefined;

function throwsDecode(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => isAppError(error) && error.code === 'OTLP_DECODE_FAILED' && pattern.test(error.message));
}

/** Every Span field, with unknown fields of every wire type at every level when `u` says so. */
function fullTraceRequest(u: (field: number) => Build): Uint8Array {
  const attr = (key: string, ...value: Build[]): Build => sub(9, str(1, key), u(20), sub(2, ...value, u(20)));
  const span = sub(2,
    u(100),
    bytes(1, TRACE), bytes(2, SPAN), str(3, 'k=v'), bytes(4, PARENT), str(5, 'GET /x'), varint(6, 3),
    fixed64(7, 1_700_000_000_123_456_789n), fixed64(8, 18_446_744_073_709_551_615n),
    attr('s', strValue('x')), attr('i', varint64(3, -(2n ** 63n))), attr('d', double(4, -0)), attr('b', varint(2, 1)),
    varint(10, 4),
    sub(11, fixed64(1, 5n), str(2, 'ev'), sub(3, str(1, 'ek'), sub(2, varint(2, 0))), varint(4, 1), u(20)),
    varint(12, 6),
    sub(13, bytes(1, TRACE), bytes(2, PARENT), str(3, 'l=1'), sub(4, str(1, 'lk'), sub(2)), varint(5, 2), fixed32(6, 0x301), u(20)),
    sub(13), // a link to an invalid (all-zero) context, ids omitted as the Collector does
    varint(14, 7),
    sub(15, str(2, 'boom'), varint(3, 2), u(20)),
    fixed32(16, 0x101),
    u(30),
  );
  return message(
    u(20),
    sub(1,
      u(20),
      sub(2, u(20), span, sub(1, str(1, 'lib'), str(2, '1.0'), sub(3, str(1, 'sa'), sub(2, str(1, 'sv'))), varint(4, 2), u(20)), str(3, 'https://scope')),
      // resource and schema_url after the spans: rows must still see them
      sub(1, sub(1, str(1, 'service.name'), sub(2, str(1, 'svc'))), varint(2, 3), u(20)),
      str(3, 'https://resource'),
    ),
  );
}

describe('protobuf traces built by hand', () => {
  const decoded = (): ReturnType<typeof decodeTracesProtobuf> => decodeTracesProtobuf(fullTraceRequest(() => NONE));

  it('decodes every field of Span, Event, Link, Status, Resource and scope', () => {
    const str = (value: string): AnyValue => ({ kind: 'string', value });
    assert.equal(decoded().rejected, 0);
    assert.deepStrictEqual(decoded().rows, [{
      traceId: TRACE, spanId: SPAN, parentSpanId: PARENT, traceState: 'k=v', flags: 0x101, name: 'GET /x', kind: 3,
      startTimeUnixNano: 1_700_000_000_123_456_789n, endTimeUnixNano: 18_446_744_073_709_551_615n,
      attributes: [
        { key: 's', value: str('x') },
        { key: 'i', value: { kind: 'int', value: -(2n ** 63n) } },
        { key: 'd', value: { kind: 'double', value: -0 } },
        { key: 'b', value: { kind: 'bool', value: true } },
      ],
      droppedAttributesCount: 4,
      events: [{ timeUnixNano: 5n, name: 'ev', attributes: [{ key: 'ek', value: { kind: 'bool', value: false } }], droppedAttributesCount: 1 }],
      droppedEventsCount: 6,
      links: [
        { traceId: TRACE, spanId: PARENT, traceState: 'l=1', flags: 0x301, attributes: [{ key: 'lk', value: { kind: 'empty' } }], droppedAttributesCount: 2 },
        { traceId: new Uint8Array(16), spanId: new Uint8Array(8), traceState: '', flags: 0, attributes: [], droppedAttributesCount: 0 },
      ],
      droppedLinksCount: 7,
      statusCode: 2, statusMessage: 'boom',
      resource: { attributes: [{ key: 'service.name', value: str('svc') }], droppedAttributesCount: 3, schemaUrl: 'https://resource' },
      scope: { name: 'lib', version: '1.0', attributes: [{ key: 'sa', value: str('sv') }], droppedAttributesCount: 2, schemaUrl: 'https://scope' },
    }]);
  });

  it('skips unknown fields of every wire type at every level', () => {
    assert.deepStrictEqual(decodeTracesProtobuf(fullTraceRequest(unknownFields)), decoded());
  });
});

function span(name: string, traceId: Uint8Array, spanId: Uint8Array, ...extra: Build[]): Build {
  return sub(2, bytes(1, traceId), bytes(2, spanId), str(5, name), ...extra);
}

describe('protobuf item validation', () => {
  it('rejects spans with malformed ids, keeps the valid ones around them, and says why', () => {
    const request = message(sub(1, sub(2,
      span('good 1', TRACE, SPAN),
      span('GET /x', TRACE.subarray(0, 15), SPAN),
      span('zero trace', new Uint8Array(16), SPAN),
      span('short span id', TRACE, SPAN.subarray(0, 7)),
      span('zero span id', TRACE, new Uint8Array(8)),
      span('bad parent', TRACE, SPAN, bytes(4, new Uint8Array(3))),
      span('bad link', TRACE, SPAN, sub(13, bytes(1, new Uint8Array(5)), bytes(2, SPAN))),
      span('no ids', new Uint8Array(0), new Uint8Array(0)),
      span('good 2', TRACE, SPAN, bytes(4, PARENT)),
    )));
    const decoded = decodeTracesProtobuf(request);
    assert.deepStrictEqual(decoded.rows.map((row) => row.name), ['good 1', 'good 2']);
    assert.equal(decoded.rejected, 7);
    assert.equal(decoded.rejectionMessage, '7 spans rejected: invalid trace_id length 15 (span "GET /x")');
    const one = decodeTracesProtobuf(message(sub(1, sub(2, span('bad link', TRACE, SPAN, sub(13, bytes(1, TRACE), bytes(2, new Uint8Array(9))))))));
    assert.equal(one.rejectionMessage, '1 span rejected: invalid link span_id length 9 (span "bad link")');
  });

  it('rejects log records whose ids are neither empty nor full length', () => {
    const log = (body: string, ...ids: Build[]): Build => sub(2, sub(5, str(1, body)), ...ids);
    const decoded = decodeLogsProtobuf(message(sub(1, sub(2,
      log('no ids'),
      log('short trace', bytes(9, TRACE.subarray(0, 3))),
      log('both', bytes(9, TRACE), bytes(10, SPAN)),
      log('long span', bytes(10, new Uint8Array(9))),
    ))));
    assert.deepStrictEqual(decoded.rows.map((row) => row.body), [{ kind: 'string', value: 'no ids' }, { kind: 'string', value: 'both' }]);
    assert.equal(decoded.rejectionMessage, '2 log records rejected: invalid trace_id length 3');
  });

  it('decodes every LogRecord field and AnyValue shapes the SDK never sends', () => {
    const body = sub(5, sub(5,
      sub(1, sub(6, kv(1, 'raw', bytes(7, new Uint8Array([9, 8]))), kv(1, 'nothing'), kv(1, 'list', sub(5, sub(1, varint64(3, -1n)), sub(1))))),
      sub(1),
      sub(1, double(4, Number.POSITIVE_INFINITY)),
      sub(1, str(1, 'first'), varint(2, 1)), // a oneof set twice: the last value wins
    ));
    const decoded = decodeLogsProtobuf(message(sub(1, sub(2, sub(2,
      fixed64(1, 1n), varint(2, 17), str(3, 'ERROR'), body, kv(6, 'k', strValue('v')), varint(7, 2), fixed32(8, 1),
      bytes(9, TRACE), bytes(10, SPAN), fixed64(11, 2n), str(12, 'app.crash'),
    )))));
    assert.deepStrictEqual(decoded.rows[0], {
      timeUnixNano: 1n, observedTimeUnixNano: 2n, severityNumber: 17, severityText: 'ERROR',
      body: { kind: 'array', value: [
        { kind: 'kvlist', value: [
          { key: 'raw', value: { kind: 'bytes', value: new Uint8Array([9, 8]) } },
          { key: 'nothing', value: { kind: 'empty' } },
          { key: 'list', value: { kind: 'array', value: [{ kind: 'int', value: -1n }, { kind: 'empty' }] } },
        ] },
        { kind: 'empty' },
        { kind: 'double', value: Number.POSITIVE_INFINITY },
        { kind: 'bool', value: true },
      ] },
      attributes: [{ key: 'k', value: { kind: 'string', value: 'v' } }], droppedAttributesCount: 2, flags: 1,
      traceId: TRACE, spanId: SPAN, eventName: 'app.crash',
      resource: { attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
      scope: { name: '', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
    });
  });
});

describe('undecodable protobuf', () => {
  it('refuses garbage, truncation, wrong wire types, groups and hostile nesting with OTLP_DECODE_FAILED', () => {
    throwsDecode(() => decodeTracesProtobuf(new TextEncoder().encode('hello, this is not protobuf')), /invalid OTLP protobuf/);
    throwsDecode(() => decodeTracesProtobuf(new TextEncoder().encode('{"resourceSpans":[]}')), /invalid OTLP protobuf/);
    const good = fullTraceRequest(() => NONE);
    throwsDecode(() => decodeTracesProtobuf(good.subarray(0, good.length - 1)), /runs past the end|truncated/);
    throwsDecode(() => decodeTracesProtobuf(message(sub(1, sub(2, sub(2, varint(5, 1)))))), /Span field 5 has unexpected wire type 0/);
    throwsDecode(() => decodeTracesProtobuf(message(sub(1, sub(2, sub(2, fixed64(16, 1n)))))), /Span field 16 has unexpected wire type 1/);
    throwsDecode(() => decodeTracesProtobuf(message(varint(1, 5))), /ExportTraceServiceRequest field 1 has unexpected wire type 0/);
    throwsDecode(() => decodeTracesProtobuf(message(tag(7, 3), tag(7, 4))), /group wire type 3/);
    throwsDecode(() => decodeLogsProtobuf(message(tag(1, LEN), raw([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]))), /varint longer than 10 bytes/);
    let nested: Build = str(1, 'deep');
    for (let i = 0; i < 100; i++) nested = sub(5, sub(1, nested));
    throwsDecode(() => decodeLogsProtobuf(message(sub(1, sub(2, sub(2, sub(5, nested)))))), /nested deeper than 64/);
  });

  it('never throws anything but OTLP_DECODE_FAILED on random bytes', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 24;
    const valid = fullTraceRequest(unknownFields);
    for (let round = 0; round < 2_000; round++) {
      const input = round % 2 === 0 ? Uint8Array.from({ length: next() }, next) : valid.map((b) => (next() < 4 ? next() : b));
      try {
        decodeTracesProtobuf(input);
        decodeLogsProtobuf(input);
      } catch (error) {
        assert.ok(isAppError(error) && error.code === 'OTLP_DECODE_FAILED', `round ${round}: ${String(error)}`);
      }
    }
  });
});
