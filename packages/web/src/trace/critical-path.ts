/**
 * The critical path of a trace: the chain of work that determined its end-to-end duration.
 * Walks back from the end of the main root: at each span the child that finished last (before the
 * point we came from) is on the path; time not covered by such a child belongs to the span itself.
 * Children are clipped to their parent's time (async children may outlive it). Each child is
 * visited at most once, so the walk is linear in the number of spans.
 */

import type { SpanTree } from './span-tree.ts';

/** Nanosecond offsets from the trace start, `[start, end)`. */
export type Segment = readonly [start: number, end: number];

/** For every span on the critical path, the parts of its time that are on it (latest first). */
export type CriticalPath = ReadonlyMap<number, readonly Segment[]>;

/** The root the path starts from: the longest real root, else the longest orphan. */
export function mainRoot(tree: SpanTree): number | undefined {
  let best: number | undefined;
  let bestKey: [number, number] = [-1, -1];
  for (const root of tree.roots) {
    const node = tree.nodes[root];
    if (node === undefined) continue;
    const key: [number, number] = [node.orphan ? 0 : 1, node.endNs - node.startNs];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = root;
      bestKey = key;
    }
  }
  return best;
}

export function computeCriticalPath(tree: SpanTree): CriticalPath {
  const path = new Map<number, Segment[]>();
  const root = mainRoot(tree);
  if (root === undefined) return path;

  const byEndDesc = new Map<number, number[]>();
  const nextChild = new Map<number, number>();
  const clippedEnd = (child: number, parent: number): number => Math.min(tree.nodes[child]?.endNs ?? 0, tree.nodes[parent]?.endNs ?? 0);
  const childrenOf = (index: number): number[] => {
    let list = byEndDesc.get(index);
    if (list === undefined) {
      const node = tree.nodes[index];
      const end = node?.endNs ?? 0;
      list = (node?.children ?? []).filter((c) => (tree.nodes[c]?.startNs ?? end) < end);
      list.sort((a, b) => clippedEnd(b, index) - clippedEnd(a, index) || a - b);
      byEndDesc.set(index, list);
    }
    return list;
  };
  const add = (index: number, start: number, end: number): void => {
    if (end <= start) return;
    const segments = path.get(index) ?? [];
    segments.push([start, end]);
    path.set(index, segments);
  };

  let current = root;
  let barrier = tree.nodes[root]?.endNs ?? 0;
  for (let steps = 0; steps <= 2 * tree.nodes.length + 1; steps++) {
    const node = tree.nodes[current];
    if (node === undefined) break;
    const children = childrenOf(current);
    let position = nextChild.get(current) ?? 0;
    while (position < children.length && clippedEnd(children[position] ?? -1, current) > barrier) position++;
    const child = children[position];
    if (child !== undefined) {
      nextChild.set(current, position + 1);
      const childEnd = clippedEnd(child, current);
      add(current, childEnd, barrier);
      current = child;
      barrier = childEnd;
      continue;
    }
    nextChild.set(current, children.length);
    const start = Math.max(node.startNs, tree.nodes[node.parent]?.startNs ?? 0);
    add(current, start, barrier);
    if (current === root || node.parent === -1) break;
    barrier = start;
    current = node.parent;
  }
  return path;
}
