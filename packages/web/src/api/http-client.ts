/**
 * The one place that talks HTTP: JSON in, JSON out, every response checked against its schema.
 * Paths are relative (`api/v1/...`) and resolve against the document's base, so the UI also works
 * behind a path prefix.
 */

import { errorResponseSchema } from '@sightline/contract';
import type { z } from 'zod';
import { ApiError, isAbortError } from './api-error.ts';

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
}

let baseOverride: string | undefined;
/** The session's CSRF token (from sign-in or `auth/me`), sent with every write while known. */
let csrfToken: string | undefined;
/** Called when an API request answers 401 (the session ended): the app goes to its sign-in page. */
let onUnauthenticated: (() => void) | undefined;
const retryAfter = new WeakMap<ApiError, number>();

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** The seconds a 429 answer asked to wait (its Retry-After header), if it said. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  return error instanceof ApiError ? retryAfter.get(error) : undefined;
}

/** The auth endpoints answer 401 for a wrong password or no session: the caller handles those. */
const isAuthPath = (path: string): boolean => path.replace(/^\//, '').startsWith('api/v1/auth/');

/** While held, requests other than the auth endpoints wait (until the app knows whether it may ask). */
let hold: { readonly promise: Promise<void>; readonly release: () => void } | undefined;

export function holdRequests(): void {
  if (hold !== undefined) return;
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  hold = { promise, release };
}

export function releaseRequests(): void {
  hold?.release();
  hold = undefined;
}

function whenReleased(signal: AbortSignal | undefined): Promise<void> {
  const current = hold;
  if (current === undefined) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason as Error);
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    void current.promise.then(resolve);
  });
}

/** For scripts outside a browser: the server's base URL (e.g. `http://127.0.0.1:8080/`). */
export function setApiBase(base: string | undefined): void {
  baseOverride = base;
}

/** The absolute URL of an API path with its query (undefined values left out). */
export function apiUrl(path: string, query: Readonly<Record<string, QueryValue>> = {}): URL {
  const base = baseOverride ?? (typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
  const url = new URL(path.replace(/^\//, ''), base);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length === 0 ? 'response' : issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
}

async function readError(response: Response): Promise<ApiError> {
  const error = await errorOf(response);
  const wait = Number(response.headers.get('retry-after') ?? '');
  if (response.headers.has('retry-after') && Number.isFinite(wait) && wait >= 0) retryAfter.set(error, wait);
  return error;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiError(parsed.data.error.code, parsed.data.error.message, response.status);
  } catch {
    // not JSON: fall through to the status line
  }
  const detail = text.trim().slice(0, 200);
  return new ApiError(`HTTP_${response.status}`, `${response.status} ${response.statusText}${detail === '' ? '' : `: ${detail}`}`, response.status);
}

/** Sends the request; a response that is not 2xx becomes an ApiError. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  if (!isAuthPath(path)) await whenReleased(options.signal);
  const url = apiUrl(path, options.query);
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError('NETWORK', `Could not reach the Sightline server (${error instanceof Error ? error.message : String(error)}).`, 0);
  }
  if (!response.ok) {
    if (response.status === 401 && !isAuthPath(path)) onUnauthenticated?.();
    throw await readError(response);
  }
  return response;
}

/** A request whose answer has no body worth reading (e.g. DELETE → 204). */
export async function requestEmpty(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  await response.body?.cancel().catch(() => undefined);
}

export async function requestJson<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const response = await send(path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `The server answered ${path} with something that is not JSON.`, response.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', `Unexpected response from ${path}: ${summarizeIssues(parsed.error)}`, response.status);
  return parsed.data;
}
