import { AppError, ErrorCodes } from '../../errors.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { TimeRange } from '../time-range.ts';

/** Most steps one query may produce per series (as Prometheus' range query limit). */
export const MAX_STEPS = 11_000;

/** Steps [start + i·step, start + (i+1)·step) covering the range; each is reported at its start. */
export interface StepGrid extends TimeRange {
  readonly stepNs: bigint;
  readonly stepSeconds: number;
  readonly steps: number;
}

export function stepGrid(range: TimeRange, stepSeconds: number): StepGrid {
  const stepNs = BigInt(Math.round(stepSeconds * 1e9));
  if (stepNs <= 0n) throw new AppError(ErrorCodes.QUERY_INVALID, 'stepSeconds: must be positive');
  const steps = Number((range.endNs - range.startNs + stepNs - 1n) / stepNs);
  if (steps > MAX_STEPS) {
    throw new AppError(ErrorCodes.QUERY_INVALID, `stepSeconds: the range would have ${steps} steps; at most ${MAX_STEPS} (use a larger step)`);
  }
  return { ...range, stepNs, stepSeconds: Number(stepNs) / 1e9, steps };
}

/** The step index of a DateTime64 column's time. */
export function stepIndex(grid: StepGrid, column: SqlFragment): SqlFragment {
  return sql`intDiv(toUnixTimestamp64Nano(${column}) - ${param('Int64', grid.startNs)}, ${param('Int64', grid.stepNs)})`;
}

/** Unix milliseconds of a step's start. */
export function stepTimeMs(grid: StepGrid, index: number): number {
  return Number((grid.startNs + BigInt(index) * grid.stepNs) / 1_000_000n);
}
