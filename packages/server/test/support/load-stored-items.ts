/**
 * Reads back, through the public search API, every span and log record a load run stored
 * (all pages), as the same ids `load-otlp-items.ts` gives them — duplicates kept, so callers can
 * check "exactly once".
 */
import { serviceOf } from './load-otlp-items.ts';

interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

async function searchPage<T>(apiPort: number, path: string, body: object, key: string): Promise<Page<T>> {
  const response = await fetch(`http://127.0.0.1:${apiPort}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${text}`);
  const parsed = JSON.parse(text) as Record<string, unknown> & { nextCursor: string | null };
  return { items: parsed[key] as T[], nextCursor: parsed.nextCursor };
}

async function allPages<T>(apiPort: number, path: string, body: object, key: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await searchPage<T>(apiPort, path, { ...body, limit: 1000, ...(cursor === null ? {} : { cursor }) }, key);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

/** A range wide enough for every item of a run that started at `sinceMs`. */
function rangeSince(sinceMs: number): { start: number; end: number } {
  return { start: sinceMs - 3_600_000, end: Date.now() + 3_600_000 };
}

/** `traceId/spanId` of every stored span of the run. */
export async function storedSpanIds(apiPort: number, runTag: string, sinceMs: number): Promise<string[]> {
  const spans = await allPages<{ traceId: string; spanId: string }>(apiPort, '/spans/search', { ...rangeSince(sinceMs), service: serviceOf(runTag) }, 'spans');
  return spans.map((span) => `${span.traceId}/${span.spanId}`);
}

/** The body of every stored log record of the run. */
export async function storedLogBodies(apiPort: number, runTag: string, sinceMs: number): Promise<string[]> {
  const logs = await allPages<{ body: { stringValue?: string } }>(apiPort, '/logs/search', { ...rangeSince(sinceMs), service: serviceOf(runTag) }, 'logs');
  return logs.map((log) => log.body.stringValue ?? '<not a string>');
}

/** Items seen more than once. */
export function duplicatesOf(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}
