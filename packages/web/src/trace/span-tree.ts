/**
 * The parent/child structure of a trace's spans, with times as offsets from the trace start.
 * Pure and iterative (deep traces must not overflow the stack). Spans whose parent is missing
 * (orphans) and spans caught in a parent cycle become roots, so every span is shown.
 */

/** The span fields the layout needs (the contract's `Span` has them). */
export interface TreeSpanInput {
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly status: { readonly code: number };
}

export interface SpanNode {
  /** Index into the input array (and into `SpanTree.nodes`). */
  readonly index: number;
  /** The parent's index, or -1 for a root. */
  readonly parent: number;
  /** Children by start time. */
  readonly children: readonly number[];
  readonly depth: number;
  /** Nanoseconds from the trace start. */
  readonly startNs: number;
  readonly endNs: number;
  readonly error: boolean;
  /** The span names a parent that is not in the trace (or its parent link was cut to break a cycle). */
  readonly orphan: boolean;
  /** Spans below this one. */
  readonly descendants: number;
  /** Error spans below this one. */
  readonly descendantErrors: number;
}

export interface SpanTree {
  readonly nodes: readonly SpanNode[];
  /** Root nodes by start time (real roots and orphans). */
  readonly roots: readonly number[];
  /** Every node in depth-first pre-order: a subtree is the `descendants` entries after its node. */
  readonly order: readonly number[];
  /** Position of each node in `order`. */
  readonly positions: readonly number[];
  readonly traceStartNs: bigint;
  /** Latest end minus earliest start (0 for an empty trace). */
  readonly durationNs: number;
  readonly indexById: ReadonlyMap<string, number>;
}

interface MutableNode {
  index: number;
  parent: number;
  children: number[];
  depth: number;
  startNs: number;
  endNs: number;
  error: boolean;
  orphan: boolean;
  descendants: number;
  descendantErrors: number;
}

const STATUS_ERROR = 2;
const digits = (text: string): bigint => (/^\d+$/.test(text) ? BigInt(text) : 0n);

function byStart(nodes: readonly MutableNode[]) {
  return (a: number, b: number): number => {
    const x = nodes[a];
    const y = nodes[b];
    if (x === undefined || y === undefined) return 0;
    return x.startNs - y.startNs || y.endNs - x.endNs || a - b;
  };
}

function createNodes(spans: readonly TreeSpanInput[]): { nodes: MutableNode[]; traceStartNs: bigint; durationNs: number } {
  const starts = spans.map((s) => digits(s.startTimeUnixNano));
  const ends = spans.map((s, i) => {
    const end = digits(s.endTimeUnixNano);
    const start = starts[i] ?? 0n;
    return end < start ? start : end;
  });
  let min = starts[0] ?? 0n;
  let max = ends[0] ?? 0n;
  for (let i = 1; i < spans.length; i++) {
    const s = starts[i] ?? min;
    const e = ends[i] ?? max;
    if (s < min) min = s;
    if (e > max) max = e;
  }
  const nodes = spans.map((span, index) => ({
    index,
    parent: -1,
    children: [],
    depth: 0,
    startNs: Number((starts[index] ?? min) - min),
    endNs: Number((ends[index] ?? min) - min),
    error: span.status.code === STATUS_ERROR,
    orphan: false,
    descendants: 0,
    descendantErrors: 0,
  }));
  return { nodes, traceStartNs: min, durationNs: Number(max - min) };
}

/** Marks everything reachable from `from`; returns nothing, fills `seen`. */
function markReachable(nodes: readonly MutableNode[], from: number, seen: Uint8Array): void {
  const stack = [from];
  while (stack.length > 0) {
    const current = stack.pop() ?? -1;
    if (seen[current] === 1) continue;
    seen[current] = 1;
    for (const child of nodes[current]?.children ?? []) if (seen[child] !== 1) stack.push(child);
  }
}

export function buildSpanTree(spans: readonly TreeSpanInput[]): SpanTree {
  const { nodes, traceStartNs, durationNs } = createNodes(spans);
  const indexById = new Map<string, number>();
  spans.forEach((span, i) => {
    if (span.spanId !== '' && !indexById.has(span.spanId)) indexById.set(span.spanId, i);
  });

  const roots: number[] = [];
  spans.forEach((span, i) => {
    const node = nodes[i];
    if (node === undefined) return;
    const parent = span.parentSpanId === '' ? undefined : indexById.get(span.parentSpanId);
    if (parent === undefined || parent === i) {
      node.orphan = span.parentSpanId !== '' && parent === undefined;
      roots.push(i);
    } else {
      node.parent = parent;
      nodes[parent]?.children.push(i);
    }
  });

  // Spans in a parent cycle are reachable from no root: cut each cycle at its earliest span.
  const seen = new Uint8Array(nodes.length);
  for (const root of roots) markReachable(nodes, root, seen);
  const compare = byStart(nodes);
  const unreached = nodes
    .filter((n) => seen[n.index] !== 1)
    .map((n) => n.index)
    .sort(compare);
  for (const index of unreached) {
    if (seen[index] === 1) continue;
    const node = nodes[index];
    const parent = node === undefined ? undefined : nodes[node.parent];
    if (node === undefined || parent === undefined) continue;
    parent.children = parent.children.filter((c) => c !== index);
    node.parent = -1;
    node.orphan = true;
    roots.push(index);
    markReachable(nodes, index, seen);
  }

  roots.sort(compare);
  for (const node of nodes) node.children.sort(compare);

  const order: number[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const index = stack.pop() ?? -1;
    const node = nodes[index];
    if (node === undefined) continue;
    node.depth = node.parent === -1 ? 0 : (nodes[node.parent]?.depth ?? -1) + 1;
    order.push(index);
    for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c] ?? -1);
  }

  for (let p = order.length - 1; p >= 0; p--) {
    const node = nodes[order[p] ?? -1];
    const parent = node === undefined ? undefined : nodes[node.parent];
    if (node === undefined || parent === undefined) continue;
    parent.descendants += node.descendants + 1;
    parent.descendantErrors += node.descendantErrors + (node.error ? 1 : 0);
  }

  const positions = new Array<number>(nodes.length).fill(-1);
  order.forEach((index, position) => {
    positions[index] = position;
  });
  return { nodes, roots, order, positions, traceStartNs, durationNs, indexById };
}

/** The node's ancestors, nearest first. */
export function ancestorsOf(tree: SpanTree, index: number): number[] {
  const result: number[] = [];
  let current = tree.nodes[index]?.parent ?? -1;
  while (current !== -1 && result.length < tree.nodes.length) {
    result.push(current);
    current = tree.nodes[current]?.parent ?? -1;
  }
  return result;
}
