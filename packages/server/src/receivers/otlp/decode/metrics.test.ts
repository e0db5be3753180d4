import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Decoded } from '../../../signals/decoded.ts';
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { decodeMetricsJson } from './json-metrics.ts';
import { decodeMetricsProtobuf } from './protobuf-metrics.ts';
import { metricPoints } from '../../../../test/support/otlp-decode/sdk-expectations.ts';
import { sdkMetrics } from '../../../../test/support/otlp-decode/sdk-telemetry.ts';

for (const temporality of ['cumulative', 'delta'] as const) {
  const resourceMetrics = await sdkMetrics(temporality);
  const expected = metricPoints(resourceMetrics);
  const formats = [
    { name: 'protobuf', bytes: ProtobufMetricsSerializer.serializeRequest(resourceMetrics)!, decode: decodeMetricsProtobuf },
    { name: 'JSON', bytes: JsonMetricsSerializer.serializeRequest(resourceMetrics)!, decode: decodeMetricsJson },
  ] as const;

  for (const format of formats) {
    describe(`${temporality} metrics from the OpenTelemetry JS SDK, ${format.name}`, () => {
      let cache: Decoded<'metrics'> | undefined;
    const decoded = (): Decoded<'metrics'> => (cache ??= format.decode(format.bytes));

      it('keeps every data point and rejects none', () => {
        assert.equal(decoded().rows.length, expected.length);
        assert.equal(decoded().rejected, 0);
      });

      it('round-trips every field of every point exactly', () => {
        assert.deepStrictEqual(decoded().rows, expected);
      });

      it('covers sum, up-down sum, gauge, histogram and exponential histogram', () => {
        const byName = new Map(decoded().rows.map((point) => [point.metric.name, point]));
        const requests = byName.get('http.server.requests')!;
        assert.equal(requests.metric.type, 'sum');
        assert.equal(requests.metric.isMonotonic, true);
        assert.equal(requests.metric.temporality, temporality === 'delta' ? 1 : 2);
        assert.equal(requests.metric.unit, '{request}');
        const active = byName.get('http.server.active_requests')!;
        assert.equal(active.metric.isMonotonic, false);
        assert.deepStrictEqual(active.kind === 'number' ? active.value : undefined, { kind: 'int', value: -2n });
        const gauge = byName.get('cpu.temperature')!;
        assert.equal(gauge.metric.type, 'gauge');
        assert.deepStrictEqual(gauge.kind === 'number' ? gauge.value : undefined, { kind: 'double', value: 71.5 });
        const histogram = byName.get('http.server.duration')!;
        assert.equal(histogram.kind, 'histogram');
        if (histogram.kind === 'histogram') {
          assert.deepStrictEqual(histogram.bucketCounts, [1n, 2n, 0n, 1n, 1n]);
          assert.deepStrictEqual(histogram.explicitBounds, [5, 10, 25, 100]);
          assert.deepStrictEqual([histogram.count, histogram.sum, histogram.min, histogram.max], [5n, 295, 1, 250]);
        }
        const exponential = byName.get('rpc.payload.size')!;
        assert.equal(exponential.kind, 'exponential_histogram');
        if (exponential.kind === 'exponential_histogram') {
          assert.equal(exponential.zeroCount, 1n);
          assert.ok(exponential.positive.bucketCounts.length > 0);
        }
      });

      it('shares one MetricInfo between the points of a metric', () => {
        const requests = decoded().rows.filter((point) => point.metric.name === 'http.server.requests');
        assert.equal(requests.length, 2);
        assert.equal(requests[0]!.metric, requests[1]!.metric);
        assert.equal(requests[0]!.scope, decoded().rows[decoded().rows.length - 1]!.scope);
      });
    });
  }
}
