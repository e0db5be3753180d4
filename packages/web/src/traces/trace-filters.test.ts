import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTraceFilters, traceFilterProblems, traceSearchRequest, writeTraceFilters } from './trace-filters.ts';

describe('trace filters', () => {
  const url =
    'service=checkout&operation=GET+%2Fcart&minDuration=250ms&status=error&kind=server&attr=http.route%3D%2Fcart&rattr=host.name&sort=duration&order=asc&range=15m&cursor=abc';

  it('reads the URL', () => {
    const filters = readTraceFilters(new URLSearchParams(url));
    assert.equal(filters.service, 'checkout');
    assert.equal(filters.operation, 'GET /cart');
    assert.equal(filters.status, 'error');
    assert.equal(filters.kind, 'server');
    assert.deepEqual(filters.attributes, [{ key: 'http.route', op: 'equals', value: '/cart' }]);
    assert.deepEqual(filters.resourceAttributes, [{ key: 'host.name', op: 'exists' }]);
    assert.equal(filters.sort, 'duration');
    assert.equal(filters.order, 'asc');
  });

  it('ignores unknown enum values', () => {
    const filters = readTraceFilters(new URLSearchParams('status=weird&kind=alien&sort=x&order=y'));
    assert.deepEqual([filters.status, filters.kind, filters.sort, filters.order], ['', '', 'start', 'desc']);
  });

  it('writes back, keeping other parameters and dropping the cursor', () => {
    const params = new URLSearchParams(url);
    writeTraceFilters(params, readTraceFilters(params));
    assert.equal(params.get('range'), '15m');
    assert.equal(params.get('cursor'), null);
    assert.deepEqual(readTraceFilters(params), readTraceFilters(new URLSearchParams(url)));
  });

  it('builds the search request', () => {
    const request = traceSearchRequest(readTraceFilters(new URLSearchParams(url)), { startMs: 1, endMs: 2 }, { cursor: 'c', limit: 50 });
    assert.deepEqual(request, {
      start: 1,
      end: 2,
      sort: 'duration',
      order: 'asc',
      service: 'checkout',
      operation: 'GET /cart',
      minDurationNs: '250000000',
      status: 'error',
      kind: 2,
      attributes: [{ key: 'http.route', op: 'equals', value: '/cart' }],
      resourceAttributes: [{ key: 'host.name', op: 'exists' }],
      limit: 50,
      cursor: 'c',
    });
  });

  it('reports unreadable and inverted durations', () => {
    const base = readTraceFilters(new URLSearchParams(''));
    assert.deepEqual(traceFilterProblems({ ...base, minDuration: 'slow' }), { minDuration: 'Use a duration like 250ms, 1.5s or 300us' });
    assert.deepEqual(traceFilterProblems({ ...base, minDuration: '2s', maxDuration: '1s' }), { maxDuration: 'Must not be below the minimum' });
    assert.deepEqual(traceFilterProblems({ ...base, minDuration: '1s', maxDuration: '2s' }), {});
  });
});
