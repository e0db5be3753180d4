import type { ActiveTarget } from './scrape-targets.ts';

/** What a target may send in one scrape; a longer body fails the scrape. */
export const MAX_SCRAPE_BYTES = 64 * 1024 * 1024;

const ACCEPT = 'application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

export interface FetchedExposition {
  readonly text: string;
  readonly contentType: string | null;
}

/** A scrape failure with the text shown in the target's health. */
export class ScrapeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScrapeError';
  }
}

function describeFetchFailure(error: unknown, target: ActiveTarget): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `scrape timed out after ${target.timeoutMs / 1000}s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause !== undefined && typeof cause.message === 'string') {
    return typeof cause.code === 'string' && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

async function readBounded(response: Response): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_SCRAPE_BYTES) {
      await reader.cancel();
      throw new ScrapeError(`the response is larger than ${MAX_SCRAPE_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GETs the target's exposition within its timeout. Throws ScrapeError with a readable reason. */
export async function fetchExposition(target: ActiveTarget): Promise<FetchedExposition> {
  const headers: Record<string, string> = {
    accept: ACCEPT,
    'user-agent': 'sightline-scraper',
    'x-prometheus-scrape-timeout-seconds': String(target.timeoutMs / 1000),
  };
  if (target.authorization !== undefined) headers.authorization = target.authorization;
  const signal = AbortSignal.timeout(target.timeoutMs);
  try {
    const response = await fetch(target.url, { headers, signal, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel();
      throw new ScrapeError(`server returned HTTP status ${response.status} ${response.statusText}`.trim());
    }
    return { text: await readBounded(response), contentType: response.headers.get('content-type') };
  } catch (error) {
    if (error instanceof ScrapeError) throw error;
    throw new ScrapeError(describeFetchFailure(error, target), { cause: error });
  }
}
