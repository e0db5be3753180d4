import type { TimeRange } from '../time-range.ts';

const NS_PER_SECOND = 1_000_000_000n;
const MINUTE = 60;
const HOUR = 3600;

/** Ranges at least this long read whole hours from the hourly rollups (edges from the minute tables). */
export const HOURLY_FROM_SECONDS = 3 * HOUR;

/** An APM range in whole minutes, unix seconds, half-open [startS, endS). */
export interface MinuteRange {
  readonly startS: number;
  readonly endS: number;
}

/**
 * The request range in whole minutes (the resolution of the aggregates): the start rounded down,
 * the end rounded up, so a range ending now includes the minute in progress.
 */
export function minuteRange(range: TimeRange): MinuteRange {
  const startS = Math.floor(Number(range.startNs / NS_PER_SECOND) / MINUTE) * MINUTE;
  const nsPerMinute = NS_PER_SECOND * BigInt(MINUTE);
  let endS = Number((range.endNs + nsPerMinute - 1n) / nsPerMinute) * MINUTE;
  if (endS <= startS) endS = startS + MINUTE;
  return { startS, endS };
}

export function rangeSeconds(range: MinuteRange): number {
  return range.endS - range.startS;
}

/** Which rows of which table cover the range: [from, to) of each table, in unix seconds. */
export interface SourcePlan {
  readonly minute: readonly MinuteRange[];
  readonly hour: MinuteRange | undefined;
}

/**
 * Short ranges read the minute table; long ones read whole hours from the hour table and only the
 * partial hours at either end from the minute table, so a 7-day range reads ~170 rows per group.
 */
export function planSources(range: MinuteRange): SourcePlan {
  const firstHour = Math.ceil(range.startS / HOUR) * HOUR;
  const lastHour = Math.floor(range.endS / HOUR) * HOUR;
  if (rangeSeconds(range) < HOURLY_FROM_SECONDS || lastHour <= firstHour) return { minute: [range], hour: undefined };
  const minute: MinuteRange[] = [];
  if (range.startS < firstHour) minute.push({ startS: range.startS, endS: firstHour });
  if (lastHour < range.endS) minute.push({ startS: lastHour, endS: range.endS });
  return { minute, hour: { startS: firstHour, endS: lastHour } };
}

/** Chart step: at most `maxPoints` steps, whole minutes, whole hours when the hour table is read. */
export function chooseStep(range: MinuteRange, wishedSeconds: number | undefined, maxPoints = 240): number {
  const unit = planSources(range).hour === undefined ? MINUTE : HOUR;
  const fewest = Math.ceil(rangeSeconds(range) / maxPoints);
  const wished = Math.max(wishedSeconds ?? Math.ceil(rangeSeconds(range) / 120), fewest, unit);
  return Math.ceil(wished / unit) * unit;
}
