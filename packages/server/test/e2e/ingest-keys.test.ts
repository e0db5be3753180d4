import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client, credentials, Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Span } from '@sightline/contract';
import protobuf from 'protobufjs';
import { scrapeCounter } from '../support/api-client.ts';
import { SdkApi } from '../support/sdk-api.ts';
import { exportThrough } from '../support/sdk-transports.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const CI_KEY = 'ci-key-0123456789abcdefghijklmn';
const STAGING_KEY = 'staging-key-9876543210zyxwvutsrq';
const WRONG_KEY = 'wrong-key-0123456789abcdefghijk';

type Transport = 'grpc' | 'proto' | 'json';
const TRANSPORTS: readonly Transport[] = ['grpc', 'proto', 'json'];
const PROTOCOL_LABEL: Readonly<Record<Transport, string>> = { grpc: 'grpc', proto: 'http_protobuf', json: 'http_json' };

/** One trace of `count` spans made by the real SDK, under a resource with the given attributes. */
function makeSpans(resource: Record<string, string>, count = 2): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes(resource), spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = provider.getTracer('ingest-keys-test');
  const root = tracer.startSpan('op 0', { kind: SpanKind.SERVER });
  for (let i = 1; i < count; i++) tracer.startSpan(`op ${i}`, {}, trace.setSpan(ROOT_CONTEXT, root)).end();
  root.end();
  return memory.getFinishedSpans();
}

/** A trace exporter of the transport, sending `header: value` (HTTP headers or gRPC metadata) when given. */
function traceExporter(transport: Transport, ports: ServerProcess['ports'], header?: [string, string]): SpanExporter {
  if (transport === 'grpc') {
    const metadata = new Metadata();
    if (header !== undefined) metadata.set(header[0], header[1]);
    return new GrpcTraceExporter({ url: `http://127.0.0.1:${ports.grpc}`, metadata });
  }
  const options = { url: `http://127.0.0.1:${ports.http}/v1/traces`, headers: header === undefined ? {} : { [header[0]]: header[1] } };
  return transport === 'proto' ? new ProtoTraceExporter(options) : new JsonTraceExporter(options);
}

async function exportSpans(exporter: SpanExporter, spans: ReadableSpan[]): Promise<ExportResult> {
  try {
    return await exportThrough(exporter, spans);
  } finally {
    await exporter.shutdown();
  }
}

/** google.rpc.Status, for reading protobuf error bodies. */
const RpcStatus = new protobuf.Type('Status').add(new protobuf.Field('code', 1, 'int32')).add(new protobuf.Field('message', 2, 'string'));

function rawGrpcExport(port: number, service: string, metadata: Metadata): Promise<ServiceError | null> {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(`/opentelemetry.proto.collector.${service}/Export`, (value: Buffer) => value, (value: Buffer) => value, Buffer.alloc(0), metadata, (error) => {
      client.close();
      resolve(error);
    });
  });
}

interface KeyServer {
  readonly server: () => ServerProcess;
  readonly api: () => SdkApi;
}

