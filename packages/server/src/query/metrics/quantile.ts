/**
 * Quantiles from bucketed distributions, as PromQL's histogram_quantile computes them: find the
 * bucket holding the rank and interpolate linearly inside it.
 */

/**
 * Explicit-bounds histogram: `counts[i]` observations in (bounds[i-1], bounds[i]], the last count
 * in (bounds[n-1], +Inf). NaN when there is nothing to interpolate.
 */
export function histogramQuantile(q: number, bounds: readonly number[], counts: readonly number[]): number {
  if (bounds.length === 0 || counts.length !== bounds.length + 1) return Number.NaN;
  const cumulative: number[] = [];
  let running = 0;
  for (const count of counts) cumulative.push((running += count));
  const observations = running;
  if (observations <= 0) return Number.NaN;
  let rank = q * observations;
  let b = cumulative.findIndex((value, index) => index < bounds.length && value >= rank);
  if (b === -1) b = bounds.length;
  // The rank falls in the +Inf bucket: the highest finite bound is the best answer.
  if (b === bounds.length) return bounds[bounds.length - 1] as number;
  const upper = bounds[b] as number;
  if (b === 0 && upper <= 0) return upper;
  let lower = 0;
  let count = cumulative[b] as number;
  if (b > 0) {
    const below = cumulative[b - 1] as number;
    lower = bounds[b - 1] as number;
    count -= below;
    rank -= below;
  }
  return count === 0 ? lower : lower + (upper - lower) * (rank / count);
}

export interface ExponentialBuckets {
  readonly scale: number;
  readonly zeroCount: number;
  /** Bucket index → count; index i covers (base^i, base^(i+1)], base = 2^(2^-scale). */
  readonly positive: ReadonlyMap<number, number>;
  /** Index i covers [-base^(i+1), -base^i). */
  readonly negative: ReadonlyMap<number, number>;
}

interface Interval {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

function ascendingIntervals(buckets: ExponentialBuckets): Interval[] {
  const boundary = (index: number): number => 2 ** (index * 2 ** -buckets.scale);
  const negative = [...buckets.negative].sort(([a], [b]) => b - a);
  const positive = [...buckets.positive].sort(([a], [b]) => a - b);
  return [
    ...negative.map(([index, count]) => ({ lower: -boundary(index + 1), upper: -boundary(index), count })),
    { lower: 0, upper: 0, count: buckets.zeroCount },
    ...positive.map(([index, count]) => ({ lower: boundary(index), upper: boundary(index + 1), count })),
  ];
}

/** Exponential histogram: the same rank search over its buckets in value order (zero bucket → 0). */
export function exponentialQuantile(q: number, buckets: ExponentialBuckets): number {
  const intervals = ascendingIntervals(buckets).filter((interval) => interval.count > 0);
  const observations = intervals.reduce((sum, interval) => sum + interval.count, 0);
  if (observations <= 0) return Number.NaN;
  const rank = q * observations;
  let below = 0;
  for (const interval of intervals) {
    if (below + interval.count >= rank) return interval.lower + (interval.upper - interval.lower) * ((rank - below) / interval.count);
    below += interval.count;
  }
  const last = intervals[intervals.length - 1];
  return last === undefined ? Number.NaN : last.upper;
}
