/** Date and time text for unix milliseconds, in local time or UTC. */

export interface TimeFormatOptions {
  /** Format in UTC instead of the browser's zone (tests, shared links). */
  readonly utc?: boolean;
}

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

function partsOf(ms: number, utc: boolean): Parts {
  const d = new Date(ms);
  return utc
    ? {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        ms: d.getUTCMilliseconds(),
      }
    : {
        year: d.getFullYear(),
        month: d.getMonth() + 1,
        day: d.getDate(),
        hour: d.getHours(),
        minute: d.getMinutes(),
        second: d.getSeconds(),
        ms: d.getMilliseconds(),
      };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2025-11-25 10:51:03.123` */
export function formatDateTime(ms: number, options: TimeFormatOptions = {}): string {
  if (!Number.isFinite(ms)) return '–';
  const p = partsOf(ms, options.utc ?? false);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.ms, 3)}`;
}

/** `10:51:03.123` */
export function formatTimeOfDay(ms: number, options: TimeFormatOptions = {}): string {
  if (!Number.isFinite(ms)) return '–';
  const p = partsOf(ms, options.utc ?? false);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.ms, 3)}`;
}

/** `2025-11-25 10:51` — short, for range labels. */
export function formatDateMinute(ms: number, options: TimeFormatOptions = {}): string {
  if (!Number.isFinite(ms)) return '–';
  const p = partsOf(ms, options.utc ?? false);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The value a `<input type="datetime-local" step="1">` expects, in local time. */
export function toDateTimeLocalValue(ms: number): string {
  const p = partsOf(ms, false);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}
