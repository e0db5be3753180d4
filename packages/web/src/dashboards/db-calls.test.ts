import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApmDependenciesResponse, ApmServiceMapResponse } from '@sightline/contract';
import { dbCallRows, servicesCalling } from './db-calls.ts';

const node = (id: string, kind: 'service' | 'database' | 'external', name: string, system = '') => ({
  id,
  kind,
  name,
  system,
  calls: null,
  errorRate: null,
  p99Ms: null,
});
const edge = (source: string, target: string) => ({ source, target, calls: 1, rate: 1, errors: 0, errorRate: 0, p99Ms: 1 });

const map: ApmServiceMapResponse = {
  nodes: [
    node('service:orders', 'service', 'orders'),
    node('service:checkout', 'service', 'checkout'),
    node('service:billing', 'service', 'billing'),
    node('database:postgresql/shop', 'database', 'shop', 'postgresql'),
    node('database:postgresql/audit', 'database', 'audit', 'postgresql'),
    node('database:mysql/legacy', 'database', 'legacy', 'mysql'),
    node('external:api.example', 'external', 'api.example'),
  ],
  edges: [
    edge('service:orders', 'database:postgresql/shop'),
    edge('service:checkout', 'database:postgresql/audit'),
    edge('service:checkout', 'database:postgresql/shop'),
    edge('service:billing', 'database:mysql/legacy'),
    edge('service:billing', 'external:api.example'),
    edge('service:checkout', 'service:orders'),
  ],
  serviceEdgesWindow: { startMs: 0, endMs: 1 },
};

describe('servicesCalling', () => {
  it('finds the services with an edge to a database of the system', () => {
    assert.deepEqual(servicesCalling(map, 'postgresql'), ['checkout', 'orders']);
    assert.deepEqual(servicesCalling(map, 'mysql'), ['billing']);
    assert.deepEqual(servicesCalling(map, 'redis'), []);
  });
});

const stats = (calls: number) => ({
  calls,
  rate: calls / 60,
  errors: 1,
  errorRate: 1 / calls,
  avgMs: 2,
  p50Ms: 1,
  p90Ms: 3,
  p95Ms: 4,
  p99Ms: 5,
  maxMs: 6,
});

describe('dbCallRows', () => {
  it("keeps the system's calls of every service, most calls first", () => {
    const responses: ApmDependenciesResponse[] = [
      {
        service: 'orders',
        type: 'db',
        overflow: [],
        dependencies: [
          { ...stats(10), type: 'db', system: 'postgresql', target: 'shop', operation: 'SELECT', spanKind: 3 },
          { ...stats(50), type: 'db', system: 'redis', target: '0', operation: 'GET', spanKind: 3 },
        ],
      },
      {
        service: 'checkout',
        type: 'db',
        overflow: [],
        dependencies: [
          { ...stats(30), type: 'db', system: 'postgresql', target: 'shop', operation: 'INSERT', spanKind: 3 },
          { ...stats(10), type: 'db', system: 'postgresql', target: 'audit', operation: 'INSERT', spanKind: 3 },
        ],
      },
    ];
    assert.deepEqual(
      dbCallRows(responses, 'postgresql').map((r) => `${r.service}/${r.target}/${r.operation}/${r.calls}`),
      ['checkout/shop/INSERT/30', 'checkout/audit/INSERT/10', 'orders/shop/SELECT/10'],
    );
    assert.deepEqual(dbCallRows(responses, 'mysql'), []);
  });
});
