import { AppError, ErrorCodes } from '../../../errors.ts';

/** Protobuf wire types (https://protobuf.dev/programming-guides/encoding/#structure). */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, SGROUP: 3, EGROUP: 4, I32: 5 } as const;

const TWO_POW_32 = 4294967296;
/** hi word limit under which hi * 2^32 + lo stays an exact JS number (< 2^53). */
const SAFE_HI = 0x200000;

export function decodeError(message: string): AppError {
  return new AppError(ErrorCodes.OTLP_DECODE_FAILED, `invalid OTLP protobuf: ${message}`);
}

/**
 * A cursor over one protobuf message, for the ingest hot path: no allocation per field, no
 * closures, every read checked against `limit` (the end of the message being read).
 * Nested messages narrow `limit` with enter() and restore it with leave().
 */
export class WireReader {
  /** The bytes, as a plain Uint8Array (sub-slices handed out are Uint8Array, never Buffer). */
  private readonly u8: Uint8Array;
  private readonly buf: Buffer;
  private readonly view: DataView;
  pos = 0;
  limit: number;
  /** The two 32-bit halves of the last varint read by readVarint(). */
  private lo = 0;
  private hi = 0;

  constructor(bytes: Uint8Array) {
    this.u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.limit = bytes.byteLength;
  }

  /** Reads a field tag: (field number << 3) | wire type. */
  tag(): number {
    const tag = this.uint32();
    if (tag >>> 3 === 0) throw decodeError(`invalid field number 0 at offset ${this.pos}`);
    return tag;
  }

  /** A varint as an unsigned 32-bit number (higher bits are dropped, as protobuf does for uint32). */
  uint32(): number {
    const pos = this.pos;
    if (pos < this.limit) {
      const b = this.u8[pos]!;
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
    }
    this.readVarint();
    return this.lo;
  }

  /** A varint as a signed 32-bit number (int32 and enums; negatives use 10 bytes on the wire). */
  int32(): number {
    return this.uint32() | 0;
  }

  bool(): boolean {
    this.readVarint();
    return (this.lo | this.hi) !== 0;
  }

  /** An unsigned varint as a number; exact below 2^53. */
  varint(): number {
    this.readVarint();
    return this.hi * TWO_POW_32 + this.lo;
  }

  /** int64 varint as a signed bigint. */
  int64(): bigint {
    this.readVarint();
    const hi = this.hi;
    if (hi < SAFE_HI) return BigInt(hi * TWO_POW_32 + this.lo);
    return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(this.lo));
  }

  /** uint64 varint as an unsigned bigint. */
  uint64(): bigint {
    this.readVarint();
    const hi = this.hi;
    if (hi < SAFE_HI) return BigInt(hi * TWO_POW_32 + this.lo);
    return (BigInt(hi) << 32n) | BigInt(this.lo);
  }

  /** sint32 (zigzag). */
  sint32(): number {
    const n = this.uint32();
    return (n >>> 1) ^ -(n & 1);
  }

  fixed32(): number {
    const pos = this.need(4);
    return this.view.getUint32(pos, true);
  }

  fixed64(): bigint {
    const pos = this.need(8);
    return this.view.getBigUint64(pos, true);
  }

  sfixed64(): bigint {
    const pos = this.need(8);
    return this.view.getBigInt64(pos, true);
  }

  double(): number {
    const pos = this.need(8);
    return this.view.getFloat64(pos, true);
  }

  /** A length-delimited field as a view into the input (no copy). */
  bytes(): Uint8Array {
    const len = this.length();
    const start = this.pos;
    this.pos = start + len;
    return this.u8.subarray(start, start + len);
  }

  /**
   * A length-delimited UTF-8 string, decoded natively by Buffer (measured faster than a JS loop
   * even for short ASCII keys). Malformed sequences become U+FFFD.
   */
  string(): string {
    const len = this.length();
    const start = this.pos;
    const end = start + len;
    this.pos = end;
    if (len === 0) return '';
    return this.buf.toString('utf8', start, end);
  }

  /**
   * Enters a length-delimited sub-message: reads its length and narrows `limit` to its end.
   * Returns the enclosing limit, to be given back to leave().
   */
  enter(): number {
    const len = this.length();
    const outer = this.limit;
    this.limit = this.pos + len;
    return outer;
  }

  /** Leaves the sub-message entered by enter(). */
  leave(outer: number): void {
    this.limit = outer;
  }

  /** Skips a field of any wire type. */
  skip(tag: number): void {
    switch (tag & 7) {
      case WireType.VARINT:
        this.readVarint();
        return;
      case WireType.I64:
        this.need(8);
        return;
      case WireType.LEN: {
        const len = this.length();
        this.pos += len;
        return;
      }
      case WireType.I32:
        this.need(4);
        return;
      case WireType.SGROUP:
      case WireType.EGROUP:
        throw decodeError(`field ${tag >>> 3} uses the group wire type ${tag & 7}, which OTLP never uses`);
      default:
        throw decodeError(`field ${tag >>> 3} has invalid wire type ${tag & 7} at offset ${this.pos}`);
    }
  }

  /**
   * Skips a field the caller does not handle. `known` is a bit mask of the message's field numbers
   * (all below 32): a known field reaching here came with the wrong wire type, which is an error.
   */
  skipUnknown(tag: number, known: number, message: string): void {
    const field = tag >>> 3;
    if (field < 32 && ((known >>> field) & 1) === 1) {
      throw decodeError(`${message} field ${field} has unexpected wire type ${tag & 7}`);
    }
    this.skip(tag);
  }

  /** Reads a length prefix and checks the bytes it announces are there. */
  private length(): number {
    let len: number;
    const pos = this.pos;
    if (pos < this.limit && this.u8[pos]! < 0x80) {
      len = this.u8[pos]!;
      this.pos = pos + 1;
    } else {
      this.readVarint();
      len = this.hi * TWO_POW_32 + this.lo;
    }
    if (len > this.limit - this.pos) {
      throw decodeError(`length ${len} at offset ${pos} runs past the end of its message (truncated input?)`);
    }
    return len;
  }

  /** Advances over n fixed bytes, returning where they start. */
  private need(n: number): number {
    const pos = this.pos;
    if (pos + n > this.limit) throw decodeError(`truncated input: need ${n} bytes at offset ${pos}`);
    this.pos = pos + n;
    return pos;
  }

  /** Reads a varint of up to 10 bytes into lo/hi. */
  private readVarint(): void {
    const b8 = this.u8;
    const limit = this.limit;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= limit) throw decodeError(`truncated varint at offset ${pos}`);
      b = b8[pos++]!;
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.finishVarint(pos, lo, 0);
        return;
      }
    }
    if (pos >= limit) throw decodeError(`truncated varint at offset ${pos}`);
    b = b8[pos++]!;
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >>> 4;
    if (b < 0x80) {
      this.finishVarint(pos, lo, hi);
      return;
    }
    for (let shift = 3; shift < 32; shift += 7) {
      if (pos >= limit) throw decodeError(`truncated varint at offset ${pos}`);
      b = b8[pos++]!;
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.finishVarint(pos, lo, hi);
        return;
      }
    }
    throw decodeError(`varint longer than 10 bytes at offset ${this.pos}`);
  }

  private finishVarint(pos: number, lo: number, hi: number): void {
    this.pos = pos;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }
}
