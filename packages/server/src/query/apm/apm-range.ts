import type { TimeRange } from '../time-range.ts';

const NS_PER_SECOND = 1_000_000_000n;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

/** Ranges at least this long read whole hours from the hourly rollups (edges from the minute tables). */
export const HOURLY_FROM_SECONDS = 3 * HOUR;
/** Ranges at least this long also read whole days from daily rollups, where a query allows it. */
export const DAILY_FROM_SECONDS = 2 * DAY;

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
  readonly hour: readonly MinuteRange[];
  readonly day: MinuteRange | undefined;
}

/** The whole `unit`s inside a range, and the partial ones at either end. */
function splitBy(range: MinuteRange, unit: number): { readonly inner: MinuteRange | undefined; readonly edges: MinuteRange[] } {
  const first = Math.ceil(range.startS / unit) * unit;
  const last = Math.floor(range.endS / unit) * unit;
  if (last <= first) return { inner: undefined, edges: [range] };
  const edges: MinuteRange[] = [];
  if (range.startS < first) edges.push({ startS: range.startS, endS: first });
  if (last < range.endS) edges.push({ startS: last, endS: range.endS });
  return { inner: { startS: first, endS: last }, edges };
}

/**
 * Short ranges read the minute table; long ones read whole hours from the hour table and only the
 * partial hours at either end from the minute table, so a 7-day range reads ~170 rows per group.
 * With `days` (tables that have a daily rollup, for answers without time steps), ranges of two days
 * or more read whole days from it and only the partial days from the hour table.
 */
export function planSources(range: MinuteRange, days = false): SourcePlan {
  const byHour = splitBy(range, HOUR);
  if (rangeSeconds(range) < HOURLY_FROM_SECONDS || byHour.inner === undefined) return { minute: [range], hour: [], day: undefined };
  if (!days || rangeSeconds(range) < DAILY_FROM_SECONDS) return { minute: byHour.edges, hour: [byHour.inner], day: undefined };
  const byDay = splitBy(byHour.inner, DAY);
  if (byDay.inner === undefined) return { minute: byHour.edges, hour: [byHour.inner], day: undefined };
  return { minute: byHour.edges, hour: byDay.edges, day: byDay.inner };
}

/** Chart step: at most `maxPoints` steps, whole minutes, whole hours when the hour table is read. */
export function chooseStep(range: MinuteRange, wishedSeconds: number | undefined, maxPoints = 240): number {
  const unit = planSources(range).hour.length === 0 ? MINUTE : HOUR;
  const fewest = Math.ceil(rangeSeconds(range) / maxPoints);
  const wished = Math.max(wishedSeconds ?? Math.ceil(rangeSeconds(range) / 120), fewest, unit);
  return Math.ceil(wished / unit) * unit;
}
