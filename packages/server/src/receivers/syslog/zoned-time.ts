/**
 * Wall-clock times without an offset (RFC 3164 `Mmm dd hh:mm:ss`) to Unix time, in a configured
 * time zone: 'local' (the server's zone) or an IANA name such as 'Europe/Berlin' or 'UTC'.
 */

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export const LOCAL_TIME_ZONE = 'local';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for 'local' and for every zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone === LOCAL_TIME_ZONE) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const wholeSecond = Math.floor(utcMs / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(wholeSecond))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return asUtc - wholeSecond;
}

/**
 * The Unix milliseconds at which the zone's clock showed `wall`. A time that a daylight-saving
 * gap skipped is read with the offset before the gap, as JavaScript's Date reads local times.
 */
export function wallClockToUnixMs(wall: WallClock, timeZone: string): number {
  if (timeZone === LOCAL_TIME_ZONE) {
    return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second).getTime();
  }
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const guess = zoneOffsetMs(timeZone, naive);
  const corrected = zoneOffsetMs(timeZone, naive - guess);
  if (corrected === guess) return naive - guess;
  // The guess was taken across a change of offset: the offset at the corrected instant is the one.
  return naive - corrected;
}
