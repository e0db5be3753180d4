/**
 * The service map's layered layout. Pure and deterministic (the same graph in any input order
 * gives the same picture): callers left of what they call, each node one column right of its
 * deepest caller (longest path), cycles broken by ignoring the edges that close them, rows ordered
 * by the barycentre of their neighbours to keep edges short and crossings few.
 */

import type { ServiceMapNodeKind } from '@sightline/contract';

export interface LayoutInputNode {
  readonly id: string;
  readonly kind: ServiceMapNodeKind;
  readonly name: string;
}

export interface LayoutInputEdge {
  readonly source: string;
  readonly target: string;
}

export interface PlacedNode {
  readonly id: string;
  /** Top-left corner; every node is NODE_WIDTH × NODE_HEIGHT. */
  readonly x: number;
  readonly y: number;
  readonly layer: number;
}

export interface Layout {
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  readonly width: number;
  readonly height: number;
  /** Edges that point back (leftwards or within a column): part of a cycle. */
  readonly backEdges: ReadonlySet<string>;
}

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 52;
export const COLUMN_GAP = 210;
export const ROW_GAP = 34;
export const MARGIN = 24;

const KIND_RANK: Readonly<Record<ServiceMapNodeKind, number>> = { service: 0, messaging: 1, database: 2, external: 3 };
const SWEEPS = 6;

export const edgeKey = (edge: LayoutInputEdge): string => `${edge.source}\u0000${edge.target}`;

function compareNodes(a: LayoutInputNode, b: LayoutInputNode): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The edges that close a cycle, found by a depth-first search from sources first, in node order. */
function findBackEdges(order: readonly string[], successors: ReadonlyMap<string, string[]>, indegree: ReadonlyMap<string, number>): Set<string> {
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (start: string): void => {
    // Iterative DFS: a long call chain must not overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = successors.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const target = targets[top.next++]!;
      const seen = state.get(target);
      if (seen === 'open') back.add(edgeKey({ source: top.id, target }));
      else if (seen === undefined) {
        state.set(target, 'open');
        stack.push({ id: target, next: 0 });
      }
    }
  };
  for (const id of order) if ((indegree.get(id) ?? 0) === 0 && !state.has(id)) visit(id);
  for (const id of order) if (!state.has(id)) visit(id);
  return back;
}

/** Longest-path layers over the edges that are not back edges, in topological order. */
function assignLayers(order: readonly string[], forward: ReadonlyMap<string, string[]>): Map<string, number> {
  const indegree = new Map<string, number>(order.map((id) => [id, 0]));
  for (const targets of forward.values()) for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1);
  const layer = new Map<string, number>(order.map((id) => [id, 0]));
  const queue = order.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const target of forward.get(id) ?? []) {
      layer.set(target, Math.max(layer.get(target) ?? 0, (layer.get(id) ?? 0) + 1));
      const left = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, left);
      if (left === 0) queue.push(target);
    }
  }
  return layer;
}

/** Reorders each column by the mean row of its neighbours in the column just swept from. */
function orderColumns(columns: string[][], predecessors: ReadonlyMap<string, string[]>, successors: ReadonlyMap<string, string[]>): void {
  const position = new Map<string, number>();
  const remember = (column: readonly string[]): void => column.forEach((id, i) => position.set(id, i));
  columns.forEach(remember);
  const reorder = (column: string[], neighbours: ReadonlyMap<string, string[]>): void => {
    const keyed = column.map((id, index) => {
      const rows = (neighbours.get(id) ?? []).map((n) => position.get(n)).filter((p): p is number => p !== undefined);
      return { id, index, key: rows.length === 0 ? index : rows.reduce((a, b) => a + b, 0) / rows.length };
    });
    keyed.sort((a, b) => a.key - b.key || a.index - b.index);
    keyed.forEach((entry, i) => (column[i] = entry.id));
    remember(column);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    if (sweep % 2 === 0) for (let c = 1; c < columns.length; c++) reorder(columns[c]!, predecessors);
    else for (let c = columns.length - 2; c >= 0; c--) reorder(columns[c]!, successors);
  }
}

export function layoutServiceMap(inputNodes: readonly LayoutInputNode[], inputEdges: readonly LayoutInputEdge[]): Layout {
  const nodes = [...new Map(inputNodes.map((n) => [n.id, n])).values()].sort(compareNodes);
  const order = nodes.map((n) => n.id);
  const known = new Set(order);
  const edges = [
    ...new Map(inputEdges.filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target).map((e) => [edgeKey(e), e])).values(),
  ];
  const rank = new Map(order.map((id, i) => [id, i]));
  edges.sort((a, b) => rank.get(a.source)! - rank.get(b.source)! || rank.get(a.target)! - rank.get(b.target)!);

  const successors = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const e of edges) {
    successors.set(e.source, [...(successors.get(e.source) ?? []), e.target]);
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  }
  const backEdges = findBackEdges(order, successors, indegree);
  const forward = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const e of edges) {
    if (backEdges.has(edgeKey(e))) continue;
    forward.set(e.source, [...(forward.get(e.source) ?? []), e.target]);
    predecessors.set(e.target, [...(predecessors.get(e.target) ?? []), e.source]);
  }
  const layers = assignLayers(order, forward);

  const columns: string[][] = [];
  for (const id of order) (columns[layers.get(id) ?? 0] ??= []).push(id);
  for (let c = 0; c < columns.length; c++) columns[c] ??= [];
  orderColumns(columns, predecessors, forward);

  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const columnHeight = (count: number): number => (count === 0 ? 0 : count * NODE_HEIGHT + (count - 1) * ROW_GAP);
  const placed = new Map<string, PlacedNode>();
  columns.forEach((column, layer) => {
    const top = MARGIN + (columnHeight(tallest) - columnHeight(column.length)) / 2;
    column.forEach((id, row) => placed.set(id, { id, layer, x: MARGIN + layer * (NODE_WIDTH + COLUMN_GAP), y: top + row * (NODE_HEIGHT + ROW_GAP) }));
  });
  const width = columns.length === 0 ? 0 : 2 * MARGIN + columns.length * NODE_WIDTH + (columns.length - 1) * COLUMN_GAP;
  const height = tallest === 0 ? 0 : 2 * MARGIN + columnHeight(tallest);
  return { nodes: placed, width, height, backEdges };
}
