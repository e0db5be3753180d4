import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWaterfallModel, collapseFromDepth, expandTo, toggleCollapsed, waterfallRows } from './waterfall-layout.ts';
import { bigTrace, span } from './trace-fixtures.ts';

const spans = [
  span('root', '', 0, 200),
  span('a', 'root', 20, 100),
  span('a1', 'a', 40, 60, true),
  span('b', 'root', 100, 200),
  span('orphan', 'missing', 150, 170),
];

describe('waterfallRows', () => {
  const model = buildWaterfallModel(spans);

  it('lists every span with depth and bar fractions', () => {
    const rows = waterfallRows(model, new Set());
    assert.deepEqual(
      rows.map((r) => spans[r.span]?.spanId),
      ['root', 'a', 'a1', 'b', 'orphan'],
    );
    assert.deepEqual(
      rows.map((r) => r.depth),
      [0, 1, 2, 1, 0],
    );
    const a = rows[1];
    assert.equal(a?.offset, 0.1);
    assert.equal(a?.width, 0.4);
    assert.equal(rows[2]?.error, true);
    assert.equal(rows[4]?.orphan, true);
    assert.equal(rows[0]?.childCount, 2);
  });

  it('hides the subtree of a collapsed span and counts what it hides', () => {
    const rows = waterfallRows(model, new Set([1]));
    assert.deepEqual(
      rows.map((r) => spans[r.span]?.spanId),
      ['root', 'a', 'b', 'orphan'],
    );
    assert.equal(rows[1]?.collapsed, true);
    assert.equal(rows[1]?.hiddenSpans, 1);
    assert.equal(rows[1]?.hiddenErrors, 1);
  });

  it('ignores collapsing a leaf', () => {
    const rows = waterfallRows(model, new Set([2]));
    assert.equal(rows.length, 5);
    assert.equal(rows[2]?.collapsed, false);
  });

  it('marks the critical path as fractions', () => {
    const rows = waterfallRows(model, new Set());
    const b = rows[3];
    assert.deepEqual(b?.critical, [{ offset: 0.5, width: 0.5 }]);
    assert.deepEqual(rows[4]?.critical, []);
  });

  it('expands the ancestors of a span, and collapses from a depth', () => {
    const collapsed = collapseFromDepth(model.tree, 0);
    assert.deepEqual([...collapsed].sort(), [0, 1]);
    assert.equal(waterfallRows(model, collapsed).length, 2);
    const expanded = expandTo(model.tree, collapsed, 2);
    assert.deepEqual([...expanded], []);
    assert.equal(expandTo(model.tree, new Set([3]), 2).has(3), true);
  });

  it('toggles one span', () => {
    assert.deepEqual([...toggleCollapsed(new Set([1]), 1)], []);
    assert.deepEqual([...toggleCollapsed(new Set(), 1)], [1]);
  });

  it('gives a zero-length trace full-width bars', () => {
    const rows = waterfallRows(buildWaterfallModel([span('x', '', 5, 5)]), new Set());
    assert.deepEqual([rows[0]?.offset, rows[0]?.width], [0, 1]);
  });

  it('lays out 10,000 spans fast enough to redo on every collapse', () => {
    const big = buildWaterfallModel(bigTrace(10_000));
    const started = performance.now();
    const rows = waterfallRows(big, new Set());
    const collapsedRows = waterfallRows(big, new Set([1]));
    assert.equal(rows.length, 10_000);
    assert.ok(collapsedRows.length < rows.length);
    assert.ok(performance.now() - started < 1000);
  });
});
