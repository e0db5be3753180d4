/**
 * Appends values in ClickHouse RowBinary layout to a growing buffer. RowBinary goes to the engine
 * through a file, never inline (see shared/reference/chdb-notes.md: inline data splits on blank lines).
 */
export class RowBinaryWriter {
  private buffer: Buffer;
  private offset = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  get length(): number {
    return this.offset;
  }

  private ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  /** A copy of what was written, sized exactly. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.offset);
    out.set(this.buffer.subarray(0, this.offset));
    return out;
  }

  uint8(value: number): void {
    this.ensure(1);
    this.buffer[this.offset++] = value;
  }

  bool(value: boolean): void {
    this.uint8(value ? 1 : 0);
  }

  uint16(value: number): void {
    this.ensure(2);
    this.offset = this.buffer.writeUInt16LE(value, this.offset);
  }

  uint32(value: number): void {
    this.ensure(4);
    this.offset = this.buffer.writeUInt32LE(value >>> 0, this.offset);
  }

  int32(value: number): void {
    this.ensure(4);
    this.offset = this.buffer.writeInt32LE(value | 0, this.offset);
  }

  int64(value: bigint): void {
    this.ensure(8);
    this.offset = this.buffer.writeBigInt64LE(BigInt.asIntN(64, value), this.offset);
  }

  uint64(value: bigint): void {
    this.ensure(8);
    this.offset = this.buffer.writeBigUInt64LE(BigInt.asUintN(64, value), this.offset);
  }

  float64(value: number): void {
    this.ensure(8);
    this.offset = this.buffer.writeDoubleLE(value, this.offset);
  }

  varUInt(value: number): void {
    this.ensure(10);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.offset++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.offset++] = rest;
  }

  string(value: string): void {
    const length = value.length;
    if (length < 64) {
      // Short strings are the common case; copying ASCII by hand beats Buffer#write's call overhead.
      this.ensure(1 + length * 3);
      const buffer = this.buffer;
      const start = this.offset + 1;
      let index = 0;
      for (; index < length; index++) {
        const code = value.charCodeAt(index);
        if (code >= 0x80) break;
        buffer[start + index] = code;
      }
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so a string under 43 units fits a one-byte length.
      if (index === length || length < 43) {
        const written = index === length ? length : index + buffer.write(value.slice(index), start + index, 'utf8');
        buffer[this.offset] = written;
        this.offset = start + written;
        return;
      }
    }
    const bytes = Buffer.byteLength(value, 'utf8');
    this.varUInt(bytes);
    this.ensure(bytes);
    this.offset += this.buffer.write(value, this.offset, 'utf8');
  }

  bytes(value: Uint8Array): void {
    this.varUInt(value.length);
    this.raw(value);
  }

  /** A FixedString(n): the value, zero-padded (an empty value is n zero bytes). */
  fixedString(value: Uint8Array, size: number): void {
    this.ensure(size);
    const buffer = this.buffer;
    const offset = this.offset;
    const copied = Math.min(size, value.length);
    for (let index = 0; index < copied; index++) buffer[offset + index] = value[index] as number;
    for (let index = copied; index < size; index++) buffer[offset + index] = 0;
    this.offset = offset + size;
  }

  raw(value: Uint8Array): void {
    this.ensure(value.length);
    this.buffer.set(value, this.offset);
    this.offset += value.length;
  }

  nullableFloat64(value: number | undefined): void {
    if (value === undefined) {
      this.uint8(1);
      return;
    }
    this.uint8(0);
    this.float64(value);
  }
}
