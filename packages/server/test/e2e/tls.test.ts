/**
 * TLS on the three listeners, with real certificates (openssl) and real clients: the API over HTTPS,
 * the OpenTelemetry OTLP/HTTP and OTLP/gRPC exporters over TLS, client certificates (mTLS), and
 * certificate rotation on SIGHUP, including a broken certificate that must not take a listener down.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { serverInfoResponseSchema, traceResponseSchema } from '@sightline/contract';
import { eventually } from '../support/eventually.ts';
import { exportSpans, isSuccess, makeTrace, traceIdOf } from '../support/otel-spans.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createTestCa, type IssuedCertificate, type TestCa } from '../support/test-ca.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/sightline.mjs');

interface ClientIdentity {
  readonly cert: Buffer;
  readonly key: Buffer;
}

function httpsGet(port: number, urlPath: string, ca: Buffer): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = https.get({ host: '127.0.0.1', port, path: urlPath, ca, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    request.on('error', reject);
  });
}

/** The serial number of the certificate a new TLS connection to `port` is served. */
function servedSerial(port: number, ca: Buffer, client?: ClientIdentity, alpn?: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca, ...client, ...(alpn === undefined ? {} : { ALPNProtocols: alpn }) }, () => {
      const serial = socket.getPeerCertificate().serialNumber;
      socket.end();
      resolve(serial);
    });
    socket.on('error', reject);
  });
}

async function storedSpanCount(apiPort: number, ca: Buffer, traceId: string): Promise<number | undefined> {
  const { status, body } = await httpsGet(apiPort, `/api/v1/traces/${traceId}`, ca);
  if (status === 404) return undefined;
  assert.equal(status, 200, JSON.stringify(body));
  return traceResponseSchema.parse(body).spanCount;
}

/** Exports one 3-span trace; resolves with whether the exporter succeeded and the trace id. */
async function exportTrace(exporter: SpanExporter, service: string): Promise<{ ok: boolean; traceId: string }> {
  const spans = makeTrace(service, 3);
  try {
    return { ok: isSuccess(await exportSpans(exporter, spans)), traceId: traceIdOf(spans) };
  } finally {
    await exporter.shutdown();
  }
}

/** Exports expected to be refused give up sooner (the exporters retry failed connections until their timeout). */
const timeoutOf = (expectRefusal: boolean): number => (expectRefusal ? 2_000 : 15_000);

const httpExporter = (port: number, ca: Buffer | undefined, client?: ClientIdentity, expectRefusal = false): SpanExporter =>
  new ProtoTraceExporter({
    url: `https://127.0.0.1:${port}/v1/traces`,
    httpAgentOptions: { ...(ca === undefined ? {} : { ca }), ...client },
    timeoutMillis: timeoutOf(expectRefusal),
  });

const grpcExporter = (port: number, channel: ChannelCredentials, expectRefusal = false): SpanExporter =>
  new GrpcTraceExporter({ url: `https://127.0.0.1:${port}`, credentials: channel, timeoutMillis: timeoutOf(expectRefusal) });

function tlsArgs(section: string, cert: IssuedCertificate, clientCa?: string): string[] {
  const set = (key: string, value: string): string[] => ['--set', `${section}.tls.${key}=${value}`];
  return [
    ...set('enabled', 'true'),
    ...set('certFile', cert.certFile),
    ...set('keyFile', cert.keyFile),
    ...(clientCa === undefined ? [] : [...set('clientCaFile', clientCa), ...set('requireClientCert', 'true')]),
  ];
}

