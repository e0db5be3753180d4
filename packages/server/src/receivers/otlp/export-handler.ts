import { AppError, ErrorCodes, isAppError } from '../../errors.ts';
import type { IngestMetrics, IngestProtocol, RequestOutcome } from '../../pipeline/ingest-metrics.ts';
import type { IngestSink } from '../../pipeline/sink.ts';
import type { SignalName } from '../../signals/decoded.ts';
import type { CredentialValue } from './ingest-auth/ingest-credential.ts';
import type { IngestGate } from './ingest-auth/ingest-gate.ts';
import type { IngestIdentity } from './ingest-auth/ingest-key-verifier.ts';
import type { OtlpDecoder, OtlpFormat } from './otlp-decoder.ts';

export interface ExportDeps {
  readonly sink: IngestSink;
  readonly decoder: OtlpDecoder;
  readonly metrics: IngestMetrics;
  /** Ingest-key check (otlp.auth); absent: every export is accepted untagged. */
  readonly gate?: IngestGate;
}

export interface ExportOutcome {
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectionMessage: string;
}

function outcomeOf(error: AppError): RequestOutcome {
  switch (error.code) {
    case ErrorCodes.INGEST_OVERLOADED:
    case ErrorCodes.INGEST_SHUTTING_DOWN:
      return 'overloaded';
    case ErrorCodes.OTLP_DECODE_FAILED:
      return 'malformed';
    case ErrorCodes.OTLP_PAYLOAD_TOO_LARGE:
      return 'too_large';
    case ErrorCodes.OTLP_UNSUPPORTED_MEDIA_TYPE:
      return 'unsupported';
    case ErrorCodes.INGEST_UNAUTHENTICATED:
      return 'unauthenticated';
    default:
      return 'store_failed';
  }
}

/** Counts a request that failed before reaching `exportRequest` (size, media type, compression). */
export function countFailure(deps: ExportDeps, signal: SignalName, protocol: IngestProtocol, error: AppError): void {
  deps.metrics.countRequest(signal, protocol, outcomeOf(error));
}

/**
 * The ingest-key check, before anything else of the request is read. `credential` is the value of
 * the configured header (HTTP) or metadata key (gRPC). Throws AppError INGEST_UNAUTHENTICATED
 * (counted as `unauthenticated`) when a key is required and missing or wrong.
 */
export function authenticateExport(deps: ExportDeps, signal: SignalName, protocol: IngestProtocol, credential: CredentialValue): IngestIdentity | undefined {
  if (deps.gate === undefined) return undefined;
  try {
    return deps.gate.check(credential);
  } catch (error) {
    if (isAppError(error)) countFailure(deps, signal, protocol, error);
    throw error;
  }
}

/**
 * The transport-independent part of an OTLP export: reserve room, decode, store, and answer only
 * once the rows are committed. Throws AppError; the transport maps it to its status codes.
 */
export async function exportRequest(
  deps: ExportDeps,
  signal: SignalName,
  protocol: IngestProtocol,
  format: OtlpFormat,
  body: Uint8Array,
  identity?: IngestIdentity,
): Promise<ExportOutcome> {
  try {
    const admission = deps.sink.admit(body.byteLength);
    let batch;
    try {
      batch = await (identity?.environment === undefined
        ? deps.decoder.decode(signal, format, body)
        : deps.decoder.decode(signal, format, body, { environment: identity.environment }));
    } catch (error) {
      admission.release();
      throw error;
    }
    await admission.commit(batch);
    deps.metrics.countRequest(signal, protocol, batch.rejected > 0 ? 'partial' : 'accepted', batch.items, batch.rejected);
    return { accepted: batch.items, rejected: batch.rejected, rejectionMessage: batch.rejectionMessage };
  } catch (error) {
    const appError = isAppError(error) ? error : new AppError(ErrorCodes.INTERNAL, 'internal error while storing telemetry', { cause: error, retryAfterSeconds: 1 });
    countFailure(deps, signal, protocol, appError);
    throw appError;
  }
}
