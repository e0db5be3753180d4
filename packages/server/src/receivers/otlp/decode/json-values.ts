import { AppError, ErrorCodes } from '../../../errors.ts';
import { EMPTY_BYTES } from './validate.ts';

/**
 * Scalar readers for OTLP/JSON (the protobuf JSON mapping with OTLP's exceptions): 64-bit integers
 * as decimal strings or numbers, doubles as numbers or "NaN"/"Infinity"/"-Infinity", trace and span
 * ids as hex, bytes as base64, null meaning "not set". Shape errors throw OTLP_DECODE_FAILED naming
 * the field (`where`, a constant string so the happy path builds no messages).
 */

export type JsonObject = Readonly<Record<string, unknown>>;

const UINT64_MAX = 0xffff_ffff_ffff_ffffn;
const INT64_MIN = -0x8000_0000_0000_0000n;
const INT64_MAX = 0x7fff_ffff_ffff_ffffn;
const UNSIGNED = /^\+?[0-9]+$/;
const SIGNED = /^[-+]?[0-9]+$/;

export function jsonError(message: string): AppError {
  return new AppError(ErrorCodes.OTLP_DECODE_FAILED, `invalid OTLP/JSON: ${message}`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

function shapeError(where: string, expected: string, value: unknown): AppError {
  return jsonError(`${where} must be ${expected}, got ${describe(value)}`);
}

/** A field under its lowerCamelCase name, else its original snake_case name; null reads as absent. */
export function field(o: JsonObject, camel: string, snake: string): unknown {
  const value = o[camel];
  if (value !== undefined && value !== null) return value;
  const other = o[snake];
  return other === null ? undefined : other;
}

export function asObject(value: unknown, where: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw shapeError(where, 'an object', value);
  return value as JsonObject;
}

const NOTHING: readonly unknown[] = Object.freeze([]);

export function asArray(value: unknown, where: string): readonly unknown[] {
  if (value === undefined || value === null) return NOTHING;
  if (!Array.isArray(value)) throw shapeError(where, 'an array', value);
  return value;
}

export function asString(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  throw shapeError(where, 'a string', value);
}

export function asBool(value: unknown, where: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return false;
  throw shapeError(where, 'a boolean', value);
}

/** uint32 (counts, flags): a number or decimal string. */
export function asUint32(value: unknown, where: string): number {
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'string' && UNSIGNED.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff) return n;
  throw shapeError(where, 'an unsigned 32-bit integer', value);
}

/** int32 (enum values given as numbers): a number or decimal string. */
export function asInt32(value: unknown, where: string): number {
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'string' && SIGNED.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= -0x8000_0000 && n <= 0x7fff_ffff) return n;
  throw shapeError(where, 'a 32-bit integer', value);
}

/** uint64 (timestamps, counts): a decimal string, or a number (exact only below 2^53). */
export function asUint64(value: unknown, where: string): bigint {
  if (typeof value === 'string' && UNSIGNED.test(value)) {
    const n = BigInt(value);
    if (n <= UINT64_MAX) return n;
  } else if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 64) {
    return BigInt(value);
  } else if (value === undefined || value === null) {
    return 0n;
  }
  throw shapeError(where, 'an unsigned 64-bit integer (decimal string or number)', value);
}

/** int64: a decimal string, or a number (exact only below 2^53). */
export function asInt64(value: unknown, where: string): bigint {
  if (typeof value === 'string' && SIGNED.test(value)) {
    const n = BigInt(value);
    if (n >= INT64_MIN && n <= INT64_MAX) return n;
  } else if (typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63) {
    return BigInt(value);
  } else if (value === undefined || value === null) {
    return 0n;
  }
  throw shapeError(where, 'a signed 64-bit integer (decimal string or number)', value);
}

/** double: a number, or "NaN", "Infinity", "-Infinity" or a numeric string. */
export function asDouble(value: unknown, where: string): number {
  if (typeof value === 'number') return value;
  if (value === undefined || value === null) return 0;
  if (typeof value === 'string') {
    if (value === 'NaN') return Number.NaN;
    if (value === 'Infinity') return Number.POSITIVE_INFINITY;
    if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
    const n = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isNaN(n)) return n;
  }
  throw shapeError(where, 'a number', value);
}

/** A double that may be absent (proto3 `optional double`). */
export function asOptionalDouble(value: unknown, where: string): number | undefined {
  return value === undefined || value === null ? undefined : asDouble(value, where);
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87; // a-f
  return -1;
}

/** A trace or span id: a hex string. Returns undefined when the string is not hex (an item problem, not a shape error). */
export function asHexId(value: unknown, where: string): Uint8Array | undefined {
  if (value === undefined || value === null || value === '') return EMPTY_BYTES;
  if (typeof value !== 'string') throw shapeError(where, 'a hex string', value);
  if (value.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(value.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const hi = hexDigit(value.charCodeAt(2 * i));
    const lo = hexDigit(value.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return undefined;
    bytes[i] = (hi << 4) | lo;
  }
  return bytes;
}

/** `bytes` fields other than ids: base64 (standard or URL-safe alphabet). */
export function asBase64(value: unknown, where: string): Uint8Array {
  if (value === undefined || value === null) return EMPTY_BYTES;
  if (typeof value !== 'string') throw shapeError(where, 'a base64 string', value);
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) throw shapeError(where, 'a base64 string', value);
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/**
 * An enum: its number, or its name with or without the prefix, in any case
 * (e.g. 2, "SPAN_KIND_SERVER", "server"). `names` lists the names by value, unprefixed.
 */
export function asEnum(value: unknown, prefix: string, names: readonly string[], where: string): number {
  if (typeof value !== 'string' || SIGNED.test(value)) return asInt32(value, where);
  const upper = value.toUpperCase();
  const index = names.indexOf(upper.startsWith(prefix) ? upper.slice(prefix.length) : upper);
  if (index < 0) throw shapeError(where, `a ${prefix.slice(0, -1)} value`, value);
  return index;
}
