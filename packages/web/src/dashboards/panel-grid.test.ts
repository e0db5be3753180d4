import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clampWidth, layoutPanels } from './panel-grid.ts';

const panel = (id: string, width: number) => ({ id, width });
const shape = (rows: ReturnType<typeof layoutPanels<{ id: string; width: number }>>) =>
  rows.map((row) => row.items.map((item) => `${item.panel.id}@${item.column}+${item.span}`));

describe('layoutPanels', () => {
  it('fills rows of twelve columns in order', () => {
    const rows = layoutPanels([panel('a', 6), panel('b', 6), panel('c', 4), panel('d', 4), panel('e', 4), panel('f', 12)]);
    assert.deepEqual(shape(rows), [['a@1+6', 'b@7+6'], ['c@1+4', 'd@5+4', 'e@9+4'], ['f@1+12']]);
  });

  it('starts a new row when a panel does not fit, leaving the gap', () => {
    const rows = layoutPanels([panel('a', 8), panel('b', 6), panel('c', 3), panel('d', 3)]);
    assert.deepEqual(shape(rows), [['a@1+8'], ['b@1+6', 'c@7+3', 'd@10+3']]);
  });

  it('has no rows without panels', () => {
    assert.deepEqual(layoutPanels([]), []);
  });

  it('clamps widths a hand-written definition may carry', () => {
    assert.equal(clampWidth(0), 1);
    assert.equal(clampWidth(20), 12);
    assert.equal(clampWidth(4.4), 4);
    assert.equal(clampWidth(Number.NaN), 12);
    assert.deepEqual(shape(layoutPanels([panel('a', 30), panel('b', 2)])), [['a@1+12'], ['b@1+2']]);
  });
});
