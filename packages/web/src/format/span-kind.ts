/** OTLP span kinds by number, and their names in the UI and the URL. */

export const SPAN_KIND_NAMES = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;
export type SpanKindName = (typeof SPAN_KIND_NAMES)[number];

export function spanKindName(kind: number): SpanKindName | 'unknown' {
  return SPAN_KIND_NAMES[kind] ?? 'unknown';
}

export function spanKindNumber(name: string): number | undefined {
  const index = (SPAN_KIND_NAMES as readonly string[]).indexOf(name);
  return index < 0 ? undefined : index;
}

export const STATUS_NAMES = ['unset', 'ok', 'error'] as const;

export function statusName(code: number): string {
  return STATUS_NAMES[code] ?? `code ${code}`;
}
