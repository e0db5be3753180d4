import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_DEPENDENCY_SORT,
  DEPENDENCY_COLUMNS,
  dependencyTypeOf,
  readChartOperation,
  readTab,
  readTableSort,
  writeChartOperation,
  writeTab,
} from './detail-view.ts';

describe('service page URL state', () => {
  it('reads the tab, defaulting to operations', () => {
    assert.equal(readTab(new URLSearchParams('tab=db')), 'db');
    assert.equal(readTab(new URLSearchParams('tab=nope')), 'operations');
    assert.equal(readTab(new URLSearchParams('')), 'operations');
  });

  it('drops the previous tab table sort when switching tabs', () => {
    const params = new URLSearchParams('range=1h&sort=p99&order=asc&op=GET+%2F&open=x');
    writeTab(params, 'external');
    assert.equal(params.toString(), 'range=1h&op=GET+%2F&tab=external');
    writeTab(params, 'operations');
    assert.equal(params.get('tab'), null);
  });

  it('keeps the chart operation', () => {
    const params = new URLSearchParams();
    writeChartOperation(params, 'GET /orders/:id');
    assert.equal(readChartOperation(params), 'GET /orders/:id');
    writeChartOperation(params, '');
    assert.equal(params.has('op'), false);
  });

  it('maps tabs to dependency types and reads their sort', () => {
    assert.deepEqual(
      ['operations', 'db', 'external', 'messaging', 'errors'].map((t) => dependencyTypeOf(t as never)),
      [undefined, 'db', 'external', 'messaging', undefined],
    );
    assert.deepEqual(readTableSort(new URLSearchParams('sort=target'), DEPENDENCY_COLUMNS, DEFAULT_DEPENDENCY_SORT), { column: 'target', order: 'asc' });
  });
});
