/**
 * A silence's schedule in words — "every day 02:00–04:00 Europe/Berlin", "until 14:30 today" — with
 * one-off times in the viewer's zone and recurring ones in their own. Pure.
 */

import { nextDate, zonedClock, zonedDate, type SilenceSchedule } from '@sightline/contract';

type OnceSchedule = Extract<SilenceSchedule, { kind: 'once' }>;
type RecurringSchedule = Extract<SilenceSchedule, { kind: 'recurring' }>;

export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Weekdays in the order people list them (Monday first). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** `day`, `Mon–Fri`, `Sat, Sun`, `Mon, Wed–Fri`: runs of three or more days as a range, Monday first. */
export function describeWeekdays(weekdays: readonly number[]): string {
  const set = new Set(weekdays);
  if (set.size === 7) return 'day';
  // Positions in the Monday-first week; a run is consecutive positions.
  const positions = WEEK_ORDER.flatMap((day, position) => (set.has(day) ? [position] : []));
  const runs: number[][] = [];
  for (const position of positions) {
    const run = runs.at(-1);
    if (run !== undefined && run.at(-1) === position - 1) run.push(position);
    else runs.push([position]);
  }
  return runs
    .flatMap((run) => {
      const names = run.map((position) => WEEKDAY_SHORT[WEEK_ORDER[position] ?? 0]);
      return run.length >= 3 ? [`${names[0]}–${names.at(-1)}`] : names;
    })
    .join(', ');
}

/** `today`, `tomorrow`, `yesterday` or the date, as seen in `timeZone` on `nowMs`. */
export function dayWord(ms: number, nowMs: number, timeZone: string): string {
  const date = zonedDate(ms, timeZone);
  const today = zonedDate(nowMs, timeZone);
  if (date === today) return 'today';
  if (date === nextDate(today)) return 'tomorrow';
  if (nextDate(date) === today) return 'yesterday';
  return date;
}

/** `today 14:30`, `2025-12-01 09:00`. */
export function dayAndTime(ms: number, nowMs: number, timeZone: string): string {
  return `${dayWord(ms, nowMs, timeZone)} ${zonedClock(ms, timeZone)}`;
}

/** `14:30 today`, `09:00 tomorrow`, but `2025-12-01 09:00` for other days. */
function timeThenDay(ms: number, nowMs: number, timeZone: string): string {
  const day = dayWord(ms, nowMs, timeZone);
  const clock = zonedClock(ms, timeZone);
  return /^\d/.test(day) ? `${day} ${clock}` : `${clock} ${day}`;
}

/** A one-off window, relative to now: `until 14:30 today`, `today 16:00–18:00`, `ended yesterday 09:00`. */
export function describeOnce(schedule: OnceSchedule, nowMs: number, timeZone: string): string {
  const { startsAtMs, endsAtMs } = schedule;
  if (endsAtMs <= nowMs) return `ended ${dayAndTime(endsAtMs, nowMs, timeZone)}`;
  if (startsAtMs <= nowMs) return `until ${timeThenDay(endsAtMs, nowMs, timeZone)}`;
  const sameDay = zonedDate(startsAtMs, timeZone) === zonedDate(endsAtMs, timeZone);
  return sameDay
    ? `${dayAndTime(startsAtMs, nowMs, timeZone)}–${zonedClock(endsAtMs, timeZone)}`
    : `${dayAndTime(startsAtMs, nowMs, timeZone)} – ${dayAndTime(endsAtMs, nowMs, timeZone)}`;
}

/** `every day 02:00–04:00 Europe/Berlin`, `every Fri 22:00–02:00 (overnight) UTC, from 2025-12-01 until 2025-12-31`. */
export function describeRecurring(schedule: RecurringSchedule): string {
  const { timezone, startTime, endTime } = schedule;
  const overnight = endTime <= startTime ? ' (overnight)' : '';
  const parts = [`every ${describeWeekdays(schedule.weekdays)} ${startTime}–${endTime}${overnight} ${timezone}`];
  const bounds: string[] = [];
  if (schedule.fromMs !== undefined) bounds.push(`from ${zonedDate(schedule.fromMs, timezone)}`);
  // The bound is exclusive: a silence "until 2025-12-31" ends as that day does.
  if (schedule.untilMs !== undefined) bounds.push(`until ${zonedDate(schedule.untilMs - 1, timezone)}`);
  if (bounds.length > 0) parts.push(bounds.join(' '));
  return parts.join(', ');
}

/** Any schedule in words; one-off times in `viewerZone`. */
export function describeSchedule(schedule: SilenceSchedule, nowMs: number, viewerZone: string): string {
  return schedule.kind === 'once' ? describeOnce(schedule, nowMs, viewerZone) : describeRecurring(schedule);
}

/** `next: tomorrow 02:00` in the viewer's zone, or undefined when there is none. */
export function describeNextStart(nextStartMs: number | null, nowMs: number, viewerZone: string): string | undefined {
  return nextStartMs === null ? undefined : `next: ${dayAndTime(nextStartMs, nowMs, viewerZone)}`;
}
