import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { MinuteRange } from './apm-range.ts';

/**
 * Chart steps aligned to multiples of the step since the epoch, so an hourly rollup row (steps of
 * whole hours on long ranges) always falls into exactly one step. The first and last steps may
 * reach outside the range; rates divide by the part inside it.
 */
export interface StepGrid {
  readonly stepSeconds: number;
  /** Start of the first step, unix seconds. */
  readonly startS: number;
  readonly count: number;
  readonly range: MinuteRange;
}

export function stepGrid(range: MinuteRange, stepSeconds: number): StepGrid {
  const first = Math.floor(range.startS / stepSeconds);
  const last = Math.ceil(range.endS / stepSeconds);
  return { stepSeconds, startS: first * stepSeconds, count: last - first, range };
}

/** The step index (0-based) of an aggregate row's `time`, as SQL. */
export function stepIndexSql(grid: StepGrid): SqlFragment {
  const step = param('UInt32', grid.stepSeconds);
  const first = param('UInt32', grid.startS / grid.stepSeconds);
  return sql`intDiv(toUnixTimestamp(time), ${step}) - ${first}`;
}

/** Seconds of step `index` that lie inside the range. */
export function secondsInRange(grid: StepGrid, index: number): number {
  const from = grid.startS + index * grid.stepSeconds;
  const to = from + grid.stepSeconds;
  return Math.max(0, Math.min(to, grid.range.endS) - Math.max(from, grid.range.startS));
}

/** One value per step: `valueAt(index)` where a row exists, `fallback` elsewhere. */
export function alignToSteps<T, R>(grid: StepGrid, rows: ReadonlyMap<number, R>, valueAt: (row: R, index: number) => T, fallback: T): T[] {
  return Array.from({ length: grid.count }, (_, index) => {
    const row = rows.get(index);
    return row === undefined ? fallback : valueAt(row, index);
  });
}
