/**
 * A time-ordered flame graph of a trace (an icicle: roots on top, x = time). A span goes one row
 * below its parent; when concurrent siblings would overlap there, it moves down to the first row
 * where it fits, so nothing is drawn on top of anything else. Pure.
 */

import type { SpanTree } from './span-tree.ts';

export interface FlameFrame {
  /** Index of the span. */
  readonly span: number;
  readonly row: number;
  /** Start and width as fractions of the trace duration, 0..1. */
  readonly offset: number;
  readonly width: number;
}

export interface FlameLayout {
  readonly frames: readonly FlameFrame[];
  readonly rowCount: number;
  /** Frame indexes per row, by start: for drawing only the visible rows. */
  readonly rows: readonly (readonly number[])[];
}

/** Occupied `[start, end)` intervals of one row, kept sorted by start. */
class RowIntervals {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Where an interval starting at `start` goes (first position whose start is greater). */
  private position(start: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Intervals never overlap and are sorted by start, so only the two neighbours can collide. */
  fits(start: number, end: number): boolean {
    const at = this.position(start);
    if (at > 0 && (this.ends[at - 1] ?? 0) > start) return false;
    return at >= this.starts.length || (this.starts[at] ?? 0) >= Math.max(end, start + 1);
  }

  insert(start: number, end: number): void {
    const at = this.position(start);
    this.starts.splice(at, 0, start);
    this.ends.splice(at, 0, Math.max(end, start + 1));
  }
}

export function layoutFlamegraph(tree: SpanTree): FlameLayout {
  const total = tree.durationNs;
  const frac = (ns: number): number => (total <= 0 ? 0 : Math.min(1, Math.max(0, ns / total)));
  const rowOf = new Array<number>(tree.nodes.length).fill(0);
  const occupied: RowIntervals[] = [];
  const frames: FlameFrame[] = [];

  for (const index of tree.order) {
    const node = tree.nodes[index];
    if (node === undefined) continue;
    let row = node.parent === -1 ? 0 : (rowOf[node.parent] ?? 0) + 1;
    for (;;) {
      const intervals = (occupied[row] ??= new RowIntervals());
      if (intervals.fits(node.startNs, node.endNs)) {
        intervals.insert(node.startNs, node.endNs);
        break;
      }
      row++;
    }
    rowOf[index] = row;
    frames.push({ span: index, row, offset: frac(node.startNs), width: total <= 0 ? 1 : frac(node.endNs - node.startNs) });
  }

  const rows: number[][] = Array.from({ length: occupied.length }, () => []);
  frames.forEach((frame, i) => rows[frame.row]?.push(i));
  for (const list of rows) list.sort((a, b) => (frames[a]?.offset ?? 0) - (frames[b]?.offset ?? 0));
  return { frames, rowCount: occupied.length, rows };
}
