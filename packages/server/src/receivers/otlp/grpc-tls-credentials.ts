import { experimental, type ServerCredentials } from '@grpc/grpc-js';
import type { TlsMaterial } from '../../config/tls-material.ts';

type CaListener = experimental.CaCertificateUpdateListener;
type IdentityListener = experimental.IdentityCertificateUpdateListener;

/**
 * A grpc-js certificate provider fed by us: `update` hands new PEM material to the listening server,
 * which applies it with setSecureContext to new connections (open ones keep theirs). grpc-js stops
 * accepting connections when it cannot apply an update, so callers pass only material that
 * readTlsMaterial has checked.
 */
class PushedCertificateProvider implements experimental.CertificateProvider {
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();

  constructor(private material: TlsMaterial) {}

  update(material: TlsMaterial): void {
    this.material = material;
    for (const listener of this.caListeners) listener(this.caUpdate());
    for (const listener of this.identityListeners) listener(this.identityUpdate());
  }

  /**
   * The first update of a new listener comes a tick later: grpc-js registers with the provider before
   * it registers the server's watcher, so an update delivered synchronously would never reach the server.
   */
  private deliverLater(deliver: () => void): void {
    queueMicrotask(deliver);
  }

  private caUpdate(): experimental.CaCertificateUpdate | null {
    return this.material.ca === undefined ? null : { caCertificate: this.material.ca };
  }

  private identityUpdate(): experimental.IdentityCertificateUpdate {
    return { certificate: this.material.cert, privateKey: this.material.key };
  }

  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    this.deliverLater(() => this.caListeners.has(listener) && listener(this.caUpdate()));
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    this.deliverLater(() => this.identityListeners.has(listener) && listener(this.identityUpdate()));
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }
}

export interface ReloadableServerCredentials {
  readonly credentials: ServerCredentials;
  /** New certificate, key and CA for connections accepted from now on. */
  update(material: TlsMaterial): void;
}

/**
 * TLS server credentials whose certificates can be replaced while the server listens (grpc-js's
 * experimental certificate-provider credentials). One provider serves both roles, so the call does not
 * depend on the order of the two provider parameters (named CA-first, used identity-first in 1.14).
 * Without a client CA the CA provider is null: no client certificate is requested.
 */
export function reloadableServerCredentials(material: TlsMaterial): ReloadableServerCredentials {
  const provider = new PushedCertificateProvider(material);
  const clientCa = material.ca === undefined ? null : provider;
  // grpc-js 1.14 builds the credentials as (identity, ca): with a null CA the identity provider goes first.
  const credentials = experimental.createCertificateProviderServerCredentials(provider, clientCa, material.requireClientCert);
  return { credentials, update: (next) => provider.update(next) };
}
