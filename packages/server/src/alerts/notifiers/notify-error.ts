import { AppError, ErrorCodes } from '../../errors.ts';

/**
 * A failed send. `retryable` says whether the same request may succeed later (network errors,
 * timeouts, 5xx, 429); a refusal of the request itself (other 4xx, SMTP 5xx) is final.
 */
export class NotifyError extends AppError {
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; retryAfterSeconds?: number; cause?: unknown }) {
    super(ErrorCodes.NOTIFY_FAILED, message, {
      cause: options.cause,
      ...(options.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds }),
    });
    this.name = 'NotifyError';
    this.retryable = options.retryable;
  }
}

/** Whether another attempt makes sense after `error` (unknown errors are treated as transient). */
export function isRetryable(error: unknown): boolean {
  return error instanceof NotifyError ? error.retryable : true;
}