describe('TLS on the API and both OTLP receivers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-tls-'));
  let ca: TestCa;
  let server: ServerProcess;
  let serverCert: IssuedCertificate;

  before(async () => {
    ca = createTestCa(dir);
    serverCert = ca.issueServer('server');
    server = await startServerProcess(path.join(dir, 'data'), [
      ...tlsArgs('api', serverCert),
      ...tlsArgs('otlp.http', serverCert),
      ...tlsArgs('otlp.grpc', serverCert),
    ]);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('announces the API as https and answers /healthz and /api/v1 over HTTPS with the configured certificate', async () => {
    assert.match(server.output(), /UI and API on https:\/\/localhost:\d+/);
    assert.equal(await servedSerial(server.ports.api, ca.cert), serverCert.serialNumber);
    const health = await httpsGet(server.ports.api, '/healthz', ca.cert);
    assert.deepEqual(health, { status: 200, body: { status: 'ok' } });
    const info = await httpsGet(server.ports.api, '/api/v1/server-info', ca.cert);
    assert.equal(info.status, 200);
    assert.equal(serverInfoResponseSchema.parse(info.body).otlpHttpPort, server.ports.http);
    await assert.rejects(fetch(`http://127.0.0.1:${server.ports.api}/healthz`), 'plain HTTP is not served on a TLS port');
  });

  it('stores spans sent by the OTLP/HTTP exporter over HTTPS, and the exporter refuses an untrusted certificate', async () => {
    const untrusted = await exportTrace(httpExporter(server.ports.http, undefined, undefined, true), 'tls-http-untrusted');
    assert.equal(untrusted.ok, false, 'the exporter must not trust a certificate of an unknown CA');
    const sent = await exportTrace(httpExporter(server.ports.http, ca.cert), 'tls-http');
    assert.ok(sent.ok, 'OTLP/HTTPS export failed');
    assert.equal(await eventually('the HTTPS-exported trace', () => storedSpanCount(server.ports.api, ca.cert, sent.traceId)), 3);
  });

  it('stores spans sent by the OTLP/gRPC exporter over TLS', async () => {
    const sent = await exportTrace(grpcExporter(server.ports.grpc, credentials.createSsl(ca.cert)), 'tls-grpc');
    assert.ok(sent.ok, 'OTLP/gRPC export over TLS failed');
    assert.equal(await eventually('the gRPC-exported trace', () => storedSpanCount(server.ports.api, ca.cert, sent.traceId)), 3);
    assert.equal(await servedSerial(server.ports.grpc, ca.cert, undefined, ['h2']), serverCert.serialNumber);
  });
});

