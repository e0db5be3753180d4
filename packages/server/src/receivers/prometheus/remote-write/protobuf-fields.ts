import { isUtf8 } from 'node:buffer';
import { AppError, ErrorCodes, isAppError } from '../../../errors.ts';
import { WireType, type WireReader } from '../../otlp/decode/wire-reader.ts';

/** A bit mask of a message's field numbers (all below 32), for WireReader.skipUnknown. */
export function fields(...numbers: number[]): number {
  return numbers.reduce((mask, n) => mask | (1 << n), 0);
}

export function invalidRequest(message: string): AppError {
  return new AppError(ErrorCodes.REMOTE_WRITE_INVALID, `invalid remote-write request: ${message}`);
}

const OTLP_PREFIX = 'invalid OTLP protobuf: ';

/** The shared wire reader reports OTLP errors; a remote-write sender should read about its own message. */
export function asRemoteWriteError(error: unknown): unknown {
  if (!isAppError(error) || error.code !== ErrorCodes.OTLP_DECODE_FAILED) return error;
  const detail = error.message.startsWith(OTLP_PREFIX) ? error.message.slice(OTLP_PREFIX.length) : error.message;
  return new AppError(ErrorCodes.REMOTE_WRITE_INVALID, `invalid remote-write protobuf: ${detail.replace('which OTLP never uses', 'which remote write never uses')}`);
}

/** A string field that must be valid UTF-8 (Prometheus refuses label names and values that are not). */
export function utf8(r: WireReader, what: string): string {
  const bytes = r.bytes();
  if (bytes.byteLength === 0) return '';
  if (!isUtf8(bytes)) throw invalidRequest(`${what} is not valid UTF-8`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** zigzag-decoded sint64. */
export function sint64(r: WireReader): bigint {
  const n = r.uint64();
  return (n >> 1n) ^ -(n & 1n);
}

/** A repeated scalar field, packed (one LEN field) or not (one field per value). */
export function readRepeated<T>(r: WireReader, tag: number, out: T[], read: (r: WireReader) => T): void {
  if ((tag & 7) !== WireType.LEN) {
    out.push(read(r));
    return;
  }
  const outer = r.enter();
  while (r.pos < r.limit) out.push(read(r));
  r.leave(outer);
}
