import { param, sql, type SqlFragment } from '../storage/sql.ts';

/** A half-open range [start, end) in unix nanoseconds. */
export interface TimeRange {
  readonly startNs: bigint;
  readonly endNs: bigint;
}

/** A DateTime64(9) constant for a unix-nanosecond time. */
export function nanosTime(ns: bigint): SqlFragment {
  return sql`fromUnixTimestamp64Nano(${param('Int64', ns)})`;
}

/** `column` lies in the range (a DateTime64 column, so partition and key pruning apply). */
export function inRange(column: SqlFragment, range: TimeRange): SqlFragment {
  return sql`${column} >= ${nanosTime(range.startNs)} AND ${column} < ${nanosTime(range.endNs)}`;
}

/** A DateTime64 column as unix nanoseconds in decimal text. */
export function nanosText(column: SqlFragment): SqlFragment {
  return sql`toString(toUnixTimestamp64Nano(${column}))`;
}
