import { AppError, ErrorCodes, isAppError } from '../../../errors.ts';
import type { RequestOutcome } from '../../../pipeline/ingest-metrics.ts';

export interface RemoteWriteStatus {
  readonly http: number;
  /** Set for responses the sender should retry after a pause (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;
  /** How the request is counted when the RowSink has not counted it already. */
  readonly outcome: RequestOutcome | undefined;
}

/**
 * Remote write semantics: senders retry 5xx and 429 and drop 4xx batches, so only what sending again
 * can fix is retryable. Overload and store failures were counted by the RowSink already.
 */
const TABLE: Readonly<Partial<Record<string, { http: number; outcome: RequestOutcome | undefined }>>> = {
  [ErrorCodes.REMOTE_WRITE_INVALID]: { http: 400, outcome: 'malformed' },
  [ErrorCodes.REMOTE_WRITE_TOO_LARGE]: { http: 413, outcome: 'too_large' },
  [ErrorCodes.REMOTE_WRITE_UNSUPPORTED]: { http: 415, outcome: 'unsupported' },
  [ErrorCodes.INGEST_OVERLOADED]: { http: 429, outcome: undefined },
  [ErrorCodes.INGEST_STORE_FAILED]: { http: 503, outcome: undefined },
  [ErrorCodes.INGEST_SHUTTING_DOWN]: { http: 503, outcome: undefined },
  [ErrorCodes.INTERNAL]: { http: 500, outcome: undefined },
};

/** The HTTP answer to a failed remote-write request. Unknown AppErrors from the sink are retryable store failures. */
export function remoteWriteStatus(error: unknown): RemoteWriteStatus {
  if (!isAppError(error)) return { http: 500, retryAfterSeconds: undefined, outcome: undefined };
  const known = TABLE[error.code] ?? { http: 503, outcome: undefined };
  return { http: known.http, retryAfterSeconds: known.http >= 429 ? retryHint(error) : undefined, outcome: known.outcome };
}

function retryHint(error: AppError): number | undefined {
  return error.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterSeconds));
}

/** Fastify's own refusals (body over the limit, bad content length) as coded errors. */
export function frameworkError(error: { statusCode?: number; message: string }): AppError {
  if (error.statusCode === 413) return new AppError(ErrorCodes.REMOTE_WRITE_TOO_LARGE, 'request body is larger than the configured limit');
  if (error.statusCode === 415) return new AppError(ErrorCodes.REMOTE_WRITE_UNSUPPORTED, error.message);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(ErrorCodes.REMOTE_WRITE_INVALID, error.message);
  }
  return new AppError(ErrorCodes.INTERNAL, 'internal error', { cause: error });
}
