import { status as GrpcStatus } from '@grpc/grpc-js';
import { ErrorCodes, type AppError } from '../../errors.ts';

/** google.rpc.Code values, which OTLP uses in error bodies over both transports. */
export const RpcCode = {
  INVALID_ARGUMENT: GrpcStatus.INVALID_ARGUMENT,
  RESOURCE_EXHAUSTED: GrpcStatus.RESOURCE_EXHAUSTED,
  UNAVAILABLE: GrpcStatus.UNAVAILABLE,
  INTERNAL: GrpcStatus.INTERNAL,
  UNIMPLEMENTED: GrpcStatus.UNIMPLEMENTED,
} as const;

export interface TransportStatus {
  readonly http: number;
  readonly grpc: GrpcStatus;
  /** Whether the sender should retry (then a retry hint is sent). */
  readonly retryable: boolean;
}

const TABLE: Readonly<Record<string, TransportStatus>> = {
  [ErrorCodes.OTLP_DECODE_FAILED]: { http: 400, grpc: GrpcStatus.INVALID_ARGUMENT, retryable: false },
  [ErrorCodes.OTLP_PAYLOAD_TOO_LARGE]: { http: 413, grpc: GrpcStatus.RESOURCE_EXHAUSTED, retryable: false },
  [ErrorCodes.OTLP_UNSUPPORTED_MEDIA_TYPE]: { http: 415, grpc: GrpcStatus.UNIMPLEMENTED, retryable: false },
  // Not retryable: OTLP exporters retry only 429/502/503/504 and the transient gRPC codes.
  [ErrorCodes.INGEST_UNAUTHENTICATED]: { http: 401, grpc: GrpcStatus.UNAUTHENTICATED, retryable: false },
  [ErrorCodes.INGEST_OVERLOADED]: { http: 429, grpc: GrpcStatus.RESOURCE_EXHAUSTED, retryable: true },
  [ErrorCodes.INGEST_SHUTTING_DOWN]: { http: 503, grpc: GrpcStatus.UNAVAILABLE, retryable: true },
  [ErrorCodes.INGEST_STORE_FAILED]: { http: 503, grpc: GrpcStatus.UNAVAILABLE, retryable: true },
  [ErrorCodes.INGEST_DISK_FULL]: { http: 503, grpc: GrpcStatus.UNAVAILABLE, retryable: true },
};

/** How an ingest failure is reported on each transport (one table for both, per the OTLP spec). */
export function transportStatus(error: AppError): TransportStatus {
  const known = TABLE[error.code];
  if (known !== undefined) return known;
  return error.retryAfterSeconds !== undefined
    ? { http: 503, grpc: GrpcStatus.UNAVAILABLE, retryable: true }
    : { http: 500, grpc: GrpcStatus.INTERNAL, retryable: false };
}
