import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutFlamegraph } from './flamegraph-layout.ts';
import { buildSpanTree } from './span-tree.ts';
import { bigTrace, span } from './trace-fixtures.ts';

function framesById(spans: Parameters<typeof buildSpanTree>[0]) {
  const layout = layoutFlamegraph(buildSpanTree(spans));
  const byId = new Map(layout.frames.map((f) => [spans[f.span]?.spanId ?? '?', f]));
  return { layout, byId };
}

describe('layoutFlamegraph', () => {
  it('puts children one row below their parent at their time', () => {
    const { layout, byId } = framesById([span('root', '', 0, 100), span('a', 'root', 0, 50), span('b', 'root', 50, 100)]);
    assert.equal(layout.rowCount, 2);
    assert.deepEqual(byId.get('a'), { span: 1, row: 1, offset: 0, width: 0.5 });
    assert.deepEqual(byId.get('b'), { span: 2, row: 1, offset: 0.5, width: 0.5 });
  });

  it('moves overlapping siblings down so frames never overlap', () => {
    const { layout, byId } = framesById([span('root', '', 0, 100), span('a', 'root', 0, 60), span('a1', 'a', 0, 30), span('b', 'root', 20, 80)]);
    assert.equal(byId.get('a')?.row, 1);
    assert.equal(byId.get('a1')?.row, 2);
    assert.equal(byId.get('b')?.row, 3);
    assert.equal(layout.rowCount, 4);
  });

  it('shows orphans and lists each row by start', () => {
    const { layout, byId } = framesById([span('root', '', 0, 100), span('o', 'gone', 10, 20), span('p', 'gone', 50, 60)]);
    assert.equal(byId.get('o')?.row, 1);
    assert.equal(byId.get('p')?.row, 1);
    assert.deepEqual(
      layout.rows[1]?.map((f) => layout.frames[f]?.span),
      [1, 2],
    );
  });

  it('never overlaps frames in a row of a big trace', () => {
    const layout = layoutFlamegraph(buildSpanTree(bigTrace(3000)));
    assert.equal(layout.frames.length, 3000);
    for (const row of layout.rows) {
      for (let i = 1; i < row.length; i++) {
        const prev = layout.frames[row[i - 1] ?? -1];
        const next = layout.frames[row[i] ?? -1];
        assert.ok(prev !== undefined && next !== undefined);
        assert.ok(prev.offset + prev.width <= next.offset + 1e-12, `row ${prev.row} overlaps`);
      }
    }
  });
});
