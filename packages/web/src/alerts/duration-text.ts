/** Durations of a rule's form as short text (`5m`, `1h30m`, `90s`) and back, in whole seconds. Pure. */

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };
const PART = /(\d{1,6})\s*([smhd])/gy;

/**
 * Seconds of `5m`, `1h 30m`, `90s`, `2d`, or plain digits (seconds); undefined for anything else.
 * Units go from larger to smaller once each (`1h30m`, not `30m1h`).
 */
export function parseDurationText(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return undefined;
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed);
  PART.lastIndex = 0;
  let seconds = 0;
  let lastUnit = Infinity;
  let at = 0;
  for (;;) {
    while (trimmed[at] === ' ') at++;
    if (at >= trimmed.length) break;
    PART.lastIndex = at;
    const match = PART.exec(trimmed);
    if (match === null) return undefined;
    const unit = UNIT_SECONDS[match[2] ?? ''] ?? 0;
    if (unit >= lastUnit) return undefined;
    lastUnit = unit;
    seconds += Number(match[1]) * unit;
    at = PART.lastIndex;
  }
  return seconds;
}

/** `0s`, `45s`, `5m`, `1h30m`, `2d`, `1d6h`: the largest units first, zero parts left out. */
export function formatDurationText(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds <= 0) return '0s';
  let rest = Math.round(totalSeconds);
  let text = '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}

/** Readable for sentences: `5 min`, `1 h 30 min`, `45 s`, `2 d`. */
export function describeDuration(totalSeconds: number): string {
  return formatDurationText(totalSeconds)
    .replace(/(\d+)([dhms])/g, (_all, count: string, unit: string) => ` ${count} ${unit === 'm' ? 'min' : unit}`)
    .trim();
}
