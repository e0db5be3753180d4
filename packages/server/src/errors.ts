/**
 * Every failure the server reports carries a stable code from this registry. The API maps codes to
 * HTTP statuses in one table (api/error-status.ts); receivers map them to OTLP responses.
 */
export const ErrorCodes = {
  CONFIG_INVALID: 'CONFIG_INVALID',
  OTLP_DECODE_FAILED: 'OTLP_DECODE_FAILED',
  OTLP_UNSUPPORTED_MEDIA_TYPE: 'OTLP_UNSUPPORTED_MEDIA_TYPE',
  OTLP_PAYLOAD_TOO_LARGE: 'OTLP_PAYLOAD_TOO_LARGE',
  REMOTE_WRITE_INVALID: 'REMOTE_WRITE_INVALID',
  REMOTE_WRITE_TOO_LARGE: 'REMOTE_WRITE_TOO_LARGE',
  REMOTE_WRITE_UNSUPPORTED: 'REMOTE_WRITE_UNSUPPORTED',
  INGEST_OVERLOADED: 'INGEST_OVERLOADED',
  INGEST_STORE_FAILED: 'INGEST_STORE_FAILED',
  INGEST_SHUTTING_DOWN: 'INGEST_SHUTTING_DOWN',
  /** Disk usage is above the hard watermark: new ingest is refused (retryable) until space is freed. */
  INGEST_DISK_FULL: 'INGEST_DISK_FULL',
  /** An OTLP export without a valid ingest key while `otlp.auth.required` is on. HTTP 401 / gRPC UNAUTHENTICATED, not retried. */
  INGEST_UNAUTHENTICATED: 'INGEST_UNAUTHENTICATED',
  STORE_FAILED: 'STORE_FAILED',
  QUERY_INVALID: 'QUERY_INVALID',
  QUERY_MEMORY_LIMIT: 'QUERY_MEMORY_LIMIT',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  QUERY_TOO_MUCH_DATA: 'QUERY_TOO_MUCH_DATA',
  /** Too many reads are running or waiting; retry after `retryAfterSeconds`. HTTP 503 + Retry-After. */
  QUERY_BUSY: 'QUERY_BUSY',
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with what exists (e.g. deleting a Prometheus target from the config file). HTTP 409. */
  CONFLICT: 'CONFLICT',
  /** A notification channel (webhook, Slack, e-mail, …) refused or could not be reached. HTTP 502. */
  NOTIFY_FAILED: 'NOTIFY_FAILED',
  /** No valid credentials (wrong password, unknown/expired session or key, used setup token). HTTP 401. */
  AUTH_UNAUTHENTICATED: 'AUTH_UNAUTHENTICATED',
  /** Authenticated, but the role or scope does not allow the action (or a wrong CSRF token). HTTP 403. */
  AUTH_FORBIDDEN: 'AUTH_FORBIDDEN',
  /** Too many failed logins for the user or address: locked until `retryAfterSeconds`. HTTP 429. */
  AUTH_LOCKED: 'AUTH_LOCKED',
  /** The change would leave no enabled admin. HTTP 409. */
  AUTH_LAST_ADMIN: 'AUTH_LAST_ADMIN',
  /** The new password does not meet the policy. HTTP 400. */
  AUTH_WEAK_PASSWORD: 'AUTH_WEAK_PASSWORD',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Seconds a client should wait before retrying, for retryable failures. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
