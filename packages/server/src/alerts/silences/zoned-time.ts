/**
 * Wall-clock times in an IANA time zone through `Intl.DateTimeFormat` (no time-zone library): the
 * zone's UTC offset at an instant, the local calendar day of an instant, and the instant of a local
 * day and time (DST-aware).
 */

/** A calendar day (month 1–12). */
export interface LocalDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the engine knows the zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock fields of an instant, as if they were UTC (milliseconds dropped). */
function wallClockMs(utcMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (fields.year ?? 0) : (fields.year ?? 0);
  const wall = new Date(0);
  wall.setUTCFullYear(year, (fields.month ?? 1) - 1, fields.day ?? 1);
  wall.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
  return wall.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function offsetMs(utcMs: number, timeZone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

/** The local calendar day of an instant. */
export function localDay(utcMs: number, timeZone: string): LocalDay {
  const wall = new Date(utcMs + offsetMs(utcMs, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The day `days` after (or before) a day. */
export function addDays(day: LocalDay, days: number): LocalDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: LocalDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/**
 * The instant of a local day and time (minutes after midnight) in a zone. A time that occurs twice
 * (the hour repeated when DST ends) is its first occurrence; a time that does not exist (skipped when
 * DST starts) is moved forward by the gap (02:30 in a skipped 02:00–03:00 is 03:30, 02:00 is 03:00).
 */
export function zonedInstant(day: LocalDay, minutes: number, timeZone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day) + minutes * 60_000;
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, after, offsetMs(wall, timeZone)])]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0] as number;
  // In a gap: read the wall time with the offset in force before it.
  return wall - before;
}
