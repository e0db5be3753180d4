import { wallClockToUnixMs, type WallClock } from '@sightline/contract';
import { isCalendarDay, isClockTime, parseRfc3339 } from './rfc3339-time.ts';
import type { Priority } from './syslog-codes.ts';
import { EMPTY_FIELDS, type SyslogMessage } from './syslog-message.ts';

/**
 * RFC 3164 (BSD syslog) as senders really write it, after `<PRI>`:
 * `Mmm dd hh:mm:ss HOSTNAME TAG[pid]: MSG`, where the hostname or the whole header may be missing,
 * the day may be space-padded, and some senders add a year or fraction, or use an RFC 3339 time.
 * Every text parses: whatever does not fit the header becomes the message.
 */

export interface Rfc3164Context {
  /** Receive time: it tells the year of a timestamp that has none. */
  readonly nowMs: number;
  /** 'local' or an IANA zone name: the zone of timestamps that carry no offset. */
  readonly timeZone: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const BSD_TIMESTAMP = /^([A-Za-z]{3}) {1,2}(\d{1,2}) (?:(\d{4}) )?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?: |$)/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}[Tt]\S+)(?: |$)/;
/** `tag:`, `tag[pid]:` or `tag[pid]` followed by a space or the end. */
const TAG = /^([^\s[\]:]{1,64})(?:\[([^\]\s]{0,128})\](:?)|(:))(?: |$)/;
const HOSTNAME = /^([^\s[\]]+) /;

interface Timestamped {
  readonly timeUnixNano: bigint;
  readonly rest: string;
}

/** How far ahead of the receive time a timestamp may be (clock skew, a sender's wrong zone). */
const FUTURE_TOLERANCE_MS = 2 * 86_400_000;

/**
 * The latest year that does not put month/day in the future: a December message read in January
 * is last year's, a January 1 message read just before midnight on December 31 is next year's.
 */
function inferYear(wall: Omit<WallClock, 'year'>, context: Rfc3164Context): number | undefined {
  const thisYear = new Date(context.nowMs).getUTCFullYear();
  for (const year of [thisYear + 1, thisYear, thisYear - 1]) {
    if (!isCalendarDay(year, wall.month, wall.day)) continue;
    if (wallClockToUnixMs({ ...wall, year }, context.timeZone) <= context.nowMs + FUTURE_TOLERANCE_MS) return year;
  }
  // Feb 29 read in a year that has none, with none in the last year either.
  return undefined;
}

function bsdTimestamp(text: string, context: Rfc3164Context): Timestamped | undefined {
  const match = BSD_TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const month = MONTHS.indexOf((match[1] ?? '').toLowerCase()) + 1;
  const day = Number(match[2]);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  if (month === 0 || !isClockTime(hour, minute, second)) return undefined;
  const partial = { month, day, hour, minute, second };
  const year = match[3] === undefined ? inferYear(partial, context) : Number(match[3]);
  if (year === undefined || !isCalendarDay(year, month, day)) return undefined;
  const ms = wallClockToUnixMs({ ...partial, year }, context.timeZone);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const fraction = BigInt((match[7] ?? '').padEnd(9, '0'));
  return { timeUnixNano: BigInt(ms) * 1_000_000n + fraction, rest: text.slice(match[0].length) };
}

function isoTimestamp(text: string): Timestamped | undefined {
  const match = ISO_TIMESTAMP.exec(text);
  const time = match === null ? undefined : parseRfc3339(match[1] ?? '');
  return match === null || time === undefined ? undefined : { timeUnixNano: time, rest: text.slice(match[0].length) };
}

interface Tagged {
  readonly appName: string | undefined;
  readonly procId: string | undefined;
  readonly message: string;
}

function tagged(text: string): Tagged | undefined {
  const match = TAG.exec(text);
  if (match === null) return undefined;
  const procId = match[2] === undefined || match[2] === '' ? undefined : match[2];
  return { appName: match[1], procId, message: text.slice(match[0].length) };
}

export function parseRfc3164(afterPri: string, priority: Priority, context: Rfc3164Context): SyslogMessage {
  const base = { ...EMPTY_FIELDS, format: 'rfc3164' as const, priority };
  const stamped = bsdTimestamp(afterPri, context) ?? isoTimestamp(afterPri);
  if (stamped === undefined) {
    // No HEADER (RFC 3164 §4.3.3): the text is the message, though it may still start with a TAG.
    const tag = tagged(afterPri);
    return { ...base, appName: tag?.appName, procId: tag?.procId, message: tag?.message ?? afterPri };
  }
  const rest = stamped.rest;
  const withoutHost = tagged(rest);
  if (withoutHost !== undefined) return { ...base, timeUnixNano: stamped.timeUnixNano, ...withoutHost };
  const host = HOSTNAME.exec(rest);
  if (host === null) return { ...base, timeUnixNano: stamped.timeUnixNano, message: rest };
  const afterHost = rest.slice(host[0].length);
  const tag = tagged(afterHost);
  return {
    ...base,
    timeUnixNano: stamped.timeUnixNano,
    hostname: host[1],
    appName: tag?.appName,
    procId: tag?.procId,
    message: tag?.message ?? afterHost,
  };
}
