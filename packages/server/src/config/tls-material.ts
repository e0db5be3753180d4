import { readFileSync } from 'node:fs';
import type { Server as NetServer } from 'node:net';
import { createSecureContext, Server as TlsServer, type SecureContextOptions } from 'node:tls';
import { AppError, ErrorCodes } from '../errors.ts';
import type { TlsConfig } from './tls-config.ts';

/** The oldest protocol any listener accepts. */
export const TLS_MIN_VERSION = 'TLSv1.2';

/** The PEM contents of one listener's TLS files, checked to form a usable context. */
export interface TlsMaterial {
  readonly cert: Buffer;
  readonly key: Buffer;
  /** CA bundle for client certificates (OTLP mTLS). */
  readonly ca?: Buffer;
  readonly requireClientCert: boolean;
}

function readPem(section: string, field: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `${section}.${field}: cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The context options of a material: what https servers take at creation and in setSecureContext. */
export function secureContextOptions(material: TlsMaterial): SecureContextOptions {
  return { cert: material.cert, key: material.key, ...(material.ca === undefined ? {} : { ca: material.ca }), minVersion: TLS_MIN_VERSION };
}

/**
 * Reads the files of a TLS section (`section` is its config path, e.g. `otlp.grpc.tls`) and checks that
 * they parse and that the key matches the certificate, so a bad file is refused here instead of
 * breaking a listener. Throws CONFIG_INVALID naming the file.
 */
export function readTlsMaterial(section: string, config: TlsConfig): TlsMaterial {
  const material: TlsMaterial = {
    cert: readPem(section, 'certFile', config.certFile),
    key: readPem(section, 'keyFile', config.keyFile),
    ...(config.clientCaFile === undefined || config.clientCaFile === '' ? {} : { ca: readPem(section, 'clientCaFile', config.clientCaFile) }),
    requireClientCert: config.requireClientCert ?? false,
  };
  try {
    createSecureContext(secureContextOptions(material));
  } catch (error) {
    const files = [config.certFile, config.keyFile, ...(material.ca === undefined ? [] : [config.clientCaFile])].join(', ');
    throw new AppError(ErrorCodes.CONFIG_INVALID, `${section}: the certificate, key or CA files (${files}) are not usable: ${(error as Error).message}`);
  }
  return material;
}

/** Options of an https server (node:https, fastify `https`) for a material. */
export function httpsServerOptions(material: TlsMaterial): SecureContextOptions & { requestCert: boolean; rejectUnauthorized: boolean } {
  return { ...secureContextOptions(material), requestCert: material.ca !== undefined, rejectUnauthorized: material.requireClientCert };
}

/** Applies new material to a listening https server: new connections get it, open ones keep theirs. */
export function reloadHttpsServer(server: NetServer, material: TlsMaterial): void {
  if (!(server instanceof TlsServer)) throw new Error('the listener was started without TLS');
  server.setSecureContext(secureContextOptions(material));
}