/** A server process started with `auth` as `otlp.auth` in its config file (and CORS open). */
function keyServerForSuite(name: string, auth: string): KeyServer {
  const dir = mkdtempSync(path.join(tmpdir(), `sightline-${name}-`));
  let server: ServerProcess | undefined;
  before(async () => {
    const file = path.join(dir, 'sightline.yaml');
    writeFileSync(file, ['otlp:', '  http:', "    corsOrigins: ['*']", '  auth:', ...auth.split('\n').map((line) => `    ${line}`)].join('\n'));
    server = await startServerProcess(path.join(dir, 'data'), ['--config', file]);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (): ServerProcess => {
    if (server === undefined) throw new Error(`the ${name} server has not started`);
    return server;
  };
  return { server: get, api: () => new SdkApi(get().ports.api) };
}

const testStart = Date.now();
const range = (): { start: number; end: number } => ({ start: testStart - 60_000, end: Date.now() + 60_000 });

async function storedSpans(api: SdkApi, service: string): Promise<Span[]> {
  const { spans } = await api.searchSpans({ ...range(), service, limit: 100 });
  if (spans.length === 0) return [];
  return (await api.getTrace(spans[0]!.traceId)).spans;
}

async function spanCount(api: SdkApi, service: string): Promise<number> {
  return (await api.searchSpans({ ...range(), service, limit: 100 })).spans.length;
}

const environmentOf = (span: Span): Record<string, unknown> =>
  Object.fromEntries(Object.entries(span.resource.attributes).filter(([key]) => key.startsWith('deployment.environment')));

describe('ingest keys required on both OTLP receivers', () => {
  const { server, api } = keyServerForSuite(
    'ingest-keys',
    ['required: true', 'keys:', `  - { name: ci, key: ${CI_KEY} }`, `  - { name: staging, key: ${STAGING_KEY}, environment: staging }`].join('\n'),
  );
  const refusals = (transport: Transport, signal = 'traces'): Promise<number> =>
    scrapeCounter(server().ports.api, 'sightline_ingest_requests_total', { signal, protocol: PROTOCOL_LABEL[transport], outcome: 'unauthenticated' });

  it('reports the requirement in server-info', async () => {
    const info = (await (await fetch(`http://127.0.0.1:${server().ports.api}/api/v1/server-info`)).json()) as { ingestAuth: unknown };
    assert.deepEqual(info.ingestAuth, { required: true, header: 'authorization' });
  });

  for (const transport of TRANSPORTS) {
    describe(`SDK trace exporter over ${transport}`, () => {
      it('with a valid key (Bearer, or bare) the spans are stored, untagged for a key without environment', async () => {
        const service = `keyed-${transport}`;
        const bearer = await exportSpans(traceExporter(transport, server().ports, ['authorization', `Bearer ${CI_KEY}`]), makeSpans({ 'service.name': service }));
        assert.equal(bearer.code, ExportResultCode.SUCCESS, bearer.error?.message);
        const bare = await exportSpans(traceExporter(transport, server().ports, ['authorization', CI_KEY]), makeSpans({ 'service.name': `${service}-bare` }));
        assert.equal(bare.code, ExportResultCode.SUCCESS, bare.error?.message);
        const spans = await storedSpans(api(), service);
        assert.equal(spans.length, 2);
        assert.deepEqual(spans.map(environmentOf), [{}, {}]);
        assert.equal(await spanCount(api(), `${service}-bare`), 2);
      });

      for (const [label, header] of [
        ['without a key', undefined],
        ['with a wrong key', ['authorization', `Bearer ${WRONG_KEY}`]],
        ['with a valid key in another header', ['x-sightline-key', CI_KEY]],
      ] as const) {
        it(`${label} the export fails once, is counted, and nothing is stored`, async () => {
          const service = `refused-${transport}-${label.replaceAll(' ', '-')}`;
          const before = await refusals(transport);
          const result = await exportSpans(traceExporter(transport, server().ports, header === undefined ? undefined : [...header]), makeSpans({ 'service.name': service }));
          assert.equal(result.code, ExportResultCode.FAILED);
          const error: (Error & { code?: number }) | undefined = result.error;
          if (transport === 'grpc') assert.equal(error?.code, GrpcStatus.UNAUTHENTICATED, error?.message);
          else assert.equal(error?.code, 401, error?.message);
          // Exactly one more refusal: the exporter did not retry (401 / UNAUTHENTICATED are final).
          assert.equal(await refusals(transport), before + 1);
          assert.equal(await spanCount(api(), service), 0);
        });
      }

      it("a key with an environment tags resources that name none; the data's own environment wins", async () => {
        const header: [string, string] = ['authorization', `Bearer ${STAGING_KEY}`];
        const plain = `env-${transport}`;
        const own = `env-own-${transport}`;
        const legacy = `env-legacy-${transport}`;
        const resources: Record<string, string>[] = [
          { 'service.name': plain },
          { 'service.name': own, 'deployment.environment.name': 'production' },
          { 'service.name': legacy, 'deployment.environment': 'qa' },
        ];
        for (const resource of resources) {
          const result = await exportSpans(traceExporter(transport, server().ports, header), makeSpans(resource, 1));
          assert.equal(result.code, ExportResultCode.SUCCESS, result.error?.message);
        }
        assert.deepEqual((await storedSpans(api(), plain)).map(environmentOf), [{ 'deployment.environment.name': { stringValue: 'staging' } }]);
        assert.deepEqual((await storedSpans(api(), own)).map(environmentOf), [{ 'deployment.environment.name': { stringValue: 'production' } }]);
        assert.deepEqual((await storedSpans(api(), legacy)).map(environmentOf), [{ 'deployment.environment': { stringValue: 'qa' } }]);
        // Searchable like any resource attribute.
        const inStaging = await api().searchSpans({ ...range(), service: plain, resourceAttributes: [{ key: 'deployment.environment.name', op: 'equals', value: 'staging' }], limit: 10 });
        assert.equal(inStaging.spans.length, 1);
      });
    });
  }

  it('OTEL_EXPORTER_OTLP_HEADERS as the Get-started page writes it (space as %20) is accepted', async () => {
    const service = 'env-var-headers';
    process.env.OTEL_EXPORTER_OTLP_HEADERS = `authorization=Bearer%20${CI_KEY}`;
    let exporter: SpanExporter;
    try {
      exporter = new ProtoTraceExporter({ url: `http://127.0.0.1:${server().ports.http}/v1/traces` });
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
    }
    const result = await exportSpans(exporter, makeSpans({ 'service.name': service }));
    assert.equal(result.code, ExportResultCode.SUCCESS, result.error?.message);
    assert.equal(await spanCount(api(), service), 2);
  });

  it('HTTP refusals of every signal are OTLP error bodies with WWW-Authenticate, before the body is read', async () => {
    for (const signal of ['traces', 'logs', 'metrics']) {
      const url = `http://127.0.0.1:${server().ports.http}/v1/${signal}`;
      const json = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not even json' });
      assert.equal(json.status, 401);
      assert.equal(json.headers.get('www-authenticate'), 'Bearer');
      assert.equal(json.headers.get('retry-after'), null);
      assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(await json.json(), {
        code: GrpcStatus.UNAUTHENTICATED,
        message: 'an ingest key is required: send it in the "authorization" header as "Bearer <key>"',
      });

      const proto = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${WRONG_KEY}` }, body: new Uint8Array([0xff]) });
      assert.equal(proto.status, 401);
      assert.match(proto.headers.get('content-type') ?? '', /^application\/x-protobuf/);
      const status = RpcStatus.toObject(RpcStatus.decode(new Uint8Array(await proto.arrayBuffer())));
      assert.deepEqual(status, { code: GrpcStatus.UNAUTHENTICATED, message: 'the ingest key in the "authorization" header is not valid' });

      const accepted = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${CI_KEY}` }, body: '{}' });
      assert.equal(accepted.status, 200);
    }
    assert.ok((await refusals('json', 'logs')) >= 1);
    assert.ok((await refusals('proto', 'metrics')) >= 1);
  });

  it('gRPC Export of every service is refused UNAUTHENTICATED without a key and served with one', async () => {
    for (const [service, signal] of [
      ['trace.v1.TraceService', 'traces'],
      ['logs.v1.LogsService', 'logs'],
      ['metrics.v1.MetricsService', 'metrics'],
    ] as const) {
      const before = await refusals('grpc', signal);
      const refused = await rawGrpcExport(server().ports.grpc, service, new Metadata());
      assert.equal(refused?.code, GrpcStatus.UNAUTHENTICATED);
      assert.equal(refused?.details, 'an ingest key is required: send it in the "authorization" header as "Bearer <key>"');
      assert.equal(await refusals('grpc', signal), before + 1);
      const metadata = new Metadata();
      metadata.set('authorization', `Bearer ${CI_KEY}`);
      assert.equal(await rawGrpcExport(server().ports.grpc, service, metadata), null);
    }
  });

  it('CORS preflight still works without a key', async () => {
    const response = await fetch(`http://127.0.0.1:${server().ports.http}/v1/traces`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://app.example');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization/);
  });
});

