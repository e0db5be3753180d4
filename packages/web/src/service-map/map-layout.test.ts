import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bezierPoint, curvePath, edgeCurve, labelWidth, placeEdges, pointAtX, spreadLabels } from './map-edges.ts';
import { COLUMN_GAP, layoutServiceMap, MARGIN, NODE_HEIGHT, NODE_WIDTH, type LayoutInputEdge, type LayoutInputNode } from './map-layout.ts';

const service = (name: string): LayoutInputNode => ({ id: `service:${name}`, kind: 'service', name });
const db = (name: string): LayoutInputNode => ({ id: `database:postgresql/${name}`, kind: 'database', name });
const edge = (source: string, target: string): LayoutInputEdge => ({ source, target });

const nodes = [service('frontend'), service('orders'), service('payments'), db('shop')];
const edges = [
  edge('service:frontend', 'service:orders'),
  edge('service:orders', 'service:payments'),
  edge('service:orders', 'database:postgresql/shop'),
  edge('service:payments', 'database:postgresql/shop'),
];
const layers = (layout: ReturnType<typeof layoutServiceMap>): Record<string, number> =>
  Object.fromEntries([...layout.nodes.values()].map((n) => [n.id, n.layer]));

describe('layoutServiceMap', () => {
  it('puts callers left of what they call, by the longest path', () => {
    const layout = layoutServiceMap(nodes, edges);
    assert.deepEqual(layers(layout), {
      'service:frontend': 0,
      'service:orders': 1,
      'service:payments': 2,
      'database:postgresql/shop': 3,
    });
    assert.equal(layout.nodes.get('service:frontend')?.x, MARGIN);
    assert.equal(layout.nodes.get('service:orders')?.x, MARGIN + NODE_WIDTH + COLUMN_GAP);
    assert.equal(layout.width, 2 * MARGIN + 4 * NODE_WIDTH + 3 * COLUMN_GAP);
    assert.equal(layout.height, 2 * MARGIN + NODE_HEIGHT);
    assert.equal(layout.backEdges.size, 0);
  });

  it('gives the same picture whatever the input order', () => {
    const a = layoutServiceMap(nodes, edges);
    const b = layoutServiceMap([...nodes].reverse(), [...edges].reverse());
    assert.deepEqual([...a.nodes.entries()].sort(), [...b.nodes.entries()].sort());
  });

  it('breaks cycles, keeps every node, and marks the closing edge', () => {
    const cyclic = [...edges, edge('service:payments', 'service:orders'), edge('service:orders', 'service:orders')];
    const layout = layoutServiceMap(nodes, cyclic);
    assert.equal(layout.nodes.size, 4);
    assert.deepEqual([...layout.backEdges], ['service:payments\u0000service:orders']);
    assert.equal(layers(layout)['service:frontend'], 0);
  });

  it('lays out a graph that is all cycle', () => {
    const layout = layoutServiceMap([service('a'), service('b')], [edge('service:a', 'service:b'), edge('service:b', 'service:a')]);
    assert.deepEqual(layers(layout), { 'service:a': 0, 'service:b': 1 });
  });

  it('orders rows to avoid crossings', () => {
    // a → y and b → x: barycentres put x next to b and y next to a.
    const graph = [service('a'), service('b'), service('x'), service('y')];
    const layout = layoutServiceMap(graph, [edge('service:a', 'service:y'), edge('service:b', 'service:x')]);
    const row = (id: string): number => layout.nodes.get(id)!.y;
    assert.equal(row('service:a') < row('service:b'), row('service:y') < row('service:x'));
  });

  it('centres short columns and never overlaps nodes', () => {
    const fan = [service('root'), ...['a', 'b', 'c'].map(db)];
    const layout = layoutServiceMap(
      fan,
      ['a', 'b', 'c'].map((n) => edge('service:root', `database:postgresql/${n}`)),
    );
    const dbs = [...layout.nodes.values()].filter((n) => n.layer === 1).sort((p, q) => p.y - q.y);
    for (let i = 1; i < dbs.length; i++) assert.ok(dbs[i]!.y - dbs[i - 1]!.y >= NODE_HEIGHT);
    const root = layout.nodes.get('service:root')!;
    assert.equal(root.y + NODE_HEIGHT / 2, (dbs[0]!.y + dbs[2]!.y + NODE_HEIGHT) / 2);
  });

  it('ignores edges to unknown nodes and handles an empty graph', () => {
    assert.equal(layoutServiceMap([service('a')], [edge('service:a', 'nowhere')]).nodes.size, 1);
    const empty = layoutServiceMap([], []);
    assert.deepEqual([empty.nodes.size, empty.width, empty.height], [0, 0, 0]);
  });

  it('handles a long chain without recursion limits', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => service(`s${String(i).padStart(4, '0')}`));
    const links = chain.slice(1).map((n, i) => edge(chain[i]!.id, n.id));
    assert.equal(layoutServiceMap(chain, links).nodes.get(chain[2999]!.id)?.layer, 2999);
  });
});

