/**
 * The waterfall's rows: spans in tree order with collapsed subtrees hidden, each with its depth and
 * its bar as fractions of the trace duration. Pure; the component only draws the rows.
 */

import { computeCriticalPath, type CriticalPath } from './critical-path.ts';
import { ancestorsOf, buildSpanTree, type SpanTree, type TreeSpanInput } from './span-tree.ts';

export interface FractionSegment {
  readonly offset: number;
  readonly width: number;
}

export interface WaterfallRow {
  /** Index of the span (in the input array and in `tree.nodes`). */
  readonly span: number;
  readonly depth: number;
  /** Start as a fraction of the trace duration, 0..1. */
  readonly offset: number;
  /** Duration as a fraction of the trace duration, 0..1. */
  readonly width: number;
  readonly childCount: number;
  readonly collapsed: boolean;
  /** Spans hidden under this collapsed row, and how many of them are errors. */
  readonly hiddenSpans: number;
  readonly hiddenErrors: number;
  readonly error: boolean;
  readonly orphan: boolean;
  /** The parts of this span on the critical path; empty when it is not on it. */
  readonly critical: readonly FractionSegment[];
}

/** Everything computed once per trace; `waterfallRows` then derives rows per collapsed state. */
export interface WaterfallModel {
  readonly tree: SpanTree;
  readonly criticalPath: CriticalPath;
}

export function buildWaterfallModel(spans: readonly TreeSpanInput[]): WaterfallModel {
  const tree = buildSpanTree(spans);
  return { tree, criticalPath: computeCriticalPath(tree) };
}

function fraction(ns: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, ns / total));
}

/** The visible rows, in order, given the set of collapsed span indexes. */
export function waterfallRows(model: WaterfallModel, collapsed: ReadonlySet<number>): WaterfallRow[] {
  const { tree, criticalPath } = model;
  const total = tree.durationNs;
  const rows: WaterfallRow[] = [];
  for (let position = 0; position < tree.order.length; position++) {
    const index = tree.order[position] ?? -1;
    const node = tree.nodes[index];
    if (node === undefined) continue;
    const isCollapsed = collapsed.has(index) && node.children.length > 0;
    const segments = criticalPath.get(index) ?? [];
    rows.push({
      span: index,
      depth: node.depth,
      offset: fraction(node.startNs, total),
      width: total <= 0 ? 1 : fraction(node.endNs - node.startNs, total),
      childCount: node.children.length,
      collapsed: isCollapsed,
      hiddenSpans: isCollapsed ? node.descendants : 0,
      hiddenErrors: isCollapsed ? node.descendantErrors : 0,
      error: node.error,
      orphan: node.orphan,
      critical: segments.map(([start, end]) => ({ offset: fraction(start, total), width: fraction(end - start, total) })),
    });
    if (isCollapsed) position += node.descendants;
  }
  return rows;
}

/** The collapsed set with every ancestor of `span` expanded, so the span is visible. */
export function expandTo(tree: SpanTree, collapsed: ReadonlySet<number>, span: number): ReadonlySet<number> {
  const ancestors = ancestorsOf(tree, span);
  if (!ancestors.some((a) => collapsed.has(a))) return collapsed;
  const next = new Set(collapsed);
  for (const a of ancestors) next.delete(a);
  return next;
}

/** Collapses every span at `depth` or deeper that has children (depth 0 collapses the roots). */
export function collapseFromDepth(tree: SpanTree, depth: number): ReadonlySet<number> {
  const result = new Set<number>();
  for (const node of tree.nodes) if (node.depth >= depth && node.children.length > 0) result.add(node.index);
  return result;
}

/** The collapsed set with `span` toggled. */
export function toggleCollapsed(collapsed: ReadonlySet<number>, span: number): ReadonlySet<number> {
  const next = new Set(collapsed);
  if (!next.delete(span)) next.add(span);
  return next;
}
