import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApmServiceSummary } from '@sightline/contract';
import { sortRows } from '../apm/table-sort.ts';
import { byServiceName, filterServices, readServicesView, serviceSortValue, SERVICE_COLUMNS, writeServicesView } from './services-view.ts';

const summary = (name: string, over: Partial<ApmServiceSummary> = {}): ApmServiceSummary => ({
  name,
  active: true,
  calls: 60,
  rate: 1,
  errors: 0,
  errorRate: 0,
  avgMs: 5,
  p50Ms: 4,
  p90Ms: 8,
  p95Ms: 9,
  p99Ms: 10,
  maxMs: 12,
  apdexThresholdMs: 500,
  apdex: 1,
  sparkline: { startMs: 0, stepSeconds: 60, calls: [60], errors: [0] },
  ...over,
});

const services = [
  summary('orders', { rate: 5, p99Ms: 80, errorRate: 0.02 }),
  summary('frontend', { rate: 9, p99Ms: 120 }),
  summary('legacy-batch', { active: false, calls: 0, rate: 0, p99Ms: null, apdex: null }),
  summary('payments', { rate: 5, p99Ms: 300, errorRate: 0.1 }),
];

describe('services view', () => {
  it('reads and writes the URL state', () => {
    const params = new URLSearchParams('range=1h&q=ord&sort=p99&order=asc');
    const view = readServicesView(params);
    assert.deepEqual(view, { filter: 'ord', sort: { column: 'p99', order: 'asc' } });
    writeServicesView(params, { filter: ' ', sort: { column: 'rate', order: 'desc' } });
    assert.equal(params.toString(), 'range=1h');
  });

  it('filters by every word of the filter, ignoring case', () => {
    assert.deepEqual(
      filterServices(services, 'OR').map((s) => s.name),
      ['orders'],
    );
    assert.deepEqual(
      filterServices(services, ' a  e ').map((s) => s.name),
      ['legacy-batch', 'payments'],
    );
    assert.equal(filterServices(services, '').length, 4);
  });

  it('sorts every column with inactive services last and ties by name', () => {
    const sorted = (column: (typeof SERVICE_COLUMNS)[number], order: 'asc' | 'desc'): string[] =>
      sortRows(services, serviceSortValue(column), order, byServiceName).map((s) => s.name);
    assert.deepEqual(sorted('rate', 'desc'), ['frontend', 'orders', 'payments', 'legacy-batch']);
    assert.deepEqual(sorted('rate', 'asc'), ['orders', 'payments', 'frontend', 'legacy-batch']);
    assert.deepEqual(sorted('errorRate', 'desc'), ['payments', 'orders', 'frontend', 'legacy-batch']);
    assert.deepEqual(sorted('p99', 'asc'), ['orders', 'frontend', 'payments', 'legacy-batch']);
    assert.deepEqual(sorted('name', 'asc'), ['frontend', 'legacy-batch', 'orders', 'payments']);
    for (const column of SERVICE_COLUMNS) assert.equal(sorted(column, 'asc').length, 4);
  });
});
