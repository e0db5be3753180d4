import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';
import { registryToPoints, type PointContext } from './registry-points.ts';
import { selfResource, selfScope } from './self-resource.ts';

const context: PointContext = {
  resource: selfResource({ instanceId: 'node-a:8080', hostName: 'node-a', version: '0.1.0' }),
  scope: selfScope('0.1.0'),
  timeNs: 1_700_000_015_000_000_000n,
  startTimeNs: 1_700_000_000_000_000_000n,
};

async function pointsOf(registry: Registry) {
  return registryToPoints(await registry.getMetricsAsJSON(), context);
}

const text = (key: string, value: string) => ({ key, value: { kind: 'string', value } });

describe('registryToPoints', () => {
  it('turns a labelled counter into a monotonic cumulative sum starting at the process start', async () => {
    const registry = new Registry();
    const counter = new Counter({ name: 'sightline_things_total', help: 'Things.', labelNames: ['signal', 'protocol'], registers: [registry] });
    counter.inc({ signal: 'logs', protocol: 'syslog' }, 3);
    counter.inc({ protocol: 'grpc', signal: 'spans' }, 2.5);
    assert.deepEqual(await pointsOf(registry), [
      {
        kind: 'number',
        metric: { name: 'sightline_things_total', description: 'Things.', unit: '', type: 'sum', temporality: 2, isMonotonic: true, metadata: [] },
        resource: context.resource,
        scope: context.scope,
        attributes: [text('protocol', 'syslog'), text('signal', 'logs')],
        startTimeUnixNano: context.startTimeNs,
        timeUnixNano: context.timeNs,
        flags: 0,
        value: { kind: 'double', value: 3 },
        exemplars: [],
      },
      {
        kind: 'number',
        metric: { name: 'sightline_things_total', description: 'Things.', unit: '', type: 'sum', temporality: 2, isMonotonic: true, metadata: [] },
        resource: context.resource,
        scope: context.scope,
        attributes: [text('protocol', 'grpc'), text('signal', 'spans')],
        startTimeUnixNano: context.startTimeNs,
        timeUnixNano: context.timeNs,
        flags: 0,
        value: { kind: 'double', value: 2.5 },
        exemplars: [],
      },
    ]);
  });

  it('turns a gauge into a gauge point at the collection time and leaves out values that are not numbers', async () => {
    const registry = new Registry();
    const gauge = new Gauge({ name: 'sightline_queue_bytes', help: 'Bytes.', labelNames: ['queue'], registers: [registry] });
    gauge.set({ queue: 'a' }, 42);
    gauge.set({ queue: 'b' }, Number.NaN);
    assert.deepEqual(await pointsOf(registry), [
      {
        kind: 'number',
        metric: { name: 'sightline_queue_bytes', description: 'Bytes.', unit: '', type: 'gauge', temporality: 0, isMonotonic: false, metadata: [] },
        resource: context.resource,
        scope: context.scope,
        attributes: [text('queue', 'a')],
        startTimeUnixNano: context.timeNs,
        timeUnixNano: context.timeNs,
        flags: 0,
        value: { kind: 'double', value: 42 },
        exemplars: [],
      },
    ]);
  });

  it('turns a histogram into one point per series with per-bucket counts and the le bounds', async () => {
    const registry = new Registry();
    const histogram = new Histogram({ name: 'sightline_wait_seconds', help: 'Waits.', labelNames: ['table'], buckets: [0.1, 1, 5], registers: [registry] });
    for (const value of [0.05, 0.5, 0.7, 3, 60]) histogram.observe({ table: 'logs' }, value);
    histogram.observe({ table: 'spans' }, 0.2);
    assert.deepEqual(await pointsOf(registry), [
      {
        kind: 'histogram',
        metric: { name: 'sightline_wait_seconds', description: 'Waits.', unit: '', type: 'histogram', temporality: 2, isMonotonic: false, metadata: [] },
        resource: context.resource,
        scope: context.scope,
        attributes: [text('table', 'logs')],
        startTimeUnixNano: context.startTimeNs,
        timeUnixNano: context.timeNs,
        flags: 0,
        count: 5n,
        sum: 64.25,
        min: undefined,
        max: undefined,
        bucketCounts: [1n, 2n, 1n, 1n],
        explicitBounds: [0.1, 1, 5],
        exemplars: [],
      },
      {
        kind: 'histogram',
        metric: { name: 'sightline_wait_seconds', description: 'Waits.', unit: '', type: 'histogram', temporality: 2, isMonotonic: false, metadata: [] },
        resource: context.resource,
        scope: context.scope,
        attributes: [text('table', 'spans')],
        startTimeUnixNano: context.startTimeNs,
        timeUnixNano: context.timeNs,
        flags: 0,
        count: 1n,
        sum: 0.2,
        min: undefined,
        max: undefined,
        bucketCounts: [0n, 1n, 0n, 0n],
        explicitBounds: [0.1, 1, 5],
        exemplars: [],
      },
    ]);
  });

  it('turns a summary into a summary point with its quantiles, count and sum', async () => {
    const registry = new Registry();
    const summary = new Summary({ name: 'sightline_sizes', help: 'Sizes.', percentiles: [0.5, 0.9], registers: [registry] });
    for (const value of [1, 2, 3]) summary.observe(value);
    const points = await pointsOf(registry);
    assert.equal(points.length, 1);
    const [point] = points;
    assert.equal(point?.kind, 'summary');
    if (point?.kind !== 'summary') return;
    assert.deepEqual(point.metric, { name: 'sightline_sizes', description: 'Sizes.', unit: '', type: 'summary', temporality: 0, isMonotonic: false, metadata: [] });
    assert.deepEqual(point.attributes, []);
    assert.equal(point.count, 3n);
    assert.equal(point.sum, 6);
    assert.deepEqual(
      point.quantileValues.map((each) => each.quantile),
      [0.5, 0.9],
    );
    assert.equal(point.quantileValues[0]?.value, 2);
    assert.equal(point.startTimeUnixNano, context.startTimeNs);
  });

  it('names the resource as Sightline with its instance and host', () => {
    assert.deepEqual(context.resource.attributes, [
      text('service.name', 'sightline'),
      text('service.instance.id', 'node-a:8080'),
      text('service.version', '0.1.0'),
      text('host.name', 'node-a'),
    ]);
    assert.equal(context.scope.name, 'sightline/selfmon');
  });
});
