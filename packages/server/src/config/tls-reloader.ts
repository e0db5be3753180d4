import { X509Certificate } from 'node:crypto';
import type { TlsConfig } from './tls-config.ts';
import { readTlsMaterial, type TlsMaterial } from './tls-material.ts';

/** A TLS listener whose certificate files can be re-read while it serves. */
export interface TlsListener {
  /** Name in logs, e.g. `otlp.grpc`. */
  readonly name: string;
  /** Config path of its TLS section, e.g. `otlp.grpc.tls`. */
  readonly section: string;
  readonly config: TlsConfig;
  /** Serves `material` to new connections; throws when it cannot. */
  apply(material: TlsMaterial): void;
}

export interface TlsReloadOutcome {
  readonly reloaded: readonly { readonly listener: string; readonly serialNumber: string; readonly validTo: string }[];
  readonly failed: readonly { readonly listener: string; readonly message: string }[];
}

export type TlsReloadLog = (level: 'info' | 'error', message: string, fields: Record<string, unknown>) => void;

/**
 * Re-reads every listener's files and applies the ones that form a usable certificate. A listener
 * whose new files are missing or broken keeps serving its previous certificate; the error is logged.
 */
export function reloadTlsListeners(listeners: readonly TlsListener[], log: TlsReloadLog): TlsReloadOutcome {
  const reloaded: TlsReloadOutcome['reloaded'][number][] = [];
  const failed: TlsReloadOutcome['failed'][number][] = [];
  for (const listener of listeners) {
    try {
      const material = readTlsMaterial(listener.section, listener.config);
      const leaf = new X509Certificate(material.cert);
      listener.apply(material);
      reloaded.push({ listener: listener.name, serialNumber: leaf.serialNumber, validTo: leaf.validTo });
      log('info', `tls: ${listener.name} serves the certificate re-read from ${listener.config.certFile}`, { listener: listener.name, serialNumber: leaf.serialNumber, validTo: leaf.validTo });
    } catch (error) {
      const message = (error as Error).message;
      failed.push({ listener: listener.name, message });
      log('error', `tls: ${listener.name} keeps its previous certificate; the new files were refused: ${message}`, { listener: listener.name, error });
    }
  }
  return { reloaded, failed };
}
