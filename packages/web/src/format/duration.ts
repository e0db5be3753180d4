/** Human-readable durations for nanosecond values, and the reverse for filter inputs. */

import { toNanos } from './nanos.ts';

const UNITS: readonly { readonly limit: number; readonly divisor: number; readonly suffix: string }[] = [
  { limit: 1e3, divisor: 1, suffix: 'ns' },
  { limit: 1e6, divisor: 1e3, suffix: 'µs' },
  { limit: 1e9, divisor: 1e6, suffix: 'ms' },
  { limit: 60e9, divisor: 1e9, suffix: 's' },
];

/** Three significant digits, trailing zeros dropped: 1.5, 12.3, 123. */
function threeDigits(value: number): string {
  const decimals = value < 10 ? 2 : value < 100 ? 1 : 0;
  return String(Number(value.toFixed(decimals)));
}

/** A duration as `850 ns`, `12.3 µs`, `1.5 ms`, `2.31 s`, `4m 05s`, `1h 02m`, `3d 04h`. */
export function formatDurationNs(input: number | bigint | string): string {
  const ns = typeof input === 'number' ? input : Number(toNanos(input));
  if (!Number.isFinite(ns) || ns < 0) return '–';
  for (const unit of UNITS) {
    if (ns < unit.limit) {
      const text = threeDigits(ns / unit.divisor);
      // Rounding up may reach the next unit (999.7 µs → "1000 µs"); say it in that unit instead.
      if (Number(text) >= 1000 && unit.suffix !== 's') continue;
      return `${text} ${unit.suffix}`;
    }
  }
  const totalSeconds = Math.floor(ns / 1e9);
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)}m ${pad(totalSeconds % 60)}s`;
  if (totalSeconds < 86400) return `${Math.floor(totalSeconds / 3600)}h ${pad(Math.floor(totalSeconds / 60) % 60)}m`;
  return `${Math.floor(totalSeconds / 86400)}d ${pad(Math.floor(totalSeconds / 3600) % 24)}h`;
}

const DURATION_TEXT = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|h)?\s*$/i;
const NS_PER_UNIT: Readonly<Record<string, number>> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Text such as `250ms`, `1.5s`, `300us` or `20` (milliseconds) as nanoseconds; undefined when not a duration. */
export function parseDurationText(text: string): bigint | undefined {
  const match = DURATION_TEXT.exec(text);
  if (match === null) return undefined;
  const [, amount = '', unit = 'ms'] = match;
  const factor = NS_PER_UNIT[unit.toLowerCase()] ?? NS_PER_UNIT[unit];
  if (factor === undefined) return undefined;
  return BigInt(Math.round(Number(amount) * factor));
}
