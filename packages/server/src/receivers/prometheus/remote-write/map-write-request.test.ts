import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExponentialHistogramPoint, NumberPoint } from '../../../signals/metric-point.ts';
import { mapWriteRequest } from './map-write-request.ts';
import { MetadataCache } from './metadata-cache.ts';
import type { PromLabel, PromNativeHistogram, PromTimeSeries, PromWriteRequest } from './write-request.ts';

const noMetadata = new MetadataCache(10).lookup;

function labels(record: Record<string, string>): PromLabel[] {
  return Object.entries(record).map(([name, value]) => ({ name, value }));
}

function series(record: Record<string, string>, samples: [number, number][], extra: Partial<PromTimeSeries> = {}): PromTimeSeries {
  return {
    labels: labels(record),
    samples: samples.map(([value, ms]) => ({ value, timestampMs: BigInt(ms), stale: false })),
    exemplars: [],
    histograms: [],
    ...extra,
  };
}

function request(...timeseries: PromTimeSeries[]): PromWriteRequest {
  return { timeseries, metadata: [] };
}

const attrs = (point: { attributes: readonly { key: string; value: { kind: string; value?: unknown } }[] }) =>
  Object.fromEntries(point.attributes.map((a) => [a.key, a.value.value]));

describe('mapWriteRequest', () => {
  it('maps __name__ to the metric name, labels to attributes, job/instance to the resource, ms to ns', () => {
    const mapped = mapWriteRequest(
      request(series({ __name__: 'http_requests_total', job: 'api', instance: '10.0.0.1:9090', code: '200' }, [[42, 1_700_000_000_123]])),
      noMetadata,
    );
    assert.equal(mapped.points.length, 1);
    const point = mapped.points[0] as NumberPoint;
    assert.equal(point.kind, 'number');
    assert.equal(point.metric.name, 'http_requests_total');
    assert.equal(point.metric.type, 'sum');
    assert.equal(point.metric.isMonotonic, true);
    assert.equal(point.metric.temporality, 2);
    assert.deepEqual(attrs(point), { job: 'api', instance: '10.0.0.1:9090', code: '200' });
    assert.deepEqual(point.resource.attributes, [
      { key: 'service.name', value: { kind: 'string', value: 'api' } },
      { key: 'service.instance.id', value: { kind: 'string', value: '10.0.0.1:9090' } },
    ]);
    assert.equal(point.scope.name, 'sightline/prometheus-remote-write');
    assert.equal(point.timeUnixNano, 1_700_000_000_123_000_000n);
    assert.deepEqual(point.value, { kind: 'double', value: 42 });
  });

  it('gives series without job or instance an empty resource and drops empty-valued labels', () => {
    const mapped = mapWriteRequest(request(series({ __name__: 'temp', room: '', floor: '2' }, [[21.5, 1]])), noMetadata);
    const point = mapped.points[0]!;
    assert.deepEqual(point.resource.attributes, []);
    assert.deepEqual(attrs(point), { floor: '2' });
    assert.equal(point.metric.type, 'gauge');
  });

  it('skips staleness markers and counts them', () => {
    const stale = { value: Number.NaN, timestampMs: 2n, stale: true };
    const live = { value: 1, timestampMs: 1n, stale: false };
    const mapped = mapWriteRequest(request({ ...series({ __name__: 'up' }, []), samples: [live, stale] }), noMetadata);
    assert.equal(mapped.points.length, 1);
    assert.equal(mapped.staleMarkers, 1);
  });

  it('refuses series with bad labels and keeps the good ones', () => {
    const mapped = mapWriteRequest(
      request(
        series({ job: 'x' }, [[1, 1], [2, 2]]),
        series({ __name__: 'ok' }, [[1, 1]]),
        { ...series({}, [[1, 1]]), labels: [{ name: '__name__', value: 'dup' }, { name: 'a', value: '1' }, { name: 'a', value: '2' }] },
        series({ __name__: 'e', '': 'v' }, [[1, 1]]),
      ),
      noMetadata,
    );
    assert.deepEqual(mapped.points.map((p) => p.metric.name), ['ok']);
    assert.equal(mapped.invalid, 4);
    assert.deepEqual(mapped.invalidReasons, ['a series has no metric name (__name__ label)', 'label "a" appears twice', 'a label has an empty name']);
  });

  it('attaches exemplars to the sample at or after their time, with trace and span ids as bytes', () => {
    const exemplar = {
      labels: labels({ trace_id: '0102030405060708090a0b0c0d0e0f10', span_id: '1112131415161718', user: 'u1' }),
      value: 0.3,
      timestampMs: 1500n,
    };
    const mapped = mapWriteRequest(
      request(series({ __name__: 'latency_bucket', le: '0.5' }, [[1, 1000], [2, 2000]], { exemplars: [exemplar] })),
      noMetadata,
    );
    const [first, second] = mapped.points as NumberPoint[];
    assert.deepEqual(first!.exemplars, []);
    assert.equal(second!.exemplars.length, 1);
    const stored = second!.exemplars[0]!;
    assert.equal(Buffer.from(stored.traceId).toString('hex'), '0102030405060708090a0b0c0d0e0f10');
    assert.equal(Buffer.from(stored.spanId).toString('hex'), '1112131415161718');
    assert.deepEqual(stored.filteredAttributes, [{ key: 'user', value: { kind: 'string', value: 'u1' } }]);
    assert.equal(stored.timeUnixNano, 1_500_000_000n);
    assert.deepEqual(stored.value, { kind: 'double', value: 0.3 });
  });

  it('counts exemplars sent without samples as skipped', () => {
    const exemplar = { labels: [], value: 1, timestampMs: 1n };
    const mapped = mapWriteRequest(request(series({ __name__: 'x_total' }, [], { exemplars: [exemplar, exemplar] })), noMetadata);
    assert.equal(mapped.points.length, 0);
    assert.equal(mapped.skipped, 2);
    assert.match(mapped.skippedReasons[0]!, /exemplars/);
  });

  it('stores native histograms as exponential histograms and skips, with a reason, those it cannot', () => {
    const native: PromNativeHistogram = {
      count: { kind: 'int', value: 3n },
      sum: 1.5,
      schema: 1,
      zeroThreshold: 0,
      zeroCount: { kind: 'int', value: 0n },
      negative: { spans: [], deltas: [], counts: [] },
      positive: { spans: [{ offset: 2, length: 2 }], deltas: [1n, 1n], counts: [] },
      resetHint: 0,
      timestampMs: 5000n,
      customValues: [],
    };
    const cache = new MetadataCache(10);
    cache.remember([{ type: 3, familyName: 'rpc_seconds', help: 'RPC latency.', unit: 'seconds' }]);
    const mapped = mapWriteRequest(
      request(series({ __name__: 'rpc_seconds', job: 'svc' }, [], { histograms: [native, { ...native, resetHint: 3 }] })),
      cache.lookup,
    );
    assert.equal(mapped.points.length, 1);
    const point = mapped.points[0] as ExponentialHistogramPoint;
    assert.equal(point.kind, 'exponential_histogram');
    assert.equal(point.metric.type, 'exponential_histogram');
    assert.equal(point.metric.temporality, 2);
    assert.equal(point.metric.description, 'RPC latency.');
    assert.equal(point.metric.unit, 'seconds');
    assert.equal(point.count, 3n);
    assert.equal(point.scale, 1);
    assert.deepEqual(point.positive, { offset: 1, bucketCounts: [1n, 2n] });
    assert.equal(point.timeUnixNano, 5_000_000_000n);
    assert.equal(mapped.skipped, 1);
    assert.match(mapped.skippedReasons[0]!, /native histogram rpc_seconds: gauge histograms are not supported/);
  });
});
