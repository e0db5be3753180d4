import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patchRow, removeRow } from './row-edits.ts';

describe('row edits', () => {
  const rows = [
    { key: 'a', value: '1' },
    { key: 'b', value: '2' },
  ];

  it('changes one row and keeps the others and the input as they were', () => {
    assert.deepEqual(patchRow(rows, 1, { value: '3' }), [
      { key: 'a', value: '1' },
      { key: 'b', value: '3' },
    ]);
    assert.equal(rows[1]?.value, '2');
  });

  it('removes one row', () => {
    assert.deepEqual(removeRow(rows, 0), [{ key: 'b', value: '2' }]);
    assert.deepEqual(removeRow(rows, 5), rows);
  });
});
