/** Small span builders for the layout tests. */

import type { TreeSpanInput } from './span-tree.ts';

export const T0 = 1_700_000_000_000_000_000n;

/** A span `id` under `parent` ('' for a root) from `start` to `end` ns after T0. */
export function span(id: string, parent: string, start: number, end: number, error = false): TreeSpanInput {
  return {
    spanId: id,
    parentSpanId: parent,
    startTimeUnixNano: String(T0 + BigInt(start)),
    endTimeUnixNano: String(T0 + BigInt(end)),
    status: { code: error ? 2 : 0 },
  };
}

/** A wide, deep trace: `count` spans, each parent having up to `fanOut` children, for size tests. */
export function bigTrace(count: number, fanOut = 4): TreeSpanInput[] {
  const spans: TreeSpanInput[] = [span('s0', '', 0, count * 1000)];
  for (let i = 1; i < count; i++) {
    const parent = Math.floor((i - 1) / fanOut);
    const start = i * 500;
    spans.push(span(`s${i}`, `s${parent}`, start, start + 2000, i % 97 === 0));
  }
  return spans;
}
