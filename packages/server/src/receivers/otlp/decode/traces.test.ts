import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Decoded } from '../../../signals/decoded.ts';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { isAppError } from '../../../errors.ts';
import { decodeTracesJson } from './json-traces.ts';
import { decodeTracesProtobuf } from './protobuf-traces.ts';
import { spanRow } from '../../../../test/support/otlp-decode/sdk-expectations.ts';
import { sdkSpans } from '../../../../test/support/otlp-decode/sdk-telemetry.ts';

const spans = sdkSpans();
const expected = spans.map(spanRow);
const protobuf = ProtobufTraceSerializer.serializeRequest(spans)!;
const json = JsonTraceSerializer.serializeRequest(spans)!;

const formats = [
  { name: 'protobuf', bytes: protobuf, decode: decodeTracesProtobuf },
  { name: 'JSON', bytes: json, decode: decodeTracesJson },
] as const;

for (const format of formats) {
  describe(`traces from the OpenTelemetry JS SDK, ${format.name}`, () => {
    let cache: Decoded<'traces'> | undefined;
    const decoded = (): Decoded<'traces'> => (cache ??= format.decode(format.bytes));

    it('keeps every span and rejects none', () => {
      assert.equal(decoded().rows.length, spans.length);
      assert.equal(decoded().rejected, 0);
      assert.equal(decoded().rejectionMessage, '');
    });

    it('round-trips every field of every span exactly', () => {
      assert.deepStrictEqual(decoded().rows, expected);
    });

    it('covers what the fixture claims: kinds, events, links, status, dropped counts, remote parent', () => {
      const server = decoded().rows.find((row) => row.name === 'GET /checkout')!;
      assert.equal(server.kind, 2);
      assert.equal(server.statusCode, 2);
      assert.equal(server.statusMessage, 'payment declined');
      assert.equal(server.events.length, 2);
      assert.equal(server.droppedEventsCount, 1);
      assert.equal(server.links.length, 2);
      assert.equal(server.droppedLinksCount, 1);
      assert.equal(server.droppedAttributesCount, 2);
      assert.equal(server.flags, 0x301);
      assert.equal(server.traceState, 'vendor=abc');
      assert.equal(server.links[1]!.traceState, 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
      assert.equal(server.links[1]!.flags, 0x301);
      assert.equal(server.startTimeUnixNano, 1_700_000_000_123_456_789n);
      const bigInt = server.attributes.find((a) => a.key === 'big.int')!;
      assert.deepStrictEqual(bigInt.value, { kind: 'int', value: 2n ** 60n });
      const holes = server.attributes.find((a) => a.key === 'with.holes')!;
      assert.deepStrictEqual(holes.value, {
        kind: 'array',
        value: [{ kind: 'string', value: 'a' }, { kind: 'empty' }, { kind: 'string', value: 'c' }, { kind: 'empty' }],
      });
      assert.deepStrictEqual(new Set(decoded().rows.map((row) => row.kind)), new Set([1, 2, 3, 4, 5]));
    });

    it('shares one resource object and one scope object between the rows they cover', () => {
      const checkout = decoded().rows.filter((row) => row.resource.attributes.length > 1);
      const jobs = decoded().rows.filter((row) => row.resource.attributes.length === 1);
      assert.equal(checkout.length, 2);
      assert.equal(jobs.length, 3);
      assert.notEqual(checkout[0]!.resource, jobs[0]!.resource);
      assert.ok(jobs.every((row) => row.resource === jobs[0]!.resource && row.scope === jobs[0]!.scope));
      assert.equal(checkout[0]!.resource, checkout[1]!.resource);
      assert.equal(checkout[0]!.resource.schemaUrl, 'https://opentelemetry.io/schemas/1.26.0');
    });
  });
}

describe('empty and undecodable trace requests', () => {
  it('an empty body decodes to zero rows in both formats', () => {
    assert.deepStrictEqual(decodeTracesProtobuf(new Uint8Array(0)), { rows: [], rejected: 0, rejectionMessage: '' });
    assert.deepStrictEqual(decodeTracesJson(new TextEncoder().encode('{}')), { rows: [], rejected: 0, rejectionMessage: '' });
    assert.deepStrictEqual(decodeTracesJson(new TextEncoder().encode('{"resourceSpans":[]}')).rows, []);
  });

  it('every truncation of a real request is refused with OTLP_DECODE_FAILED or decodes to fewer spans', () => {
    for (let end = 1; end < protobuf.length; end++) {
      try {
        const { rows } = decodeTracesProtobuf(protobuf.subarray(0, end));
        assert.ok(rows.length < spans.length, `truncation at ${end} decoded everything`);
      } catch (error) {
        assert.ok(isAppError(error) && error.code === 'OTLP_DECODE_FAILED', `truncation at ${end}: ${String(error)}`);
      }
    }
  });
});
