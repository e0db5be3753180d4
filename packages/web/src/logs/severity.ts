/** OTLP severity numbers (1–24) grouped into the six levels, as the histogram and badges show them. */

export const SEVERITY_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type SeverityName = (typeof SEVERITY_LEVELS)[number];
export type SeverityLevel = SeverityName | 'unset';

/** The lowest severity number of each level (TRACE 1–4, DEBUG 5–8, … FATAL 21–24). */
export function severityMinNumber(level: SeverityName): number {
  return SEVERITY_LEVELS.indexOf(level) * 4 + 1;
}

export function severityLevel(severityNumber: number): SeverityLevel {
  if (!(severityNumber >= 1)) return 'unset';
  return SEVERITY_LEVELS[Math.min(5, Math.floor((severityNumber - 1) / 4))] ?? 'fatal';
}

/** The severity text as sent, else the level's name. */
export function severityLabel(log: { readonly severityNumber: number; readonly severityText: string }): string {
  if (log.severityText.trim() !== '') return log.severityText.trim().toUpperCase();
  const level = severityLevel(log.severityNumber);
  return level === 'unset' ? '—' : level.toUpperCase();
}

export function parseSeverityName(text: string | null): SeverityName | '' {
  return text !== null && (SEVERITY_LEVELS as readonly string[]).includes(text) ? (text as SeverityName) : '';
}
