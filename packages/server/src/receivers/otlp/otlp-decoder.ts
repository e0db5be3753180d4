import type { EncodedBatch, SignalName } from '../../signals/decoded.ts';

export type OtlpFormat = 'protobuf' | 'json';

/**
 * Turns an export request body into rows ready for the store. Injected into the receivers so
 * they stay free of storage details (the implementation runs on worker threads).
 */
export interface OtlpDecoder {
  decode(signal: SignalName, format: OtlpFormat, body: Uint8Array, context?: DecodeContext): Promise<EncodedBatch>;
}

/** Per-request facts applied while decoding. */
export interface DecodeContext {
  /** The ingest key's environment: set as `deployment.environment.name` on resources that name none. */
  readonly environment?: string | undefined;
}
