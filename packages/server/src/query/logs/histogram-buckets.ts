import { AppError, ErrorCodes } from '../../errors.ts';
import type { TimeRange } from '../time-range.ts';

/** Bucket count the default step aims to stay within. */
export const TARGET_BUCKETS = 120;

const NS_PER_MS = 1_000_000n;
const DAY_MS = 86_400_000;

/** Round bucket widths (milliseconds) the default step picks from; past the list, whole days. */
const NICE_STEPS_MS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000,
  21_600_000, 43_200_000, DAY_MS,
];

/** Buckets [i·step, (i+1)·step) in unix milliseconds, aligned to the epoch, from the one holding the start to the one holding the end. */
export interface BucketGrid {
  readonly stepMs: number;
  readonly firstIndex: number;
  readonly count: number;
}

function gridOf(range: TimeRange, stepMs: number): BucketGrid {
  const step = BigInt(stepMs) * NS_PER_MS;
  const first = range.startNs / step;
  const last = (range.endNs - 1n) / step;
  return { stepMs, firstIndex: Number(first), count: Number(last - first) + 1 };
}

/** The smallest round step giving at most TARGET_BUCKETS buckets over the range. */
function defaultStepMs(range: TimeRange): number {
  for (const stepMs of NICE_STEPS_MS) if (gridOf(range, stepMs).count <= TARGET_BUCKETS) return stepMs;
  const rangeMs = Number((range.endNs - range.startNs) / NS_PER_MS);
  let days = Math.max(1, Math.ceil(rangeMs / DAY_MS / TARGET_BUCKETS));
  while (gridOf(range, days * DAY_MS).count > TARGET_BUCKETS) days++;
  return days * DAY_MS;
}

/** The bucket grid for a range and an optional requested step (seconds, rounded to whole milliseconds). */
export function bucketGrid(range: TimeRange, stepSeconds: number | undefined, maxBuckets: number): BucketGrid {
  if (stepSeconds === undefined) return gridOf(range, defaultStepMs(range));
  const stepMs = Math.round(stepSeconds * 1000);
  if (!(stepMs >= 1)) throw new AppError(ErrorCodes.QUERY_INVALID, 'stepSeconds: must be at least 0.001');
  const grid = gridOf(range, stepMs);
  if (grid.count > maxBuckets) {
    throw new AppError(ErrorCodes.QUERY_INVALID, `stepSeconds: the range would have ${grid.count} buckets; at most ${maxBuckets} (use a larger step)`);
  }
  return grid;
}
