/**
 * Wall-clock time in an IANA time zone ↔ Unix milliseconds, through `Intl.DateTimeFormat` alone (no
 * time-zone data of our own). Shared by the server (syslog timestamps without an offset, recurring
 * silences) and the web (silence forms and views).
 *
 * A wall clock that a daylight-saving change repeats is read as its first occurrence; one that a change
 * skips is moved forward by the gap (02:30 in a skipped 02:00–03:00 is 03:30, 02:00 is 03:00). This is
 * how JavaScript's Date reads local times, so 'local' and the server's own zone name agree.
 */

/** A calendar day (month 1–12). */
export interface LocalDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A wall-clock time (month 1–12, hour 0–23). */
export interface WallClock extends LocalDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export interface ZonedParts extends WallClock {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

/** The server's own zone where a setting names a zone (syslog). Only `isKnownTimeZone` and `wallClockToUnixMs` take it. */
export const LOCAL_TIME_ZONE = 'local';

const DAY_MS = 86_400_000;
const WEEKDAY_INDEX: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Unix ms of a wall clock read as if it were UTC; unlike Date.UTC, years 0–99 are themselves. */
function utcOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Whether the runtime knows the IANA zone name ('local' is not one). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** True for 'local' and for every zone name the runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  return timeZone === LOCAL_TIME_ZONE || isValidTimeZone(timeZone);
}

/** The zone's wall clock at an instant (milliseconds dropped). */
export function zonedParts(utcMs: number, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  let bc = false;
  let weekday = 0;
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type === 'weekday') weekday = WEEKDAY_INDEX[part.value] ?? 0;
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 0;
  return {
    year: bc ? 1 - year : year,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday,
  };
}

/** The zone's wall clock at an instant, read as if it were UTC. */
function wallMsAt(utcMs: number, timeZone: string): number {
  const p = zonedParts(utcMs, timeZone);
  return utcOf(p.year, p.month, p.day, p.hour, p.minute, p.second);
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich: Berlin in winter is +3 600 000). */
export function offsetMs(utcMs: number, timeZone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return wallMsAt(whole, timeZone) - whole;
}

/** The instant at which the zone's clock shows `wall` (a wall clock read as if it were UTC), disambiguated as the module header says. */
function instantOf(wall: number, timeZone: string): number {
  const fraction = wall - Math.floor(wall / 1000) * 1000;
  const whole = wall - fraction;
  const before = offsetMs(whole - DAY_MS, timeZone);
  const candidates = [...new Set([before, offsetMs(whole, timeZone), offsetMs(whole + DAY_MS, timeZone)])]
    .map((offset) => whole - offset)
    .filter((instant) => wallMsAt(instant, timeZone) === whole)
    .sort((a, b) => a - b);
  // None in a gap: read the wall clock with the offset in force before it, which moves it forward by the gap.
  return (candidates[0] ?? whole - before) + fraction;
}

/** The Unix ms at which the zone's clock shows `wall`; 'local' is the runtime's own zone, read by Date. */
export function wallClockToUnixMs(wall: WallClock, timeZone: string): number {
  if (timeZone === LOCAL_TIME_ZONE) {
    return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second).getTime();
  }
  return instantOf(utcOf(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second), timeZone);
}

/** The instant of a local day and time (minutes after midnight) in a zone. */
export function zonedInstant(day: LocalDay, minutes: number, timeZone: string): number {
  return instantOf(utcOf(day.year, day.month, day.day) + minutes * 60_000, timeZone);
}

/** The local calendar day of an instant. */
export function localDay(utcMs: number, timeZone: string): LocalDay {
  const { year, month, day } = zonedParts(utcMs, timeZone);
  return { year, month, day };
}

/** The day `days` after (or before) a day. */
export function addDays(day: LocalDay, days: number): LocalDay {
  const date = new Date(utcOf(day.year, day.month, day.day) + days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: LocalDay): number {
  return new Date(utcOf(day.year, day.month, day.day)).getUTCDay();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2025-11-25` in the zone. */
export function zonedDate(utcMs: number, timeZone: string): string {
  const p = zonedParts(utcMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `14:30` in the zone. */
export function zonedClock(utcMs: number, timeZone: string): string {
  const p = zonedParts(utcMs, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2025-11-25T14:30`, the value of an `<input type="datetime-local">`, in the zone. */
export function zonedDateTimeValue(utcMs: number, timeZone: string): string {
  return `${zonedDate(utcMs, timeZone)}T${zonedClock(utcMs, timeZone)}`;
}

/** Unix ms of wall-clock text (`2025-11-25T14:30`, or a date `2025-11-25` = its midnight) in the zone; undefined when it is not one. */
export function zonedToMs(text: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const wall = utcOf(year, month, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return undefined; // 2025-02-30
  return instantOf(wall, timeZone);
}

/** The day after a `YYYY-MM-DD` date, as the same kind of text. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(utcOf(y, m, d + 1));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** The runtime's own zone (the browser's, on the web); UTC when it cannot tell. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isValidTimeZone(zone) ? zone : 'UTC';
}

/** Zones for a picker: the runtime's list with UTC and `extra` (e.g. the one in use), sorted, UTC first. */
export function timeZoneChoices(extra: readonly string[] = []): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...listed, ...extra.filter(isValidTimeZone)])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
