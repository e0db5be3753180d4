/**
 * A throwaway certificate authority for TLS tests, made with the `openssl` CLI (node:crypto cannot
 * issue X.509 certificates): a CA, server certificates for 127.0.0.1/localhost and client certificates.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface IssuedCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: Buffer;
  readonly key: Buffer;
  /** As Node reports it (uppercase hex), e.g. in `getPeerCertificate().serialNumber`. */
  readonly serialNumber: string;
}

export interface TestCa extends IssuedCertificate {
  /** A server certificate (SAN IP:127.0.0.1, DNS:localhost) with a fresh random serial. */
  issueServer(name: string): IssuedCertificate;
  /** A client certificate (extended key usage clientAuth). */
  issueClient(name: string): IssuedCertificate;
}

function openssl(args: readonly string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A positive 64-bit serial in hex (top bit clear, never zero). */
function randomSerial(): string {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}

function requestConfig(dir: string, name: string, commonName: string, extensions: string): string {
  const file = path.join(dir, `${name}.cnf`);
  writeFileSync(
    file,
    ['[req]', 'distinguished_name = dn', 'prompt = no', 'x509_extensions = ext', '[dn]', `CN = ${commonName}`, '[ext]', extensions].join('\n') + '\n',
  );
  return file;
}

function issued(certFile: string, keyFile: string): IssuedCertificate {
  const cert = readFileSync(certFile);
  return { certFile, keyFile, cert, key: readFileSync(keyFile), serialNumber: new X509Certificate(cert).serialNumber };
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Creates a CA in `dir`; everything it issues is written there too. */
export function createTestCa(dir: string): TestCa {
  const caConfig = requestConfig(dir, 'ca', 'Sightline Test CA', 'basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash');
  const caCert = path.join(dir, 'ca.crt');
  const caKey = path.join(dir, 'ca.key');
  openssl(['req', '-x509', ...EC_KEY, '-config', caConfig, '-keyout', caKey, '-out', caCert, '-days', '2', '-set_serial', `0x${randomSerial()}`]);

  const issue = (name: string, commonName: string, extensions: string): IssuedCertificate => {
    const config = requestConfig(dir, name, commonName, extensions);
    const csr = path.join(dir, `${name}.csr`);
    const certFile = path.join(dir, `${name}.crt`);
    const keyFile = path.join(dir, `${name}.key`);
    openssl(['req', '-new', ...EC_KEY, '-config', config, '-keyout', keyFile, '-out', csr]);
    openssl(['x509', '-req', '-in', csr, '-CA', caCert, '-CAkey', caKey, '-set_serial', `0x${randomSerial()}`, '-days', '2', '-extfile', config, '-extensions', 'ext', '-out', certFile]);
    return issued(certFile, keyFile);
  };
  return {
    ...issued(caCert, caKey),
    issueServer: (name) =>
      issue(name, 'localhost', 'basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = IP:127.0.0.1, DNS:localhost'),
    issueClient: (name) => issue(name, name, 'basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth'),
  };
}
