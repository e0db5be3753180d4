import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Registry } from 'prom-client';
import type { MetricPoint } from '../../signals/metric-point.ts';
import { samplesToPoints } from './host-points.ts';
import { HOST_METRICS_SCOPE } from './host-resource.ts';
import { intSample } from './host-sample.ts';
import { hostMetricsDiscardedCounter, RetryBuffer } from './retry-buffer.ts';

function collection(size: number, time: bigint): MetricPoint[] {
  const samples = Array.from({ length: size }, (_, index) => intSample('system.processes.created', [], BigInt(index)));
  const resource = { attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
  return samplesToPoints(samples, { resource, scope: HOST_METRICS_SCOPE, startTimeUnixNano: 0n, timeUnixNano: time });
}

async function discardedTotal(registry: Registry): Promise<number> {
  const metric = await registry.getSingleMetric('sightline_hostmetrics_discarded_points_total')?.get();
  return metric?.values[0]?.value ?? 0;
}

const refuse = (): Promise<void> => Promise.reject(new Error('refused'));

describe('RetryBuffer', () => {
  it('keeps refused collections, retries them oldest first in one write, and empties once written', async () => {
    const registry = new Registry();
    const buffer = new RetryBuffer(3, hostMetricsDiscardedCounter(registry));
    buffer.add(collection(2, 1n));
    const refused = await buffer.flush(refuse);
    assert.equal(refused.written, 0);
    assert.match(String(refused.error), /refused/);
    assert.equal(buffer.pendingPoints, 2);
    buffer.add(collection(3, 2n));
    const written: MetricPoint[][] = [];
    assert.deepEqual(await buffer.flush((points) => {
      written.push([...points]);
      return Promise.resolve();
    }), { written: 5, discarded: 0 });
    assert.deepEqual(written[0]?.map((point) => point.timeUnixNano), [1n, 1n, 2n, 2n, 2n]);
    assert.equal(buffer.pendingPoints, 0);
    assert.deepEqual(await buffer.flush(refuse), { written: 0, discarded: 0 });
  });

  it('keeps at most maxCollections after a refusal, counting the points of the oldest it gives up', async () => {
    const registry = new Registry();
    const buffer = new RetryBuffer(2, hostMetricsDiscardedCounter(registry));
    buffer.add(collection(4, 1n));
    assert.equal((await buffer.flush(refuse)).discarded, 0);
    buffer.add(collection(5, 2n));
    assert.equal((await buffer.flush(refuse)).discarded, 0);
    buffer.add(collection(6, 3n));
    assert.equal((await buffer.flush(refuse)).discarded, 4);
    assert.equal(buffer.pendingCollections, 2);
    assert.equal(await discardedTotal(registry), 4);
    // A write that succeeds takes every pending collection, the new one included.
    buffer.add(collection(1, 4n));
    assert.deepEqual(await buffer.flush(() => Promise.resolve()), { written: 12, discarded: 0 });
    buffer.add(collection(7, 5n));
    assert.equal(buffer.discardAll(), 7);
    assert.equal(await discardedTotal(registry), 11);
    assert.equal(buffer.pendingPoints, 0);
  });
});
