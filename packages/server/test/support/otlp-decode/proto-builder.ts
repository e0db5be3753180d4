/**
 * Test support: hand-built protobuf messages on protobufjs' Writer, for what the OTel JS SDK never
 * emits (summaries, unpacked repeated fields, unknown fields, malformed ids, broken framing).
 */
import { Writer } from 'protobufjs/minimal.js';

export type Build = (w: Writer) => void;

export const VARINT = 0;
export const I64 = 1;
export const LEN = 2;
export const I32 = 5;

export function message(...parts: Build[]): Uint8Array {
  const w = Writer.create();
  for (const part of parts) part(w);
  return new Uint8Array(w.finish());
}

export function tag(field: number, wireType: number): Build {
  return (w) => void w.uint32((field << 3) | wireType);
}

export function sub(field: number, ...parts: Build[]): Build {
  return (w) => {
    w.uint32((field << 3) | LEN).fork();
    for (const part of parts) part(w);
    w.ldelim();
  };
}

export function str(field: number, value: string): Build {
  return (w) => void w.uint32((field << 3) | LEN).string(value);
}

export function bytes(field: number, value: Uint8Array): Build {
  return (w) => void w.uint32((field << 3) | LEN).bytes(value);
}

export function varint(field: number, value: number): Build {
  return (w) => void w.uint32((field << 3) | VARINT).int64(value);
}

/** The varint bytes of a 64-bit value (two's complement for negatives: 10 bytes). */
export function varintBytes(value: bigint): Uint8Array {
  const out: number[] = [];
  let v = BigInt.asUintN(64, value);
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return new Uint8Array(out);
}

export function varint64(field: number, value: bigint): Build {
  return (w) => void w.uint32((field << 3) | VARINT).raw(varintBytes(value));
}

export function sint32(field: number, value: number): Build {
  return (w) => void w.uint32((field << 3) | VARINT).sint32(value);
}

export function fixed32(field: number, value: number): Build {
  return (w) => void w.uint32((field << 3) | I32).fixed32(value);
}

/** Raw little-endian 8 bytes of an unsigned or signed 64-bit value. */
function le64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, value), true);
  return out;
}

export function fixed64(field: number, value: bigint): Build {
  return (w) => void w.uint32((field << 3) | I64).raw(le64(value));
}

export function double(field: number, value: number): Build {
  return (w) => void w.uint32((field << 3) | I64).double(value);
}

/** A packed repeated fixed64 field. */
export function packedFixed64(field: number, values: readonly bigint[]): Build {
  return (w) => {
    w.uint32((field << 3) | LEN).fork();
    for (const v of values) w.raw(le64(v));
    w.ldelim();
  };
}

export function packedDouble(field: number, values: readonly number[]): Build {
  return (w) => {
    w.uint32((field << 3) | LEN).fork();
    for (const v of values) w.double(v);
    w.ldelim();
  };
}

export function packedVarint(field: number, values: readonly number[]): Build {
  return (w) => {
    w.uint32((field << 3) | LEN).fork();
    for (const v of values) w.uint64(v);
    w.ldelim();
  };
}

/** Raw bytes appended as they are (for broken framing). */
export function raw(value: Uint8Array | readonly number[]): Build {
  return (w) => void w.raw(value instanceof Uint8Array ? value : new Uint8Array(value));
}

/** One unknown field of each wire type that OTLP parsers must skip: varint, fixed64, bytes, fixed32. */
export function unknownFields(firstField: number): Build {
  return (w) => {
    w.uint32((firstField << 3) | VARINT).uint64(Number.MAX_SAFE_INTEGER);
    w.uint32(((firstField + 1) << 3) | I64).double(1.5);
    w.uint32(((firstField + 2) << 3) | LEN).bytes(new Uint8Array([8, 1, 18, 0]));
    w.uint32(((firstField + 3) << 3) | I32).fixed32(7);
  };
}

// Common OTLP messages.
export const kv = (field: number, key: string, ...value: Build[]): Build => sub(field, str(1, key), sub(2, ...value));
export const strValue = (s: string): Build => str(1, s);
export const intValue = (n: bigint): Build => varint64(3, n);
