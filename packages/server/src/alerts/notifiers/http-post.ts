import { NotifyError } from './notify-error.ts';
import type { SendContext } from './notifier.ts';

/** How much of an error response is read and how much of it ends up in the delivery log. */
const MAX_READ_BYTES = 4096;
const MAX_EXCERPT_CHARS = 200;

export interface JsonPost {
  readonly url: string;
  /** The serialized body (signed as is by the webhook notifier). */
  readonly body: string;
  readonly headers?: Headers;
  /**
   * Some services answer 2xx with an error in the body (Teams connectors report throttling that way):
   * given the body's excerpt, returns a retryable error text, or undefined when it is a success.
   */
  readonly errorInSuccessBody?: (excerpt: string) => string | undefined;
}

/**
 * POSTs JSON within the attempt's signal. Redirects are not followed (a relay that moves should be
 * reconfigured, and a redirect must not carry credentials elsewhere). Any status outside 2xx throws
 * a NotifyError naming the status and a short excerpt of the body; only the host is named, because
 * Slack and Teams webhook URLs carry their token in the path.
 */
export async function postJson(request: JsonPost, context: SendContext): Promise<void> {
  const url = parseUrl(request.url);
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  if (!headers.has('user-agent')) headers.set('user-agent', 'sightline-alerts');
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: request.body, redirect: 'manual', signal: context.signal });
  } catch (error) {
    throw new NotifyError(describeFetchFailure(error, url, context), { retryable: true, cause: error });
  }
  if (response.status >= 200 && response.status < 300) {
    if (request.errorInSuccessBody === undefined) {
      await response.body?.cancel();
      return;
    }
    const problem = request.errorInSuccessBody(await readExcerpt(response).catch(() => ''));
    if (problem === undefined) return;
    throw new NotifyError(`HTTP ${response.status} from ${url.host} reporting: ${problem}`, { retryable: true });
  }
  const excerpt = await readExcerpt(response).catch(() => '');
  const status = `HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
  const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  throw new NotifyError(`${status} from ${url.host}${redirect}${excerpt === '' ? '' : `: ${excerpt}`}`, {
    retryable: isRetryableStatus(response.status),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

/** 408, 425, 429 and 5xx may pass later; other statuses refuse the request itself. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** `Retry-After` as seconds (delta-seconds or an HTTP date), if given and sensible. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const atMs = Date.parse(trimmed);
  return Number.isNaN(atMs) ? undefined : Math.max(0, Math.ceil((atMs - nowMs) / 1000));
}

function parseUrl(text: string): URL {
  try {
    return new URL(text);
  } catch (error) {
    throw new NotifyError('the channel URL is not a valid URL', { retryable: false, cause: error });
  }
}

function describeFetchFailure(error: unknown, url: URL, context: SendContext): string {
  if (context.signal.aborted) {
    const reason: unknown = context.signal.reason;
    return reason instanceof Error && reason.name === 'TimeoutError'
      ? `no answer from ${url.host} within ${context.timeoutMs} ms`
      : `sending to ${url.host} was cancelled`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause !== undefined && typeof cause.message === 'string') {
    const code = typeof cause.code === 'string' && !cause.message.includes(cause.code) ? `${cause.code}: ` : '';
    return `cannot reach ${url.host}: ${code}${cause.message}`;
  }
  return `cannot reach ${url.host}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The first bytes of the body, whitespace collapsed, cut to a log-friendly length. */
async function readExcerpt(response: Response): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < MAX_READ_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks).subarray(0, MAX_READ_BYTES));
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_EXCERPT_CHARS ? `${collapsed.slice(0, MAX_EXCERPT_CHARS)}…` : collapsed;
}
