import { AppError, ErrorCodes } from '../../../errors.ts';
import type { IngestAuthConfig } from './ingest-auth-config.ts';
import { credentialOf, type CredentialValue } from './ingest-credential.ts';
import { anyOfVerifiers, ConfigKeyVerifier, type IngestIdentity, type IngestKeyVerifier } from './ingest-key-verifier.ts';

/**
 * The key check in front of every OTLP export. With `required`, a request without a valid key is
 * refused (INGEST_UNAUTHENTICATED) before its body is decoded. Without it nothing is refused, but a
 * valid key still identifies the sender (and tags its data with the key's environment).
 */
export class IngestGate {
  readonly required: boolean;
  /** The lower-case header / gRPC metadata name the key travels in. */
  readonly header: string;

  constructor(
    config: Pick<IngestAuthConfig, 'required' | 'header'>,
    private readonly verifier: IngestKeyVerifier,
  ) {
    this.required = config.required;
    this.header = config.header;
  }

  /** Throws AppError INGEST_UNAUTHENTICATED when a key is required and the value holds no valid one. */
  check(value: CredentialValue): IngestIdentity | undefined {
    const token = credentialOf(this.header, value);
    const identity = token === '' ? undefined : this.verifier.verify(token);
    if (identity !== undefined || !this.required) return identity;
    const message =
      token === ''
        ? `an ingest key is required: send it in the "${this.header}" header${this.header === 'authorization' ? ' as "Bearer <key>"' : ''}`
        : `the ingest key in the "${this.header}" header is not valid`;
    throw new AppError(ErrorCodes.INGEST_UNAUTHENTICATED, message);
  }
}

/**
 * The gate for `otlp.auth`, or undefined when it has nothing to do (not required, no keys): then
 * the receivers behave exactly as without ingest keys. `runtimeKeys` checks keys created through
 * the API (after the config-file keys).
 */
export function ingestGateOf(config: IngestAuthConfig, runtimeKeys?: IngestKeyVerifier): IngestGate | undefined {
  if (!config.required && config.keys.length === 0 && runtimeKeys === undefined) return undefined;
  const fromConfig = new ConfigKeyVerifier(config.keys);
  return new IngestGate(config, runtimeKeys === undefined ? fromConfig : anyOfVerifiers([fromConfig, runtimeKeys]));
}
