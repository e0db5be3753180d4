import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCriticalPath, mainRoot } from './critical-path.ts';
import { buildSpanTree } from './span-tree.ts';
import { bigTrace, span } from './trace-fixtures.ts';

function pathOf(spans: Parameters<typeof buildSpanTree>[0]) {
  const tree = buildSpanTree(spans);
  const path = computeCriticalPath(tree);
  return new Map([...path].map(([index, segments]) => [spans[index]?.spanId ?? '?', segments.map((s) => [...s])]));
}

describe('computeCriticalPath', () => {
  it('follows sequential children and the parent time between them', () => {
    // root 0..100; a 10..40; b 50..90
    const path = pathOf([span('root', '', 0, 100), span('a', 'root', 10, 40), span('b', 'root', 50, 90)]);
    assert.deepEqual(path.get('root'), [
      [90, 100],
      [40, 50],
      [0, 10],
    ]);
    assert.deepEqual(path.get('b'), [[50, 90]]);
    assert.deepEqual(path.get('a'), [[10, 40]]);
  });

  it('takes the last finisher among parallel children and skips the hidden one', () => {
    // a 10..80 and b 20..60 run in parallel: b finishes earlier and is covered by a.
    const path = pathOf([span('root', '', 0, 100), span('a', 'root', 10, 80), span('b', 'root', 20, 60)]);
    assert.equal(path.has('b'), false);
    assert.deepEqual(path.get('a'), [[10, 80]]);
    assert.deepEqual(path.get('root'), [
      [80, 100],
      [0, 10],
    ]);
  });

  it('includes a sibling that ends exactly where the next one starts', () => {
    const path = pathOf([span('root', '', 0, 30), span('a', 'root', 0, 10), span('b', 'root', 10, 30)]);
    assert.deepEqual(path.get('a'), [[0, 10]]);
    assert.deepEqual(path.get('b'), [[10, 30]]);
    assert.equal(path.has('root'), false);
  });

  it('clips a child that outlives its parent', () => {
    const path = pathOf([span('root', '', 0, 50), span('async', 'root', 40, 200)]);
    assert.deepEqual(path.get('async'), [[40, 50]]);
    assert.deepEqual(path.get('root'), [[0, 40]]);
  });

  it('descends through nested children', () => {
    const path = pathOf([span('root', '', 0, 100), span('a', 'root', 10, 90), span('a1', 'a', 20, 80)]);
    assert.deepEqual(path.get('a1'), [[20, 80]]);
    assert.deepEqual(path.get('a'), [
      [80, 90],
      [10, 20],
    ]);
  });

  it('starts from the longest real root, not an orphan', () => {
    const tree = buildSpanTree([span('orphan', 'gone', 0, 1000), span('root', '', 10, 20)]);
    assert.equal(mainRoot(tree), 1);
  });

  it('is empty for an empty trace and finishes on a big one', () => {
    assert.equal(computeCriticalPath(buildSpanTree([])).size, 0);
    const path = computeCriticalPath(buildSpanTree(bigTrace(10_000)));
    assert.ok(path.size > 0);
  });
});
