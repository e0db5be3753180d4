import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaticIngestKey } from './ingest-auth-config.ts';

/** Who sent an export: the key's name, and the environment its data is tagged with. */
export interface IngestIdentity {
  readonly name: string;
  readonly environment?: string;
}

/**
 * Checks an ingest key. Synchronous on purpose: it runs on every OTLP export, so implementations
 * answer from memory (the runtime-key verifier keeps a periodically refreshed map of key hashes).
 */
export interface IngestKeyVerifier {
  verify(token: string): IngestIdentity | undefined;
}

export function sha256(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

interface HashedKey {
  readonly hash: Buffer;
  readonly identity: IngestIdentity;
}

/**
 * The keys listed in the config file. Only their SHA-256 is kept; a token is compared with every
 * key in constant time per key (fixed-length digests), so timing reveals neither which key nor how
 * much of one matched.
 */
export class ConfigKeyVerifier implements IngestKeyVerifier {
  private readonly keys: readonly HashedKey[];

  constructor(keys: readonly StaticIngestKey[]) {
    this.keys = keys.map((key) => ({
      hash: sha256(key.key),
      identity: key.environment === undefined ? { name: key.name } : { name: key.name, environment: key.environment },
    }));
  }

  get size(): number {
    return this.keys.length;
  }

  verify(token: string): IngestIdentity | undefined {
    if (token === '') return undefined;
    const hash = sha256(token);
    let found: IngestIdentity | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.hash, hash) && found === undefined) found = key.identity;
    }
    return found;
  }
}

/** Asks each verifier in turn (config keys, then keys created through the API). */
export function anyOfVerifiers(verifiers: readonly IngestKeyVerifier[]): IngestKeyVerifier {
  return {
    verify(token) {
      for (const verifier of verifiers) {
        const identity = verifier.verify(token);
        if (identity !== undefined) return identity;
      }
      return undefined;
    },
  };
}