describe('edge placement', () => {
  const at = (id: string, layer: number, x: number, y: number) => ({ id, layer, x, y });

  it('joins right side to left side for forward edges', () => {
    const curve = edgeCurve(at('a', 0, 0, 0), at('b', 1, 300, 100), false);
    assert.equal(curvePath(curve), `M${NODE_WIDTH},${NODE_HEIGHT / 2} C${(NODE_WIDTH + 300) / 2},26 ${(NODE_WIDTH + 300) / 2},126 300,126`);
    assert.deepEqual(bezierPoint(curve, 0.5), [(NODE_WIDTH + 300) / 2, 76]);
  });

  it('runs back edges leftwards, below the forward edge between the same nodes', () => {
    const back = edgeCurve(at('b', 1, 300, 0), at('a', 0, 0, 0), true);
    const forward = edgeCurve(at('a', 0, 0, 0), at('b', 1, 300, 0), false);
    assert.deepEqual(back[0], [300, NODE_HEIGHT * 0.78]);
    assert.deepEqual(back[3], [NODE_WIDTH, NODE_HEIGHT * 0.78]);
    assert.ok(bezierPoint(back, 0.5)[1] > bezierPoint(forward, 0.5)[1]);
  });

  it('finds the point of a curve at an x', () => {
    const curve = edgeCurve(at('a', 0, 0, 0), at('b', 1, 300, 100), false);
    const [x, y] = pointAtX(curve, (NODE_WIDTH + 300) / 2);
    assert.ok(Math.abs(x - (NODE_WIDTH + 300) / 2) < 0.01);
    assert.ok(Math.abs(y - 76) < 0.01);
  });

  it('labels every edge without overlaps, inside the gap between columns', () => {
    const layout = layoutServiceMap(nodes, edges);
    const placed = placeEdges(layout, edges, () => 'a label of some width');
    assert.equal(placed.length, edges.length);
    for (const { edge, geometry } of placed) {
      const left = layout.nodes.get(edge.source)!.x + NODE_WIDTH;
      assert.ok(geometry.labelX - labelWidth('a label of some width') / 2 >= left, 'starts right of the source');
    }
    const boxes = placed.map((p) => p.geometry);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        assert.ok(Math.abs(a.labelX - b.labelX) >= labelWidth('a label of some width') || Math.abs(a.labelY - b.labelY) >= 14, `labels ${i} and ${j} overlap`);
      }
  });

  it('spreads overlapping labels downwards, deterministically', () => {
    const moved = spreadLabels([
      { key: 'b', x: 100, y: 50, width: 80 },
      { key: 'a', x: 110, y: 52, width: 80 },
      { key: 'far', x: 400, y: 50, width: 80 },
    ]);
    assert.deepEqual(Object.fromEntries(moved), { b: 50, a: 64, far: 50 });
  });
});
