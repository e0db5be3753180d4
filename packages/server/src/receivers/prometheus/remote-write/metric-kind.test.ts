import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MetadataCache } from './metadata-cache.ts';
import { seriesKind } from './metric-kind.ts';
import { PromMetricType, type PromMetricMetadata } from './write-request.ts';

function meta(familyName: string, type: number, help = '', unit = ''): PromMetricMetadata {
  return { type, familyName, help, unit };
}

function lookupOf(...entries: PromMetricMetadata[]) {
  const cache = new MetadataCache(100);
  cache.remember(entries);
  return cache.lookup;
}

const kindOf = (name: string, lookup = lookupOf()) => {
  const { type, temporality, isMonotonic } = seriesKind(name, lookup);
  return `${type}/${temporality}/${isMonotonic}`;
};
const COUNTER = 'sum/2/true';
const GAUGE = 'gauge/0/false';

describe('seriesKind', () => {
  it('without metadata: counter-like suffixes are monotonic cumulative sums, the rest gauges', () => {
    assert.equal(kindOf('http_requests_total'), COUNTER);
    assert.equal(kindOf('latency_seconds_bucket'), COUNTER);
    assert.equal(kindOf('latency_seconds_count'), COUNTER);
    assert.equal(kindOf('latency_seconds_sum'), COUNTER);
    assert.equal(kindOf('temperature_celsius'), GAUGE);
    assert.equal(kindOf('up'), GAUGE);
    assert.equal(kindOf('total_things'), GAUGE);
  });

  it('with metadata: the family type decides, and help and unit become description and unit', () => {
    const lookup = lookupOf(
      meta('jobs_processed', PromMetricType.COUNTER, 'Jobs done.', 'jobs'),
      meta('queue_total', PromMetricType.GAUGE),
      meta('rpc_seconds', PromMetricType.SUMMARY),
      meta('req_seconds', PromMetricType.HISTOGRAM),
      meta('mem_bytes', PromMetricType.UNKNOWN),
      meta('build', PromMetricType.INFO),
      meta('sizes', PromMetricType.GAUGEHISTOGRAM),
    );
    assert.deepEqual(seriesKind('jobs_processed', lookup), { type: 'sum', temporality: 2, isMonotonic: true, description: 'Jobs done.', unit: 'jobs' });
    assert.equal(kindOf('jobs_processed_total', lookup), COUNTER);
    assert.equal(kindOf('jobs_processed_created', lookup), GAUGE);
    assert.equal(kindOf('queue_total', lookup), GAUGE, 'a gauge named like a counter stays a gauge');
    assert.equal(kindOf('rpc_seconds', lookup), GAUGE, 'summary quantiles');
    assert.equal(kindOf('rpc_seconds_sum', lookup), COUNTER);
    assert.equal(kindOf('rpc_seconds_count', lookup), COUNTER);
    assert.equal(kindOf('req_seconds_bucket', lookup), COUNTER);
    assert.equal(kindOf('req_seconds_count', lookup), COUNTER);
    assert.equal(kindOf('mem_bytes', lookup), GAUGE);
    assert.equal(kindOf('build_info', lookup), GAUGE);
    assert.equal(kindOf('sizes_bucket', lookup), GAUGE, 'gauge histogram buckets go up and down');
    assert.equal(kindOf('sizes_gcount', lookup), GAUGE);
  });
});

describe('MetadataCache', () => {
  it('keeps the newest metadata per family and forgets the oldest family past its bound', () => {
    const cache = new MetadataCache(2);
    cache.remember([meta('a', PromMetricType.GAUGE), meta('b', PromMetricType.GAUGE)]);
    cache.remember([meta('a', PromMetricType.COUNTER)]); // a is now the newest
    cache.remember([meta('c', PromMetricType.GAUGE), meta('', PromMetricType.GAUGE)]);
    assert.equal(cache.size, 2);
    assert.equal(cache.lookup('b'), undefined);
    assert.equal(cache.lookup('a')?.type, PromMetricType.COUNTER);
    assert.equal(cache.lookup('c')?.type, PromMetricType.GAUGE);
  });
});