describe('ingest keys in a custom header', () => {
  const { server, api } = keyServerForSuite('ingest-keys-header', ['required: true', 'header: X-Sightline-Key', 'keys:', `  - { name: ci, key: ${CI_KEY}, environment: ci }`].join('\n'));

  it('server-info names the header', async () => {
    const info = (await (await fetch(`http://127.0.0.1:${server().ports.api}/api/v1/server-info`)).json()) as { ingestAuth: unknown };
    assert.deepEqual(info.ingestAuth, { required: true, header: 'x-sightline-key' });
  });

  for (const transport of TRANSPORTS) {
    it(`over ${transport}: the bare key in the header is accepted and tags its environment; authorization is not looked at`, async () => {
      const service = `custom-header-${transport}`;
      const ok = await exportSpans(traceExporter(transport, server().ports, ['x-sightline-key', CI_KEY]), makeSpans({ 'service.name': service }));
      assert.equal(ok.code, ExportResultCode.SUCCESS, ok.error?.message);
      assert.deepEqual((await storedSpans(api(), service)).map(environmentOf), [
        { 'deployment.environment.name': { stringValue: 'ci' } },
        { 'deployment.environment.name': { stringValue: 'ci' } },
      ]);
      const refused = await exportSpans(traceExporter(transport, server().ports, ['authorization', `Bearer ${CI_KEY}`]), makeSpans({ 'service.name': `${service}-refused` }));
      assert.equal(refused.code, ExportResultCode.FAILED);
      assert.equal(await spanCount(api(), `${service}-refused`), 0);
    });
  }
});
