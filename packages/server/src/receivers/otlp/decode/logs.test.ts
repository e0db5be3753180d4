import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Decoded } from '../../../signals/decoded.ts';
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { decodeLogsJson } from './json-logs.ts';
import { decodeLogsProtobuf } from './protobuf-logs.ts';
import { logRow } from '../../../../test/support/otlp-decode/sdk-expectations.ts';
import { sdkLogRecords } from '../../../../test/support/otlp-decode/sdk-telemetry.ts';

const records = sdkLogRecords();
const expected = records.map(logRow);

const formats = [
  { name: 'protobuf', bytes: ProtobufLogsSerializer.serializeRequest(records)!, decode: decodeLogsProtobuf },
  { name: 'JSON', bytes: JsonLogsSerializer.serializeRequest(records)!, decode: decodeLogsJson },
] as const;

for (const format of formats) {
  describe(`log records from the OpenTelemetry JS SDK, ${format.name}`, () => {
    let cache: Decoded<'logs'> | undefined;
    const decoded = (): Decoded<'logs'> => (cache ??= format.decode(format.bytes));

    it('keeps every record and rejects none', () => {
      assert.equal(decoded().rows.length, records.length);
      assert.equal(decoded().rejected, 0);
      assert.equal(decoded().rejectionMessage, '');
    });

    it('round-trips every field of every record exactly', () => {
      assert.deepStrictEqual(decoded().rows, expected);
    });

    it('decodes bodies of every AnyValue kind', () => {
      const kinds = decoded().rows.map((row) => row.body.kind);
      assert.deepStrictEqual(kinds, ['string', 'int', 'int', 'double', 'bool', 'kvlist', 'array', 'bytes', 'empty', 'string']);
      assert.deepStrictEqual(decoded().rows[7]!.body, { kind: 'bytes', value: new Uint8Array([0, 255, 128, 7]) });
      assert.deepStrictEqual(decoded().rows[2]!.body, { kind: 'int', value: -5n });
      const map = decoded().rows[5]!.body;
      assert.equal(map.kind, 'kvlist');
      assert.deepStrictEqual(map.kind === 'kvlist' ? map.value[2] : undefined, { key: 'raw', value: { kind: 'bytes', value: new Uint8Array([1, 2, 3]) } });
    });

    it('keeps trace context, event name, observed time, severity, dropped counts and scope attributes', () => {
      const first = decoded().rows[0]!;
      assert.equal(first.traceId.length, 16);
      assert.equal(first.spanId.length, 8);
      assert.equal(first.flags, 1);
      assert.equal(first.eventName, 'payment.declined');
      assert.equal(first.observedTimeUnixNano, 1_700_000_100_000_000_001n);
      assert.equal(first.severityNumber, 13);
      assert.equal(first.droppedAttributesCount, 1);
      assert.deepStrictEqual(first.scope.attributes, [{ key: 'scope.attr', value: { kind: 'string', value: 'x' } }]);
      assert.equal(decoded().rows[1]!.traceId.length, 0);
      assert.equal(decoded().rows[0]!.scope, decoded().rows[1]!.scope);
      assert.equal(decoded().rows[0]!.resource, decoded().rows[9]!.resource);
      assert.notEqual(decoded().rows[0]!.scope, decoded().rows[9]!.scope);
    });
  });
}
