/**
 * The global time range: relative to now (`range=15m` in the URL) or absolute (`from`/`to`, unix ms).
 * Pure: the caller passes the current time when a relative range is resolved.
 */

export type TimeRange =
  | { readonly kind: 'relative'; readonly text: string; readonly durationMs: number }
  | { readonly kind: 'absolute'; readonly startMs: number; readonly endMs: number };

export interface ResolvedRange {
  readonly startMs: number;
  readonly endMs: number;
}

/** The relative choices the picker offers. */
export const RELATIVE_PRESETS = ['5m', '15m', '1h', '3h', '6h', '12h', '24h', '2d', '7d'] as const;
export const DEFAULT_RANGE_TEXT = '1h';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_NAME: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' };
const RELATIVE = /^(\d{1,5})([smhdw])$/;

/** `15m`, `24h`, `2d`… in milliseconds; undefined for anything else. */
export function parseRelative(text: string): number | undefined {
  const match = RELATIVE.exec(text.trim());
  if (match === null) return undefined;
  const [, amount = '', unit = ''] = match;
  const ms = Number(amount) * (UNIT_MS[unit] ?? 0);
  return ms > 0 ? ms : undefined;
}

export function relativeRange(text: string): TimeRange | undefined {
  const durationMs = parseRelative(text);
  return durationMs === undefined ? undefined : { kind: 'relative', text: text.trim(), durationMs };
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * An absolute time as unix ms: digits are unix milliseconds, `YYYY-MM-DD HH:mm[:ss[.SSS]]` is local
 * time (what a datetime-local input gives), and anything `Date.parse` reads with a zone (RFC 3339).
 */
export function parseAbsoluteTime(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{1,16}$/.test(trimmed)) return Number(trimmed);
  const local = LOCAL_DATE_TIME.exec(trimmed);
  if (local !== null) {
    const [, y, mo, d, h, mi, s = '0', frac = '0'] = local;
    const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')));
    return Number.isNaN(date.getTime()) ? undefined : date.getTime();
  }
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed)) return undefined;
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Reads the range from URL parameters; a missing or unreadable range is the default. */
export function readTimeRange(params: { get(name: string): string | null }): TimeRange {
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && to !== null) {
    const startMs = parseAbsoluteTime(from);
    const endMs = parseAbsoluteTime(to);
    if (startMs !== undefined && endMs !== undefined && endMs > startMs) return { kind: 'absolute', startMs, endMs };
  }
  const relative = relativeRange(params.get('range') ?? '');
  return relative ?? { kind: 'relative', text: DEFAULT_RANGE_TEXT, durationMs: parseRelative(DEFAULT_RANGE_TEXT) ?? 3_600_000 };
}

/** Writes the range into URL parameters (replacing whatever range they held). */
export function writeTimeRange(params: URLSearchParams, range: TimeRange): void {
  params.delete('range');
  params.delete('from');
  params.delete('to');
  if (range.kind === 'relative') params.set('range', range.text);
  else {
    params.set('from', String(Math.round(range.startMs)));
    params.set('to', String(Math.round(range.endMs)));
  }
}

/** The range as start/end unix ms at `nowMs`. */
export function resolveTimeRange(range: TimeRange, nowMs: number): ResolvedRange {
  if (range.kind === 'absolute') return { startMs: range.startMs, endMs: range.endMs };
  const endMs = Math.floor(nowMs);
  return { startMs: endMs - range.durationMs, endMs };
}

/** `Last 15 minutes`, `Last 1 hour`… for a relative range. */
export function describeRelative(text: string): string {
  const match = RELATIVE.exec(text);
  if (match === null) return text;
  const [, amount = '', unit = ''] = match;
  const name = UNIT_NAME[unit] ?? unit;
  return `Last ${amount} ${name}${amount === '1' ? '' : 's'}`;
}

/** A short label for the picker's button; `formatTime` formats absolute ends. */
export function describeTimeRange(range: TimeRange, formatTime: (ms: number) => string): string {
  if (range.kind === 'relative') return describeRelative(range.text);
  return `${formatTime(range.startMs)} → ${formatTime(range.endMs)}`;
}

/** An absolute range covering `[startMs, endMs]`, e.g. after a zoom on a chart. */
export function absoluteRange(startMs: number, endMs: number): TimeRange {
  const start = Math.floor(Math.min(startMs, endMs));
  const end = Math.max(Math.ceil(Math.max(startMs, endMs)), start + 1);
  return { kind: 'absolute', startMs: start, endMs: end };
}
