/** A time range widened to whole minutes, so name pickers reuse one catalog lookup while the range slides. */
export interface CatalogRange {
  readonly startMs: number;
  readonly endMs: number;
  /** Identifies the range in request cache keys. */
  readonly key: string;
}

const MINUTE_MS = 60_000;

export function catalogRangeOf(range: { readonly startMs: number; readonly endMs: number }): CatalogRange {
  const startMs = Math.floor(range.startMs / MINUTE_MS) * MINUTE_MS;
  const endMs = Math.floor(range.endMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  return { startMs, endMs, key: `${startMs}|${endMs}` };
}
