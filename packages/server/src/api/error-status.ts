import type { ErrorResponse } from '@sightline/contract';
import { AppError, ErrorCodes, isAppError, type ErrorCode } from '../errors.ts';

/** The one table from error code to HTTP status; codes not listed are server faults (500). */
export const ERROR_STATUS: Readonly<Partial<Record<ErrorCode, number>>> = {
  [ErrorCodes.QUERY_INVALID]: 400,
  [ErrorCodes.INGEST_UNAUTHENTICATED]: 401,
  [ErrorCodes.AUTH_WEAK_PASSWORD]: 400,
  [ErrorCodes.AUTH_UNAUTHENTICATED]: 401,
  [ErrorCodes.AUTH_FORBIDDEN]: 403,
  [ErrorCodes.AUTH_LAST_ADMIN]: 409,
  // Too many failed logins: retry after the lock (Retry-After), as with other refusals under load.
  [ErrorCodes.AUTH_LOCKED]: 429,
  [ErrorCodes.NOT_FOUND]: 404,
  [ErrorCodes.CONFLICT]: 409,
  [ErrorCodes.QUERY_TOO_MUCH_DATA]: 422,
  // The request asked for more than the per-query budget: the client should narrow it (like 422).
  [ErrorCodes.QUERY_MEMORY_LIMIT]: 422,
  [ErrorCodes.QUERY_TIMEOUT]: 504,
  [ErrorCodes.QUERY_BUSY]: 503,
  // A channel test reached the server but the notification service failed: an upstream fault.
  [ErrorCodes.NOTIFY_FAILED]: 502,
};

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code] ?? 500;
}

export interface ErrorReply {
  readonly status: number;
  readonly body: ErrorResponse;
  /** Whole seconds for a `Retry-After` header, for retryable failures. */
  readonly retryAfterSeconds?: number;
}

function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Any failure as the API's error body. AppErrors keep their code; the framework's own client
 * errors (malformed JSON, wrong content type, body too large) are QUERY_INVALID; anything else is
 * INTERNAL without details (those go to the log).
 */
export function toErrorReply(error: unknown): ErrorReply {
  if (isAppError(error)) {
    const reply = { status: statusOf(error.code), body: { error: { code: error.code, message: error.message } } };
    return error.retryAfterSeconds === undefined ? reply : { ...reply, retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterSeconds)) };
  }
  if (clientErrorStatus(error) !== undefined) {
    const message = error instanceof Error ? error.message : 'bad request';
    return { status: statusOf(ErrorCodes.QUERY_INVALID), body: { error: { code: ErrorCodes.QUERY_INVALID, message: `request: ${message}` } } };
  }
  return { status: statusOf(ErrorCodes.INTERNAL), body: { error: { code: ErrorCodes.INTERNAL, message: 'internal error' } } };
}

export function notFoundError(method: string, url: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `no route for ${method} ${url.split('?')[0] ?? url}`);
}
