/** Unix nanoseconds travel as decimal text; these convert them without losing precision where it matters. */

const NS_PER_MS = 1_000_000n;

/** Decimal nanoseconds as a bigint; 0n for text that is not digits. */
export function toNanos(value: string | number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  return /^\d+$/.test(value) ? BigInt(value) : 0n;
}

/** Unix nanoseconds (decimal text) as unix milliseconds; the sub-millisecond part is kept as a fraction. */
export function nanosToMs(nanos: string | bigint): number {
  const value = toNanos(nanos);
  return Number(value / NS_PER_MS) + Number(value % NS_PER_MS) / 1e6;
}

/** Unix milliseconds as unix nanoseconds. */
export function msToNanos(ms: number): bigint {
  const whole = Math.trunc(ms);
  return BigInt(whole) * NS_PER_MS + BigInt(Math.round((ms - whole) * 1e6));
}

/** `a - b` in nanoseconds as a number (exact while below 2^53 ns, about 104 days). */
export function nanosBetween(a: string | bigint, b: string | bigint): number {
  return Number(toNanos(a) - toNanos(b));
}

/** Orders decimal nanosecond strings, newest first. */
export function compareNanosDesc(a: string, b: string): number {
  if (a.length !== b.length) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
}
