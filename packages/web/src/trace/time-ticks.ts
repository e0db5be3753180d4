/** Ruler ticks for a window of time: round steps (1, 2, 5 × 10^k ns) as offsets and positions. */

export interface Tick {
  /** Nanoseconds from the trace start. */
  readonly ns: number;
  /** Position in the window, 0..1. */
  readonly fraction: number;
}

/** About `target` ticks at a round step between `fromNs` and `toNs` (both in ns from the trace start). */
export function rulerTicks(fromNs: number, toNs: number, target = 5): Tick[] {
  const width = toNs - fromNs;
  if (!(width > 0) || target < 1) return [{ ns: fromNs, fraction: 0 }];
  const rough = width / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough * 0.999) ?? 10 * magnitude;
  const ticks: Tick[] = [];
  const first = Math.ceil(fromNs / step - 1e-9) || 0;
  for (let k = first; k * step <= toNs + step * 1e-9; k++) {
    const ns = k * step;
    ticks.push({ ns, fraction: (ns - fromNs) / width });
  }
  return ticks;
}
