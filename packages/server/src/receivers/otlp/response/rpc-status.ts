import { Writer } from 'protobufjs/minimal.js';

/**
 * google.rpc.Status { code = 1, message = 2, details = 3 (repeated google.protobuf.Any) }: the body
 * of OTLP/HTTP errors and the payload of gRPC `grpc-status-details-bin`. A retry hint travels as a
 * google.rpc.RetryInfo detail { retry_delay = 1 (google.protobuf.Duration { seconds = 1, nanos = 2 }) },
 * which OTLP exporters read to delay their retry.
 */

export const RETRY_INFO_TYPE_URL = 'type.googleapis.com/google.rpc.RetryInfo';

export interface RpcStatus {
  /** google.rpc.Code (the gRPC status code). */
  readonly code: number;
  readonly message: string;
  /** When set, a RetryInfo detail asks the client to wait this long before retrying. */
  readonly retryAfterSeconds?: number | undefined;
}

interface Delay {
  readonly seconds: number;
  readonly nanos: number;
}

function delayOf(retryAfterSeconds: number | undefined): Delay | undefined {
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) return undefined;
  const seconds = Math.floor(retryAfterSeconds);
  return { seconds, nanos: Math.round((retryAfterSeconds - seconds) * 1e9) };
}

function encodeRetryInfo(delay: Delay): Uint8Array {
  const writer = Writer.create();
  writer.uint32((1 << 3) | 2).fork(); // retry_delay
  if (delay.seconds !== 0) writer.uint32((1 << 3) | 0).int64(delay.seconds);
  if (delay.nanos !== 0) writer.uint32((2 << 3) | 0).int32(delay.nanos);
  writer.ldelim();
  return writer.finish();
}

/** The status as protobuf bytes. */
export function encodeRpcStatus(status: RpcStatus): Uint8Array {
  const writer = Writer.create();
  if (status.code !== 0) writer.uint32((1 << 3) | 0).int32(status.code);
  if (status.message !== '') writer.uint32((2 << 3) | 2).string(status.message);
  const delay = delayOf(status.retryAfterSeconds);
  if (delay !== undefined) {
    writer.uint32((3 << 3) | 2).fork(); // details: google.protobuf.Any
    writer.uint32((1 << 3) | 2).string(RETRY_INFO_TYPE_URL); // type_url
    writer.uint32((2 << 3) | 2).bytes(encodeRetryInfo(delay)); // value
    writer.ldelim();
  }
  return writer.finish();
}

/** Duration in the protobuf JSON mapping: seconds with up to 9 fractional digits and an "s" suffix. */
function durationJson(delay: Delay): string {
  if (delay.nanos === 0) return `${delay.seconds}s`;
  return `${delay.seconds}.${String(delay.nanos).padStart(9, '0').replace(/0+$/, '')}s`;
}

/** The status in the protobuf JSON mapping (Any details carry "@type" beside the message's fields). */
export function rpcStatusJson(status: RpcStatus): string {
  const delay = delayOf(status.retryAfterSeconds);
  const body: { code?: number; message?: string; details?: { '@type': string; retryDelay: string }[] } = {};
  if (status.code !== 0) body.code = status.code;
  if (status.message !== '') body.message = status.message;
  if (delay !== undefined) body.details = [{ '@type': RETRY_INFO_TYPE_URL, retryDelay: durationJson(delay) }];
  return JSON.stringify(body);
}
