import type { EncodedBatch, SignalName } from '../../signals/decoded.ts';

export type OtlpFormat = 'protobuf' | 'json';

/**
 * Turns an export request body into rows ready for the store. Injected into the receivers so
 * they stay free of storage details (the implementation runs on worker threads).
 */
export interface OtlpDecoder {
  decode(signal: SignalName, format: OtlpFormat, body: Uint8Array): Promise<EncodedBatch>;
}
