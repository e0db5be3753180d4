/** Where the service map draws its edges: SVG cubic curves, and label points that do not overlap. Pure. */

import { edgeKey, NODE_HEIGHT, NODE_WIDTH, type Layout, type LayoutInputEdge, type PlacedNode } from './map-layout.ts';

export interface EdgeGeometry {
  /** SVG path data (`M … C …`). */
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
}

type Point = readonly [number, number];
type Curve = readonly [Point, Point, Point, Point];

/** The point at `t` (0..1) along a cubic Bézier curve. */
export function bezierPoint([p0, p1, p2, p3]: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

const r = (n: number): number => Math.round(n * 10) / 10;

/**
 * A rightward edge leaves the source's right side and enters the target's left side. An edge that
 * points back (part of a cycle: always leftwards) runs from the source's left side to the target's
 * right side, a little lower, so it stays apart from an edge the other way between the same nodes.
 */
export function edgeCurve(source: PlacedNode, target: PlacedNode, back: boolean): Curve {
  const mid = NODE_HEIGHT / 2;
  const low = NODE_HEIGHT * 0.78;
  const start: Point = back ? [source.x, source.y + low] : [source.x + NODE_WIDTH, source.y + mid];
  const end: Point = back ? [target.x + NODE_WIDTH, target.y + low] : [target.x, target.y + mid];
  const bend = (end[0] - start[0]) / 2;
  return [start, [start[0] + bend, start[1]], [end[0] - bend, end[1]], end];
}

/** The point of a curve whose x is monotonic (every edge here) at `x`, by bisection. */
export function pointAtX(curve: Curve, x: number): Point {
  const rising = curve[3][0] >= curve[0][0];
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const t = (lo + hi) / 2;
    if (bezierPoint(curve, t)[0] < x === rising) lo = t;
    else hi = t;
  }
  return bezierPoint(curve, (lo + hi) / 2);
}

export function curvePath([p0, p1, p2, p3]: Curve): string {
  return `M${r(p0[0])},${r(p0[1])} C${r(p1[0])},${r(p1[1])} ${r(p2[0])},${r(p2[1])} ${r(p3[0])},${r(p3[1])}`;
}

/** About how wide a label of 11px text is. */
export const labelWidth = (text: string): number => text.length * 6.2 + 6;
export const LABEL_HEIGHT = 14;

export interface EdgeLabelBox {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/**
 * Moves labels down until no two overlap (centred boxes of `width` × LABEL_HEIGHT), visiting
 * them top to bottom, left to right: deterministic, and labels stay near their edges.
 */
export function spreadLabels(labels: readonly EdgeLabelBox[]): Map<string, number> {
  const order = [...labels].sort((a, b) => a.y - b.y || a.x - b.x || (a.key < b.key ? -1 : 1));
  const placed: { x: number; y: number; width: number }[] = [];
  const result = new Map<string, number>();
  for (const label of order) {
    let y = label.y;
    for (let moved = true; moved;) {
      moved = false;
      for (const other of placed) {
        const overlapX = Math.abs(other.x - label.x) < (other.width + label.width) / 2;
        if (overlapX && Math.abs(other.y - y) < LABEL_HEIGHT) {
          y = other.y + LABEL_HEIGHT;
          moved = true;
        }
      }
    }
    placed.push({ x: label.x, y, width: label.width });
    result.set(label.key, r(y));
  }
  return result;
}

export interface PlacedEdge<E extends LayoutInputEdge> {
  readonly edge: E;
  readonly key: string;
  readonly geometry: EdgeGeometry;
}

/**
 * Every drawable edge with its curve and label point. A label sits near the end where the edge
 * has fewer siblings (next to the target of a fan-out, the source of a fan-in), then overlaps
 * are pushed apart.
 */
export function placeEdges<E extends LayoutInputEdge>(layout: Layout, edges: readonly E[], label: (edge: E) => string): PlacedEdge<E>[] {
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  for (const e of edges) {
    outDegree.set(e.source, (outDegree.get(e.source) ?? 0) + 1);
    inDegree.set(e.target, (inDegree.get(e.target) ?? 0) + 1);
  }
  const drawn = edges.flatMap((edge) => {
    const source = layout.nodes.get(edge.source);
    const target = layout.nodes.get(edge.target);
    if (source === undefined || target === undefined || source.id === target.id) return [];
    const key = edgeKey(edge);
    const curve = edgeCurve(source, target, layout.backEdges.has(key) || target.layer <= source.layer);
    const outs = outDegree.get(edge.source) ?? 0;
    const ins = inDegree.get(edge.target) ?? 0;
    const t = outs > ins ? 0.72 : ins > outs ? 0.28 : 0.5;
    const width = labelWidth(label(edge));
    // Keep the label inside the gap between the two columns it spans.
    const left = Math.min(curve[0][0], curve[3][0]);
    const right = Math.max(curve[0][0], curve[3][0]);
    const wanted = bezierPoint(curve, curve[3][0] >= curve[0][0] ? t : 1 - t)[0];
    const x = right - left < width + 12 ? (left + right) / 2 : Math.min(Math.max(wanted, left + width / 2 + 4), right - width / 2 - 8);
    const y = pointAtX(curve, x)[1] - 5;
    return [{ edge, key, curve, x: r(x), y: r(y), width }];
  });
  const ys = spreadLabels(drawn);
  return drawn.map(({ edge, key, curve, x, y }) => ({ edge, key, geometry: { path: curvePath(curve), labelX: x, labelY: ys.get(key) ?? y } }));
}
