import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceMapEdge, ServiceMapNode } from '@sightline/contract';
import { edgeLabel, edgeParam, isErrorTinted, nodeDetail, readSelectedEdge, serviceEdgesNote, truncateLabel } from './map-view.ts';

const edge: ServiceMapEdge = { source: 'service:a', target: 'service:b', calls: 600, rate: 10, errors: 30, errorRate: 0.05, p99Ms: 120 };

describe('service map text', () => {
  it('labels edges with rate, errors and p99', () => {
    assert.equal(edgeLabel(edge), '10/s · 5% err · p99 120 ms');
    assert.equal(edgeLabel({ ...edge, errors: 0, errorRate: 0, p99Ms: null }), '10/s');
  });

  it('describes nodes', () => {
    const svc: ServiceMapNode = { id: 'service:a', kind: 'service', name: 'a', system: '', calls: 120, errorRate: 0.1, p99Ms: 30 };
    assert.equal(nodeDetail(svc, 60), '2/s · 10% err · p99 30 ms');
    assert.equal(nodeDetail({ ...svc, id: 'database:postgresql/shop', kind: 'database', system: 'postgresql', calls: null }, 60), 'database · postgresql');
    assert.equal(nodeDetail({ ...svc, id: 'external:x', kind: 'external', calls: null }, 60), 'external');
  });

  it('truncates long names', () => {
    assert.equal(truncateLabel('orders', 10), 'orders');
    assert.equal(truncateLabel('a-very-long-service-name', 10), 'a-very-lo…');
  });

  it('tints high error rates', () => {
    assert.deepEqual([null, 0.049, 0.05].map(isErrorTinted), [false, false, true]);
  });

  it('keeps the selected edge in the URL', () => {
    const params = new URLSearchParams({ edge: edgeParam({ source: 'service:a b', target: 'database:postgresql/shop' }) });
    assert.deepEqual(readSelectedEdge(new URLSearchParams(params.toString())), { source: 'service:a b', target: 'database:postgresql/shop' });
    assert.equal(readSelectedEdge(new URLSearchParams('edge=nonsense')), undefined);
    assert.equal(readSelectedEdge(new URLSearchParams('')), undefined);
  });

  it('notes a service-edge window shorter than the range', () => {
    const range = { startMs: 0, endMs: 3_600_000 };
    const fmt = (ms: number): string => `${ms / 60_000}m`;
    assert.equal(serviceEdgesNote({ startMs: 30_000, endMs: 3_600_000 }, range, fmt), undefined);
    assert.match(
      serviceEdgesNote({ startMs: 1_800_000, endMs: 3_600_000 }, range, fmt) ?? '',
      /^Service → service edges are measured over 30m – 60m \(the newest 30 min/,
    );
  });
});
