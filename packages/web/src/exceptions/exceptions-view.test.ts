import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readExceptionsView, toggleOpen, writeExceptionsSort, writeServiceFilter } from './exceptions-view.ts';

describe('exceptions view URL state', () => {
  it('reads service, sort and expanded groups', () => {
    const view = readExceptionsView(new URLSearchParams('service=orders&sort=lastSeen&open=a&open=b'));
    assert.equal(view.service, 'orders');
    assert.deepEqual(view.sort, { column: 'lastSeen', order: 'desc' });
    assert.deepEqual([...view.open], ['a', 'b']);
  });

  it('toggles groups open and closed', () => {
    const params = new URLSearchParams('range=1h&open=a');
    toggleOpen(params, 'b');
    assert.equal(params.toString(), 'range=1h&open=a&open=b');
    toggleOpen(params, 'a');
    assert.equal(params.toString(), 'range=1h&open=b');
  });

  it('drops expanded groups when the service changes, and default sorts', () => {
    const params = new URLSearchParams('open=a&sort=type');
    writeServiceFilter(params, 'payments');
    writeExceptionsSort(params, { column: 'count', order: 'desc' });
    assert.equal(params.toString(), 'service=payments');
    writeServiceFilter(params, '');
    assert.equal(params.toString(), '');
  });
});
