import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextSort, readSort, sortRows, writeSort, type SortState } from './table-sort.ts';

type Column = 'name' | 'rate' | 'p99';
const COLUMNS: readonly Column[] = ['name', 'rate', 'p99'];
const FALLBACK: SortState<Column> = { column: 'rate', order: 'desc' };

describe('sortRows', () => {
  const rows = [
    { name: 'b', p99: 5 },
    { name: 'a', p99: null },
    { name: 'C', p99: 9 },
    { name: 'd', p99: 5 },
  ];

  it('sorts numbers both ways with missing values last', () => {
    assert.deepEqual(
      sortRows(rows, (r) => r.p99, 'desc').map((r) => r.name),
      ['C', 'b', 'd', 'a'],
    );
    assert.deepEqual(
      sortRows(rows, (r) => r.p99, 'asc').map((r) => r.name),
      ['b', 'd', 'C', 'a'],
    );
  });

  it('sorts text case-insensitively and breaks ties as asked', () => {
    assert.deepEqual(
      sortRows(rows, (r) => r.name, 'asc').map((r) => r.name),
      ['a', 'b', 'C', 'd'],
    );
    const byNameDesc = (x: { name: string }, y: { name: string }): number => (x.name < y.name ? 1 : -1);
    assert.deepEqual(
      sortRows(rows, (r) => r.p99, 'asc', byNameDesc).map((r) => r.name),
      ['d', 'b', 'C', 'a'],
    );
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.name, 'desc');
    assert.deepEqual(rows, copy);
  });
});

describe('sort in the URL', () => {
  it('reads known columns and falls back otherwise', () => {
    assert.deepEqual(readSort(new URLSearchParams('sort=p99&order=asc'), COLUMNS, FALLBACK), { column: 'p99', order: 'asc' });
    assert.deepEqual(readSort(new URLSearchParams('sort=name'), COLUMNS, FALLBACK), { column: 'name', order: 'asc' });
    assert.deepEqual(readSort(new URLSearchParams('sort=p99'), COLUMNS, FALLBACK), { column: 'p99', order: 'desc' });
    assert.deepEqual(readSort(new URLSearchParams('sort=evil&order=sideways'), COLUMNS, FALLBACK), FALLBACK);
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    for (const sort of [FALLBACK, { column: 'name', order: 'asc' }, { column: 'name', order: 'desc' }, { column: 'p99', order: 'asc' }] as const) {
      const params = new URLSearchParams('range=1h&sort=old');
      writeSort(params, sort, FALLBACK);
      assert.equal(params.get('range'), '1h');
      assert.deepEqual(readSort(params, COLUMNS, FALLBACK), sort);
    }
    const params = new URLSearchParams();
    writeSort(params, FALLBACK, FALLBACK);
    assert.equal(params.toString(), '');
    writeSort(params, { column: 'name', order: 'asc' }, FALLBACK);
    assert.equal(params.toString(), 'sort=name');
  });

  it('flips the order on the sorted column and starts others in their natural order', () => {
    assert.deepEqual(nextSort(FALLBACK, 'rate'), { column: 'rate', order: 'asc' });
    assert.deepEqual(nextSort(FALLBACK, 'name'), { column: 'name', order: 'asc' });
    assert.deepEqual(nextSort({ column: 'name', order: 'asc' }, 'p99'), { column: 'p99', order: 'desc' });
  });
});
