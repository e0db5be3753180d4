import { addDays, localDay, weekdayOf, zonedInstant, type LocalDay, type SilenceDefinition, type SilenceSchedule } from '@sightline/contract';

type RecurringSchedule = Extract<SilenceSchedule, { kind: 'recurring' }>;

/** A muting window `[startMs, endMs)`. */
export interface SilenceWindow {
  readonly startMs: number;
  readonly endMs: number;
}

export type SilenceStatus = 'active' | 'scheduled' | 'expired';

/** Days scanned ahead for the next window (a week, and a day for windows crossing midnight). */
const SCAN_DAYS = 9;

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * The window starting on a local day, clipped to the schedule's `fromMs`/`untilMs`, or undefined when
 * the day is not a listed weekday or the clipped window is empty. An end at or before the start is
 * on the next day (22:00–02:00, and 00:00–00:00 is the whole day).
 */
function windowOn(schedule: RecurringSchedule, day: LocalDay): SilenceWindow | undefined {
  if (!schedule.weekdays.includes(weekdayOf(day))) return undefined;
  const start = minutesOf(schedule.startTime);
  const end = minutesOf(schedule.endTime);
  let startMs = zonedInstant(day, start, schedule.timezone);
  let endMs = zonedInstant(end > start ? day : addDays(day, 1), end, schedule.timezone);
  if (schedule.fromMs !== undefined) startMs = Math.max(startMs, schedule.fromMs);
  if (schedule.untilMs !== undefined) endMs = Math.min(endMs, schedule.untilMs);
  return startMs < endMs ? { startMs, endMs } : undefined;
}

/** Windows of the days from the local day before `fromMs` on, in time order. */
function windowsFrom(schedule: RecurringSchedule, fromMs: number, days: number): SilenceWindow[] {
  const first = addDays(localDay(fromMs, schedule.timezone), -1);
  const windows: SilenceWindow[] = [];
  for (let offset = 0; offset <= days; offset++) {
    const window = windowOn(schedule, addDays(first, offset));
    if (window !== undefined) windows.push(window);
  }
  return windows;
}

function onceWindow(schedule: Extract<SilenceSchedule, { kind: 'once' }>): SilenceWindow {
  return { startMs: schedule.startsAtMs, endMs: schedule.endsAtMs };
}

/** The window muting at `nowMs`, if any. */
export function activeWindow(definition: Pick<SilenceDefinition, 'schedule'>, nowMs: number): SilenceWindow | undefined {
  const { schedule } = definition;
  const windows = schedule.kind === 'once' ? [onceWindow(schedule)] : windowsFrom(schedule, nowMs, 1);
  return windows.find((window) => window.startMs <= nowMs && nowMs < window.endMs);
}

export function silenceActiveAt(definition: Pick<SilenceDefinition, 'schedule'>, nowMs: number): boolean {
  return activeWindow(definition, nowMs) !== undefined;
}

/** The start of the next window after `nowMs` (not the current one), or null when there is none. */
export function nextWindowStart(definition: Pick<SilenceDefinition, 'schedule'>, nowMs: number): number | null {
  const { schedule } = definition;
  if (schedule.kind === 'once') return schedule.startsAtMs > nowMs ? schedule.startsAtMs : null;
  if (schedule.untilMs !== undefined && schedule.untilMs <= nowMs) return null;
  const from = Math.max(nowMs, schedule.fromMs ?? nowMs);
  const next = windowsFrom(schedule, from, SCAN_DAYS).find((window) => window.startMs > nowMs);
  return next?.startMs ?? null;
}

/** `active` while muting, `scheduled` while a window is still to come, `expired` after the last one. */
export function silenceStatus(definition: Pick<SilenceDefinition, 'schedule'>, nowMs: number): SilenceStatus {
  if (silenceActiveAt(definition, nowMs)) return 'active';
  return nextWindowStart(definition, nowMs) === null ? 'expired' : 'scheduled';
}
