import { uncompress } from 'snappy';
import { AppError, ErrorCodes } from '../../../errors.ts';

/**
 * The uncompressed length a snappy block announces in its header (a little-endian base-128 varint
 * of at most 32 bits), or undefined when the header is malformed.
 */
export function snappyDeclaredLength(block: Uint8Array): number | undefined {
  let value = 0;
  for (let i = 0; i < 5; i += 1) {
    if (i >= block.byteLength) return undefined;
    const byte = block[i]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return i === 4 && byte > 0x0f ? undefined : value;
  }
  return undefined;
}

/**
 * Inflates a snappy block-format body (what remote write sends), refusing before any inflation when
 * its header announces more than `maxBytes`.
 */
export async function uncompressSnappyBlock(block: Uint8Array, maxBytes: number): Promise<Buffer> {
  const declared = snappyDeclaredLength(block);
  if (declared === undefined) {
    throw new AppError(ErrorCodes.REMOTE_WRITE_INVALID, 'body is not snappy block-format data (bad length header)');
  }
  if (declared > maxBytes) {
    throw new AppError(ErrorCodes.REMOTE_WRITE_TOO_LARGE, `body inflates to ${declared} bytes, more than the limit of ${maxBytes}`);
  }
  let out: string | Buffer;
  try {
    out = await uncompress(block, { asBuffer: true });
  } catch (error) {
    throw new AppError(ErrorCodes.REMOTE_WRITE_INVALID, `body is not valid snappy block-format data: ${(error as Error).message}`);
  }
  if (typeof out === 'string' || out.byteLength !== declared) {
    throw new AppError(ErrorCodes.REMOTE_WRITE_INVALID, 'body is not valid snappy block-format data (length mismatch)');
  }
  return out;
}
