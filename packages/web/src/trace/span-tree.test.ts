import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ancestorsOf, buildSpanTree } from './span-tree.ts';
import { bigTrace, span, T0 } from './trace-fixtures.ts';

describe('buildSpanTree', () => {
  it('orders spans depth-first with children by start time', () => {
    const spans = [span('c2', 'root', 50, 90), span('root', '', 0, 100), span('c1', 'root', 10, 40), span('g1', 'c1', 20, 30)];
    const tree = buildSpanTree(spans);
    assert.deepEqual(
      tree.order.map((i) => spans[i]?.spanId),
      ['root', 'c1', 'g1', 'c2'],
    );
    assert.deepEqual(
      tree.order.map((i) => tree.nodes[i]?.depth),
      [0, 1, 2, 1],
    );
    assert.equal(tree.traceStartNs, T0);
    assert.equal(tree.durationNs, 100);
    assert.equal(tree.nodes[1]?.descendants, 3);
    assert.deepEqual(ancestorsOf(tree, 3), [2, 1]);
  });

  it('keeps spans whose parent is missing, as marked roots', () => {
    const spans = [span('root', '', 0, 100), span('lost', 'not-here', 30, 60), span('kid', 'lost', 35, 40)];
    const tree = buildSpanTree(spans);
    assert.deepEqual(tree.roots, [0, 1]);
    assert.equal(tree.nodes[1]?.orphan, true);
    assert.equal(tree.nodes[0]?.orphan, false);
    assert.equal(tree.nodes[2]?.depth, 1);
    assert.equal(tree.order.length, 3);
  });

  it('breaks parent cycles instead of losing the spans', () => {
    const spans = [span('root', '', 0, 100), span('a', 'b', 10, 20), span('b', 'a', 15, 25)];
    const tree = buildSpanTree(spans);
    assert.equal(tree.order.length, 3);
    assert.equal(tree.nodes[1]?.orphan, true);
    assert.equal(tree.nodes[2]?.parent, 1);
  });

  it('treats a span that is its own parent as a root, and keeps duplicates', () => {
    const spans = [span('x', 'x', 0, 10), span('x', '', 0, 10)];
    const tree = buildSpanTree(spans);
    assert.equal(tree.order.length, 2);
  });

  it('counts errors below each span', () => {
    const spans = [span('root', '', 0, 100), span('a', 'root', 10, 20, true), span('b', 'a', 12, 18, true)];
    const tree = buildSpanTree(spans);
    assert.equal(tree.nodes[0]?.descendantErrors, 2);
    assert.equal(tree.nodes[1]?.descendantErrors, 1);
  });

  it('clamps an end before the start', () => {
    const tree = buildSpanTree([span('a', '', 100, 50)]);
    assert.equal(tree.nodes[0]?.endNs, tree.nodes[0]?.startNs);
  });

  it('handles an empty trace', () => {
    const tree = buildSpanTree([]);
    assert.equal(tree.order.length, 0);
    assert.equal(tree.durationNs, 0);
  });

  it('builds a 10,000-span chain without deep recursion', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => span(`s${i}`, i === 0 ? '' : `s${i - 1}`, i, 20_000 - i));
    const tree = buildSpanTree(spans);
    assert.equal(tree.nodes[9999]?.depth, 9999);
    assert.equal(tree.nodes[0]?.descendants, 9999);
  });

  it('builds a wide 10,000-span trace quickly', () => {
    const started = performance.now();
    const tree = buildSpanTree(bigTrace(10_000));
    assert.equal(tree.order.length, 10_000);
    assert.ok(performance.now() - started < 2000);
  });
});
