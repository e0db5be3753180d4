import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../errors.ts';
import type { MetricInfo } from '../../../signals/metric-point.ts';
import { decodeMetricsProtobuf } from './protobuf-metrics.ts';
import {
  bytes, double, fixed64, kv, message, packedDouble, packedFixed64, packedVarint, sint32, str, strValue, sub, unknownFields, varint,
} from '../../../../test/support/otlp-decode/proto-builder.ts';
import type { Build } from '../../../../test/support/otlp-decode/proto-builder.ts';

const TRACE = new Uint8Array(Buffer.from('5b8efff798038103d269b633813fc60c', 'hex'));
const SPAN = new Uint8Array(Buffer.from('eee19b7ec3c1b174', 'hex'));
const RESOURCE = { attributes: [{ key: 'service.name', value: { kind: 'string', value: 'svc' } }], droppedAttributesCount: 0, schemaUrl: 'https://r' } as const;
const SCOPE = { name: 'meter', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' } as const;
const ROUTE = [{ key: 'route', value: { kind: 'string', value: '/a' } }] as const;

/** Metrics in one scope; the resource and its schema_url come after the scope, as OTel JS writes them. */
function request(...metrics: Build[]): Uint8Array {
  return message(sub(1, sub(2, sub(1, str(1, 'meter')), ...metrics), sub(1, kv(1, 'service.name', strValue('svc'))), str(3, 'https://r')));
}

function info(name: string, type: MetricInfo['type'], temporality = 0, isMonotonic = false, metadata: MetricInfo['metadata'] = []): MetricInfo {
  return { name, description: '', unit: '', type, temporality, isMonotonic, metadata };
}

const times = [fixed64(2, 10n), fixed64(3, 20n)];
const common = { resource: RESOURCE, scope: SCOPE, startTimeUnixNano: 10n, timeUnixNano: 20n };

describe('protobuf metrics built by hand', () => {
  it('decodes a summary with quantiles, flags, description, unit and metadata', () => {
    const decoded = decodeMetricsProtobuf(request(sub(2,
      str(1, 'rpc.latency'), str(2, 'RPC latency'), str(3, 'ms'),
      sub(11, sub(1, kv(7, 'route', strValue('/a')), ...times, fixed64(4, 5n), double(5, 12.5),
        sub(6, double(1, 0.5), double(2, 2)), sub(6, double(1, 0.99), double(2, 9)), varint(8, 1))),
      kv(12, 'meta.key', strValue('v')),
    )));
    assert.deepStrictEqual(decoded.rows, [{
      kind: 'summary', ...common, attributes: ROUTE, flags: 1, count: 5n, sum: 12.5,
      quantileValues: [{ quantile: 0.5, value: 2 }, { quantile: 0.99, value: 9 }],
      metric: { ...info('rpc.latency', 'summary', 0, false, [{ key: 'meta.key', value: { kind: 'string', value: 'v' } }]), description: 'RPC latency', unit: 'ms' },
    }]);
  });

  it('decodes as_int (sfixed64) and as_double, exemplars, and temporality written after the points', () => {
    const exemplar = sub(5, kv(7, 'user', strValue('u1')), fixed64(2, 3n), fixed64(6, 42n), bytes(4, SPAN), bytes(5, TRACE));
    const decoded = decodeMetricsProtobuf(request(
      sub(2, str(1, 'g'), sub(5, sub(1, ...times, fixed64(6, -5n), exemplar))),
      sub(2, str(1, 's'), sub(7, sub(1, ...times, double(4, 1.5)), varint(2, 1), varint(3, 1))),
    ));
    assert.deepStrictEqual(decoded.rows, [
      {
        kind: 'number', ...common, metric: info('g', 'gauge'), attributes: [], flags: 0, value: { kind: 'int', value: -5n },
        exemplars: [{ filteredAttributes: [{ key: 'user', value: { kind: 'string', value: 'u1' } }], timeUnixNano: 3n, value: { kind: 'int', value: 42n }, spanId: SPAN, traceId: TRACE }],
      },
      { kind: 'number', ...common, metric: info('s', 'sum', 1, true), attributes: [], flags: 0, value: { kind: 'double', value: 1.5 }, exemplars: [] },
    ]);
  });

  it('reads packed and unpacked repeated fields alike, and optional sum/min/max', () => {
    const unpacked = sub(1, ...times, fixed64(4, 3n), fixed64(6, 1n), fixed64(6, 2n), double(7, 10), double(11, 0.5), double(12, 20), varint(10, 1));
    const packed = sub(1, ...times, fixed64(4, 3n), double(5, 7.5), packedFixed64(6, [1n, 2n]), packedDouble(7, [10]));
    const decoded = decodeMetricsProtobuf(request(sub(2, str(1, 'h'), sub(9, unpacked, packed, varint(2, 2)))));
    const metric = info('h', 'histogram', 2);
    assert.deepStrictEqual(decoded.rows, [
      { kind: 'histogram', ...common, metric, attributes: [], flags: 1, count: 3n, sum: undefined, min: 0.5, max: 20, bucketCounts: [1n, 2n], explicitBounds: [10], exemplars: [] },
      { kind: 'histogram', ...common, metric, attributes: [], flags: 0, count: 3n, sum: 7.5, min: undefined, max: undefined, bucketCounts: [1n, 2n], explicitBounds: [10], exemplars: [] },
    ]);
  });

  it('decodes an exponential histogram with negative scale, both bucket ranges and zero threshold', () => {
    const point = sub(1, kv(1, 'route', strValue('/a')), ...times, fixed64(4, 6n), double(5, -3), sint32(6, -3), fixed64(7, 1n),
      sub(8, sint32(1, -2), packedVarint(2, [1, 2])), sub(9, sint32(1, 5), varint(2, 3), varint(2, 4)),
      double(12, -10), double(13, 5), double(14, 1e-9));
    const decoded = decodeMetricsProtobuf(request(sub(2, str(1, 'e'), sub(10, point, varint(2, 1)))));
    assert.deepStrictEqual(decoded.rows, [{
      kind: 'exponential_histogram', ...common, metric: info('e', 'exponential_histogram', 1), attributes: ROUTE, flags: 0,
      count: 6n, sum: -3, min: -10, max: 5, scale: -3, zeroCount: 1n, zeroThreshold: 1e-9,
      positive: { offset: -2, bucketCounts: [1n, 2n] }, negative: { offset: 5, bucketCounts: [3n, 4n] }, exemplars: [],
    }]);
  });

  it('skips unknown fields in metrics, data and points', () => {
    const u = unknownFields(50);
    const plain = decodeMetricsProtobuf(request(sub(2, str(1, 'g'), sub(5, sub(1, ...times, double(4, 1))))));
    const noisy = decodeMetricsProtobuf(request(sub(2, u, str(1, 'g'), sub(5, u, sub(1, u, ...times, double(4, 1))))));
    assert.deepStrictEqual(noisy, plain);
  });

  it('lets a second data field replace the first (oneof: last wins)', () => {
    const decoded = decodeMetricsProtobuf(request(sub(2, str(1, 'x'), sub(5, sub(1, double(4, 1)), sub(1, double(4, 2))), sub(7, sub(1, double(4, 3)), varint(2, 2)))));
    assert.equal(decoded.rows.length, 1);
    assert.equal(decoded.rows[0]!.metric.type, 'sum');
  });
});

describe('protobuf metric validation', () => {
  it('rejects the points of a nameless metric, ignores a metric without data, keeps the rest', () => {
    const decoded = decodeMetricsProtobuf(request(
      sub(2, str(1, 'ok.before'), sub(5, sub(1, double(4, 1)))),
      sub(2, sub(5, sub(1, double(4, 1)), sub(1, double(4, 2)))),
      sub(2, str(1, 'no.data')),
      sub(2, str(1, 'ok.after'), sub(11, sub(1, fixed64(4, 1n)))),
    ));
    assert.deepStrictEqual(decoded.rows.map((p) => p.metric.name), ['ok.before', 'ok.after']);
    assert.equal(decoded.rejected, 2);
    assert.equal(decoded.rejectionMessage, '2 data points rejected: metric has no name');
  });

  it('rejects number points without a value unless flagged as no recorded value, and bad exemplar ids', () => {
    const decoded = decodeMetricsProtobuf(request(sub(2, str(1, 'g'), sub(5,
      sub(1, ...times),
      sub(1, ...times, varint(8, 1)),
      sub(1, ...times, double(4, 1), sub(5, bytes(4, new Uint8Array(3)))),
    ))));
    assert.equal(decoded.rows.length, 1);
    const point = decoded.rows[0]!;
    assert.ok(point.kind === 'number' && point.value.kind === 'double' && Number.isNaN(point.value.value) && point.flags === 1);
    assert.equal(decoded.rejectionMessage, '2 data points rejected: number data point has no value (metric "g")');
    const exemplar = decodeMetricsProtobuf(request(sub(2, str(1, 'h'), sub(9, sub(1, sub(8, bytes(5, new Uint8Array(17))))))));
    assert.equal(exemplar.rejectionMessage, '1 data point rejected: exemplar invalid trace_id length 17 (metric "h")');
  });

  it('refuses a known metric field with the wrong wire type', () => {
    assert.throws(() => decodeMetricsProtobuf(request(sub(2, varint(1, 7)))), (e: unknown) => isAppError(e) && /Metric field 1 has unexpected wire type 0/.test(e.message));
    assert.throws(() => decodeMetricsProtobuf(request(sub(2, str(1, 'h'), sub(9, sub(1, str(4, 'x')))))), (e: unknown) => isAppError(e) && /HistogramDataPoint field 4/.test(e.message));
  });
});
