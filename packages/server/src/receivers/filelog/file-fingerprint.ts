import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/** Bytes at the start of a file that identify it besides its inode (as OpenTelemetry's filelog receiver does). */
export const FINGERPRINT_BYTES = 1024;

/** A hash of a file's first `bytes` bytes; `bytes` grows with the file up to FINGERPRINT_BYTES. */
export interface Fingerprint {
  readonly bytes: number;
  readonly hash: string;
}

function hashOf(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function formatFingerprint(fingerprint: Fingerprint): string {
  return `${fingerprint.bytes}:${fingerprint.hash}`;
}

export function parseFingerprint(text: string): Fingerprint | undefined {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
  if (match === null) return undefined;
  return { bytes: Number(match[1]), hash: match[2] as string };
}

/** The first bytes of an open file (fewer when it is shorter). */
export async function readHead(handle: FileHandle): Promise<Uint8Array> {
  const buffer = Buffer.alloc(FINGERPRINT_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, FINGERPRINT_BYTES, 0);
  return buffer.subarray(0, bytesRead);
}

export function fingerprintOf(head: Uint8Array): Fingerprint {
  return { bytes: head.length, hash: hashOf(head) };
}

/** Whether a file whose first bytes are `head` is the file that had `known` (its start unchanged). */
export function sameStart(known: Fingerprint, head: Uint8Array): boolean {
  if (head.length < known.bytes) return false;
  return hashOf(head.subarray(0, known.bytes)) === known.hash;
}
