import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard) and kept as a self-describing string
 * `scrypt$N$r$p$<salt base64url>$<hash base64url>`, so the parameters can be raised later and old
 * hashes still verify (`needsRehash` tells when to re-hash after a successful login).
 */

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export interface EncodedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

/** 2^15 × 8 × 128 bytes = 32 MiB per hash. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const PREFIX = 'scrypt';
/** Upper bounds on decoded parameters, so a tampered hash cannot make verification exhaust memory or time. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function memoryOf(params: ScryptParams): number {
  return 128 * params.N * params.r * params.p + 1024 * 1024;
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 2 * memoryOf(params) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

export function encodeHash(encoded: EncodedHash): string {
  const { N, r, p } = encoded.params;
  return [PREFIX, N, r, p, encoded.salt.toString('base64url'), encoded.hash.toString('base64url')].join('$');
}

const isPowerOfTwo = (value: number): boolean => Number.isInteger(value) && value > 1 && (value & (value - 1)) === 0;

/** The parts of an encoded hash, or undefined when it is not one this code can verify. */
export function decodeHash(text: string): EncodedHash | undefined {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return undefined;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : Number.NaN)) as [number, number, number];
  if (!isPowerOfTwo(N) || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const hash = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || hash.length < 16) return undefined;
  return { params: { N, r, p }, salt, hash };
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params, HASH_BYTES);
  return encodeHash({ params, salt, hash });
}

/** Whether the password matches; false (never an exception) for a malformed hash. Compares in constant time. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const decoded = decodeHash(encoded);
  if (decoded === undefined) return false;
  const candidate = await derive(password, decoded.salt, decoded.params, decoded.hash.length);
  return timingSafeEqual(candidate, decoded.hash);
}

/** True when a hash was made with other parameters than the current ones. */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const decoded = decodeHash(encoded);
  return decoded === undefined || decoded.params.N !== params.N || decoded.params.r !== params.r || decoded.params.p !== params.p;
}