describe('client certificates (mTLS) and certificate reload on SIGHUP', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-mtls-'));
  const live = { certFile: path.join(dir, 'live.crt'), keyFile: path.join(dir, 'live.key') };
  let ca: TestCa;
  let client: IssuedCertificate;
  let rogueClient: IssuedCertificate;
  let server: ServerProcess;
  let serving: IssuedCertificate;

  const install = (cert: IssuedCertificate, key: IssuedCertificate = cert): void => {
    copyFileSync(cert.certFile, live.certFile);
    copyFileSync(key.keyFile, live.keyFile);
  };
  const reloads = (): number => server.output().split('SIGHUP received').length - 1;
  /** Sends SIGHUP and waits for the server to log that it handled it. */
  const hangUp = async (): Promise<string> => {
    const before = reloads();
    server.child.kill('SIGHUP');
    await eventually('the SIGHUP log line', () => Promise.resolve(reloads() > before ? true : undefined));
    return server.output().split('SIGHUP received').at(-1) ?? '';
  };
  const serials = async (): Promise<string[]> => [
    await servedSerial(server.ports.api, ca.cert),
    await servedSerial(server.ports.http, ca.cert, client),
    await servedSerial(server.ports.grpc, ca.cert, client, ['h2']),
  ];

  before(async () => {
    ca = createTestCa(dir);
    client = ca.issueClient('client');
    const rogueDir = mkdtempSync(path.join(dir, 'rogue-'));
    rogueClient = createTestCa(rogueDir).issueClient('rogue-client');
    serving = ca.issueServer('first');
    install(serving);
    const liveCert = { ...serving, ...live };
    server = await startServerProcess(path.join(dir, 'data'), [
      ...tlsArgs('api', liveCert),
      ...tlsArgs('otlp.http', liveCert, ca.certFile),
      ...tlsArgs('otlp.grpc', liveCert, ca.certFile),
    ]);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('OTLP/HTTP refuses clients without a certificate or with one of another CA, and stores spans of a client signed by clientCaFile', async () => {
    assert.equal((await exportTrace(httpExporter(server.ports.http, ca.cert, undefined, true), 'mtls-http-none')).ok, false);
    assert.equal((await exportTrace(httpExporter(server.ports.http, ca.cert, rogueClient, true), 'mtls-http-rogue')).ok, false);
    const sent = await exportTrace(httpExporter(server.ports.http, ca.cert, client), 'mtls-http');
    assert.ok(sent.ok, 'export with a client certificate failed');
    assert.equal(await eventually('the mTLS HTTP trace', () => storedSpanCount(server.ports.api, ca.cert, sent.traceId)), 3);
  });

  it('OTLP/gRPC refuses clients without a certificate or with one of another CA, and stores spans of a client signed by clientCaFile', async () => {
    assert.equal((await exportTrace(grpcExporter(server.ports.grpc, credentials.createSsl(ca.cert), true), 'mtls-grpc-none')).ok, false);
    const rogue = credentials.createSsl(ca.cert, rogueClient.key, rogueClient.cert);
    assert.equal((await exportTrace(grpcExporter(server.ports.grpc, rogue, true), 'mtls-grpc-rogue')).ok, false);
    const sent = await exportTrace(grpcExporter(server.ports.grpc, credentials.createSsl(ca.cert, client.key, client.cert)), 'mtls-grpc');
    assert.ok(sent.ok, 'export with a client certificate failed');
    assert.equal(await eventually('the mTLS gRPC trace', () => storedSpanCount(server.ports.api, ca.cert, sent.traceId)), 3);
  });

  it('serves a replaced certificate to new connections after SIGHUP, on all three listeners', async () => {
    assert.deepEqual(await serials(), [serving.serialNumber, serving.serialNumber, serving.serialNumber]);
    const next = ca.issueServer('second');
    assert.notEqual(next.serialNumber, serving.serialNumber);
    install(next);
    const logged = await hangUp();
    assert.match(logged, /reloaded for 3 listener\(s\), refused for 0/);
    serving = next;
    assert.deepEqual(await serials(), [next.serialNumber, next.serialNumber, next.serialNumber]);
    const sent = await exportTrace(grpcExporter(server.ports.grpc, credentials.createSsl(ca.cert, client.key, client.cert)), 'mtls-grpc-after-reload');
    assert.ok(sent.ok, 'gRPC export after the reload failed');
  });

  it('keeps serving the previous certificate when the new files are unusable, and logs the error', async () => {
    // A new certificate whose key was not replaced: the pair does not match.
    install(ca.issueServer('third'), serving);
    const mismatched = await hangUp();
    assert.match(mismatched, /reloaded for 0 listener\(s\), refused for 3/);
    assert.match(server.output(), /otlp\.grpc keeps its previous certificate/);
    assert.deepEqual(await serials(), [serving.serialNumber, serving.serialNumber, serving.serialNumber]);
    // A certificate file that went missing.
    rmSync(live.certFile);
    assert.match(await hangUp(), /refused for 3/);
    assert.deepEqual(await serials(), [serving.serialNumber, serving.serialNumber, serving.serialNumber]);
    const http = await exportTrace(httpExporter(server.ports.http, ca.cert, client), 'mtls-http-after-bad-reload');
    const grpc = await exportTrace(grpcExporter(server.ports.grpc, credentials.createSsl(ca.cert, client.key, client.cert)), 'mtls-grpc-after-bad-reload');
    assert.ok(http.ok && grpc.ok, 'a listener stopped serving after a refused reload');
    assert.equal(server.child.exitCode, null);
  });
});

describe('TLS configuration errors', () => {
  const run = promisify(execFile);
  const failure = async (args: string[]): Promise<string> => {
    const error = await run(process.execPath, [BIN, ...args]).then(
      () => assert.fail('the command succeeded'),
      (caught: unknown) => caught as { code: number; stderr: string },
    );
    assert.equal(error.code, 1);
    return error.stderr;
  };

  it('check-config names the TLS fields that are missing', async () => {
    const stderr = await failure([
      'check-config',
      '--set', 'api.tls.enabled=true',
      '--set', 'otlp.grpc.tls.enabled=true',
      '--set', 'otlp.grpc.tls.certFile=/x.crt',
      '--set', 'otlp.grpc.tls.keyFile=/x.key',
      '--set', 'otlp.grpc.tls.requireClientCert=true',
      '--set', 'otlp.http.tls.clientCaFile=/ca.crt',
    ]);
    assert.match(stderr, /CONFIG_INVALID/);
    assert.match(stderr, /api\.tls\.certFile: TLS is enabled: set certFile/);
    assert.match(stderr, /api\.tls\.keyFile: TLS is enabled: set keyFile/);
    assert.match(stderr, /otlp\.grpc\.tls\.clientCaFile: requireClientCert is true: set clientCaFile/);
    assert.match(stderr, /otlp\.http\.tls\.enabled: client certificates .* need TLS/);
  });

  it('refuses to start when a certificate file cannot be read, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sightline-tls-missing-'));
    try {
      const missing = path.join(dir, 'nowhere.crt');
      const stderr = await failure(['start', '--data-dir', path.join(dir, 'data'), '--api-port', '0', '--http-port', '0', '--grpc-port', '0', ...tlsArgs('otlp.http', { certFile: missing, keyFile: missing, cert: Buffer.alloc(0), key: Buffer.alloc(0), serialNumber: '' })]);
      assert.match(stderr, new RegExp(`CONFIG_INVALID: otlp\\.http\\.tls\\.certFile: cannot read ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
