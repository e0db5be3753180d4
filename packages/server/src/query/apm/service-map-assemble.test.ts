import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latencyBucketOf } from '../../signals/latency-buckets.ts';
import { assembleServiceMap, type DependencyLink, type ServiceCall, type ServiceMapInputs } from './service-map-assemble.ts';
import type { LatencyMap } from './latency-map.ts';

function latencyOf(durationsMs: readonly number[]): LatencyMap {
  const map: LatencyMap = new Map();
  for (const ms of durationsMs) {
    const bucket = latencyBucketOf(ms * 1e6);
    map.set(bucket, (map.get(bucket) ?? 0) + 1);
  }
  return map;
}

const external = (service: string, target: string, durationsMs: readonly number[], errors = 0): DependencyLink => ({
  service,
  type: 'external',
  system: '',
  target,
  incoming: false,
  calls: durationsMs.length,
  errors,
  latency: latencyOf(durationsMs),
});

const joined = (caller: string, callee: string, hosts: readonly string[], durationsMs: readonly number[]): ServiceCall => ({
  caller,
  callee,
  hosts,
  calls: durationsMs.length,
  errors: 0,
  latency: latencyOf(durationsMs),
});

const inputs = (fields: Partial<ServiceMapInputs>): ServiceMapInputs => ({
  services: [],
  dependencies: [],
  serviceCalls: [],
  rangeSeconds: 3600,
  windowSeconds: 600,
  ...fields,
});

const edgeIds = (map: ReturnType<typeof assembleServiceMap>) => map.edges.map((e) => `${e.source} -> ${e.target}`);

describe('assembleServiceMap', () => {
  it('adds a node without statistics for a service known only from an edge', () => {
    const map = assembleServiceMap(inputs({ serviceCalls: [joined('web', 'api', ['api'], [5])] }));
    assert.deepEqual(
      map.nodes.map((n) => [n.id, n.calls, n.errorRate, n.p99Ms]),
      [
        ['service:api', null, null, null],
        ['service:web', null, null, null],
      ],
    );
  });

  it('keeps an external node for a host served by several services or by the caller itself', () => {
    const map = assembleServiceMap(
      inputs({
        serviceCalls: [joined('web', 'users', ['gateway'], [1]), joined('web', 'orders', ['gateway'], [1]), joined('api', 'web', ['web:80'], [1])],
        dependencies: [external('batch', 'gateway', [3]), external('web', 'web:80', [4])],
      }),
    );
    assert.deepEqual(edgeIds(map), [
      'service:api -> service:web',
      'service:batch -> external:gateway',
      'service:web -> external:web:80',
      'service:web -> service:orders',
      'service:web -> service:users',
    ]);
  });

  it('merges external calls to two names of one service into one exact edge over the range', () => {
    const map = assembleServiceMap(
      inputs({
        serviceCalls: [joined('web', 'api', ['api', 'api:8080'], [1])],
        dependencies: [external('batch', 'api', [10, 20, 30], 1), external('batch', 'api:8080', [40, 1000], 1)],
      }),
    );
    const batch = map.edges.find((e) => e.source === 'service:batch');
    assert.deepEqual({ ...batch, p99Ms: null }, { source: 'service:batch', target: 'service:api', calls: 5, rate: 5 / 3600, errors: 2, errorRate: 0.4, p99Ms: null });
    assert.ok(batch?.p99Ms !== null && batch?.p99Ms !== undefined && Math.abs(batch.p99Ms - 1000) <= 10, String(batch?.p99Ms));
    assert.equal(map.edges.find((e) => e.source === 'service:web')?.rate, 1 / 600);
  });

  it('points received messages from the destination to the service', () => {
    const link = (service: string, incoming: boolean): DependencyLink => ({
      service,
      type: 'messaging',
      system: 'rabbitmq',
      target: '',
      incoming,
      calls: 1,
      errors: 0,
      latency: latencyOf([1]),
    });
    const map = assembleServiceMap(inputs({ dependencies: [link('producer', false), link('consumer', true)] }));
    assert.deepEqual(edgeIds(map), ['messaging:rabbitmq/ -> service:consumer', 'service:producer -> messaging:rabbitmq/']);
    assert.equal(map.nodes.find((n) => n.kind === 'messaging')?.name, 'rabbitmq');
  });
});
