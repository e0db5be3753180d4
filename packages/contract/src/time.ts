import { z } from 'zod';

const NS_PER_MS = 1_000_000n;
const MS_DIGITS = /^\d{1,16}(?:\.\d{1,6})?$/;
const RFC3339 = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

function millisToNanos(ms: number): bigint {
  const whole = Math.trunc(ms);
  return BigInt(whole) * NS_PER_MS + BigInt(Math.round((ms - whole) * 1e6));
}

/**
 * A time given as unix milliseconds (number or decimal text) or as RFC 3339 text (nanosecond
 * fractions kept), in unix nanoseconds; undefined when it is neither.
 */
export function parseTimeToNanos(input: number | string): bigint | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? millisToNanos(input) : undefined;
  if (MS_DIGITS.test(input)) return millisToNanos(Number(input));
  const match = RFC3339.exec(input);
  if (match === null) return undefined;
  const [, main = '', fraction = '', zone = 'Z'] = match;
  const seconds = Date.parse(`${main.replace(/[t ]/, 'T')}${zone.toUpperCase()}`);
  if (Number.isNaN(seconds) || seconds < 0) return undefined;
  return BigInt(seconds) * NS_PER_MS + BigInt(fraction.padEnd(9, '0'));
}

const TIME_MESSAGE = 'expected unix milliseconds or an RFC 3339 time';

/** A point in time in a request: unix milliseconds or RFC 3339; parsed to unix nanoseconds. */
export const timeSchema = z
  .union([z.number(), z.string()], { error: (issue) => (issue.input === undefined ? 'is required' : TIME_MESSAGE) })
  .transform((value, ctx) => {
    const nanos = parseTimeToNanos(value);
    if (nanos === undefined) {
      ctx.addIssue({ code: 'custom', message: TIME_MESSAGE });
      return z.NEVER;
    }
    return nanos;
  });

/** Checks `end > start` on an object schema carrying both (reported on `end`). */
export function requireOrderedRange(value: { start: bigint; end: bigint }, ctx: z.RefinementCtx): void {
  if (value.end <= value.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
}

/** Unix nanoseconds as decimal text (they do not fit a JSON number). */
export const nanosSchema = z.string().regex(/^\d+$/);

/** A trace id in a request: 32 hex digits, any case; normalized to lowercase. */
export const traceIdInputSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'expected a string') })
  .regex(/^[0-9a-fA-F]{32}$/, 'expected 32 hex digits')
  .transform((value) => value.toLowerCase());

/** A span id in a request: 16 hex digits, any case; normalized to lowercase. */
export const spanIdInputSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{16}$/, 'expected 16 hex digits')
  .transform((value) => value.toLowerCase());

/** A trace id in a response: lowercase hex, or empty when the item has none. */
export const traceIdSchema = z.string().regex(/^(?:[0-9a-f]{32})?$/);
/** A span id in a response: lowercase hex, or empty (a root span's parent, a log without a span). */
export const spanIdSchema = z.string().regex(/^(?:[0-9a-f]{16})?$/);
