/** Sparkline geometry: values as SVG polyline points and an area path in a width × height box. Pure. */

export interface SparkBox {
  readonly width: number;
  readonly height: number;
  /** The value drawn at the top; defaults to the largest value (several lines share one scale when given). */
  readonly max?: number;
  /** Space kept free at the top and bottom so a stroke is not cut. */
  readonly pad?: number;
}

function scale(values: readonly number[], box: SparkBox): (readonly [number, number])[] {
  const pad = box.pad ?? 1;
  const max = Math.max(box.max ?? 0, ...values, 0);
  const span = box.height - 2 * pad;
  const dx = values.length > 1 ? box.width / (values.length - 1) : 0;
  return values.map((v, i) => {
    const x = values.length > 1 ? i * dx : box.width / 2;
    const y = max === 0 ? box.height - pad : box.height - pad - (Math.max(0, v) / max) * span;
    return [round(x), round(y)] as const;
  });
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** `x,y x,y …` for a `<polyline>`; '' without values. */
export function sparklinePoints(values: readonly number[], box: SparkBox): string {
  return scale(values, box)
    .map(([x, y]) => `${x},${y}`)
    .join(' ');
}

/** A closed path under the line down to the baseline, for a filled area; '' without values. */
export function sparklineArea(values: readonly number[], box: SparkBox): string {
  const points = scale(values, box);
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return '';
  const line = points.map(([x, y]) => `L${x},${y}`).join('');
  return `M${first[0]},${box.height}${line}L${last[0]},${box.height}Z`;
}
