import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APM_OVERFLOW_NAME } from '@sightline/contract';
import { Registry } from 'prom-client';
import type { DependencyGroup, SpanMetricGroup, SpanMetricsDigest } from '../../signals/span-metrics.ts';
import { encodeRows } from '../../storage/encode/encode-rows.ts';
import { dependencyMetrics1mTable, spanMetrics1mTable } from '../../storage/schema/apm-tables.ts';
import { SpanMetricsStage } from './span-metrics-stage.ts';

const T0 = 1_700_000_040_000;
const MINUTE = 1_700_000_040;

function spanGroup(service: string, operation: string, calls: number, durationNs = 1000): SpanMetricGroup {
  return {
    minute: MINUTE,
    service,
    operation,
    spanKind: 2,
    isEntry: true,
    environment: '',
    calls,
    errors: 1,
    durationSumNs: durationNs * calls,
    durationMinNs: durationNs,
    durationMaxNs: durationNs,
    latency: new Map([[7, calls]]),
    errorLatency: new Map([[7, 1]]),
  };
}

function dependencyGroup(service: string, target: string, calls: number): DependencyGroup {
  return {
    minute: MINUTE,
    service,
    environment: '',
    dependencyType: 'db',
    system: 'postgresql',
    target,
    operation: 'SELECT',
    spanKind: 3,
    calls,
    errors: 0,
    durationSumNs: 10 * calls,
    durationMinNs: 10,
    durationMaxNs: 10,
    latency: new Map([[0, calls]]),
    errorLatency: new Map(),
  };
}

function digestOf(spans: SpanMetricGroup[], dependencies: DependencyGroup[] = []): SpanMetricsDigest {
  return { spans, dependencies };
}

async function metricValues(registry: Registry, name: string): Promise<{ labels: Record<string, string | number>; value: number }[]> {
  const metric = await registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).map(({ labels, value }) => ({ labels: { ...labels } as Record<string, string | number>, value }));
}

describe('span metrics stage', () => {
  it('passes groups within the caps through unchanged', () => {
    const stage = new SpanMetricsStage({ maxServices: 5, maxOperationsPerService: 5, capWindowSeconds: 60 }, new Registry());
    const spans = [spanGroup('a', 'x', 3)];
    const dependencies = [dependencyGroup('a', 'shop', 2)];
    const chunks = stage.chunksFor(digestOf(spans, dependencies), T0);
    assert.deepEqual(chunks, [encodeRows(spanMetrics1mTable, spans), encodeRows(dependencyMetrics1mTable, dependencies)]);
    assert.deepEqual(stage.chunksFor(digestOf([]), T0), []);
  });

  it('merges operations past the cap under the overflow name, counts and records them', async () => {
    const registry = new Registry();
    const stage = new SpanMetricsStage({ maxServices: 5, maxOperationsPerService: 2, capWindowSeconds: 60 }, registry);
    const spans = [spanGroup('a', 'o1', 1), spanGroup('a', 'o2', 2), spanGroup('a', 'o3', 3, 5000), spanGroup('a', 'o4', 4, 200)];
    const chunks = stage.chunksFor(digestOf(spans), T0);
    const expected: SpanMetricGroup[] = [
      spans[0]!,
      spans[1]!,
      { ...spanGroup('a', APM_OVERFLOW_NAME, 7), errors: 2, errorLatency: new Map([[7, 2]]), durationSumNs: 15_000 + 800, durationMinNs: 200, durationMaxNs: 5000 },
    ];
    assert.deepEqual(chunks, [encodeRows(spanMetrics1mTable, expected)]);
    assert.equal(spans[2]!.operation, 'o3');
    assert.deepEqual(await metricValues(registry, 'sightline_apm_overflow_spans_total'), [{ labels: { dimension: 'operation', service: 'a' }, value: 7 }]);
    assert.deepEqual(stage.overflows(), [{ service: 'a', dimension: 'operation', firstSeenMs: T0, lastSeenMs: T0, spans: 7, sampleNames: ['o3', 'o4'], limit: 2 }]);
    const tracked = await metricValues(registry, 'sightline_apm_tracked_names');
    assert.deepEqual(tracked.map(({ labels, value }) => [labels.dimension, value]), [['service', 1], ['operation', 2], ['dependency', 0]]);
  });

  it('overflows services, and dependency targets per service', async () => {
    const registry = new Registry();
    const stage = new SpanMetricsStage({ maxServices: 1, maxOperationsPerService: 1, capWindowSeconds: 60 }, registry);
    const chunks = stage.chunksFor(
      digestOf([spanGroup('a', 'x', 1), spanGroup('b', 'x', 2), spanGroup('c', 'x', 3)], [dependencyGroup('a', 'shop', 1), dependencyGroup('a', 'billing', 2), dependencyGroup('b', 'shop', 4)]),
      T0 + 5,
    );
    assert.deepEqual(chunks, [
      encodeRows(spanMetrics1mTable, [spanGroup('a', 'x', 1), { ...spanGroup(APM_OVERFLOW_NAME, 'x', 5), errors: 2, errorLatency: new Map([[7, 2]]) }]),
      encodeRows(dependencyMetrics1mTable, [
        dependencyGroup('a', 'shop', 1),
        { ...dependencyGroup('a', APM_OVERFLOW_NAME, 2), operation: APM_OVERFLOW_NAME },
        dependencyGroup(APM_OVERFLOW_NAME, 'shop', 4),
      ]),
    ]);
    const counted = await metricValues(registry, 'sightline_apm_overflow_spans_total');
    assert.deepEqual(counted, [
      { labels: { dimension: 'service', service: APM_OVERFLOW_NAME }, value: 5 },
      { labels: { dimension: 'dependency', service: 'a' }, value: 2 },
    ]);
    assert.deepEqual(
      stage.overflows().map(({ service, dimension, spans, sampleNames }) => ({ service, dimension, spans, sampleNames })),
      [
        { service: APM_OVERFLOW_NAME, dimension: 'service', spans: 5, sampleNames: ['b', 'c'] },
        { service: 'a', dimension: 'dependency', spans: 2, sampleNames: ['db postgresql billing SELECT'] },
      ],
    );
  });

  it('tracks names afresh in each window', () => {
    const stage = new SpanMetricsStage({ maxServices: 1, maxOperationsPerService: 1, capWindowSeconds: 60 }, new Registry());
    const fromB = digestOf([spanGroup('b', 'x', 1)]);
    stage.chunksFor(digestOf([spanGroup('a', 'x', 1)]), T0);
    assert.deepEqual(stage.chunksFor(fromB, T0 + 59_999), [encodeRows(spanMetrics1mTable, [spanGroup(APM_OVERFLOW_NAME, 'x', 1)])]);
    assert.deepEqual(stage.chunksFor(fromB, T0 + 60_000), [encodeRows(spanMetrics1mTable, [spanGroup('b', 'x', 1)])]);
    assert.equal(stage.overflows()[0]?.lastSeenMs, T0 + 59_999);
  });
});
