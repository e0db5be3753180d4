import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { fetchTraceSpans } from '../support/api-client.ts';
import { makeTrace, traceIdOf } from '../support/otel-spans.ts';
import { rawExport } from '../support/raw-grpc.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const MAX_BODY = 200_000;
const MAX_DECOMPRESSED = 2_000_000;

describe('bad input gets a clear error and loses nothing else', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-bad-input-'));
  let server: ServerProcess;
  let url: string;
  const post = (body: Uint8Array | string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers, body });
  const protobuf = { 'content-type': 'application/x-protobuf' };
  const json = { 'content-type': 'application/json' };
  const goodBefore = makeTrace('before-bad-input', 4);
  const goodAfter = makeTrace('after-bad-input', 3);

  before(async () => {
    server = await startServerProcess(path.join(dir, 'data'), [
      '--set', `otlp.http.maxBodyBytes=${MAX_BODY}`,
      '--set', `otlp.http.maxDecompressedBytes=${MAX_DECOMPRESSED}`,
    ]);
    url = `http://127.0.0.1:${server.ports.http}/v1/traces`;
    const response = await post(ProtobufTraceSerializer.serializeRequest(goodBefore)!, protobuf);
    assert.equal(response.status, 200);
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function assertStatusJson(response: Response, status: number, messagePart: RegExp): Promise<void> {
    assert.equal(response.status, status);
    const body = (await response.json()) as { message?: string; code?: number };
    assert.match(body.message ?? '', messagePart);
  }

  it('rejects garbage protobuf bytes with 400 and a google.rpc.Status body', async () => {
    const response = await post(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]), protobuf);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/x-protobuf');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.ok(bytes.length > 0);
    assert.match(bytes.toString('latin1'), /[a-z]{4,}/, 'status message inside the protobuf body');
  });

  it('rejects a truncated protobuf request with 400', async () => {
    const full = ProtobufTraceSerializer.serializeRequest(makeTrace('truncated', 5))!;
    const response = await post(full.subarray(0, Math.floor(full.length / 2)), protobuf);
    assert.equal(response.status, 400);
  });

  it('rejects an unknown content type with 415', async () => {
    await assertStatusJson(await post('hello', { 'content-type': 'text/plain' }), 415, /Content-Type/);
  });

  it('rejects invalid JSON with 400', async () => {
    await assertStatusJson(await post('{"resourceSpans": [', json), 400, /JSON/i);
  });

  it('stores the valid spans of a request and reports the invalid ones as partial success', async () => {
    const spans = makeTrace('partial', 3);
    const request = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!).toString()) as {
      resourceSpans: { scopeSpans: { spans: { traceId: string; spanId: string }[] }[] }[];
    };
    const wire = request.resourceSpans[0]!.scopeSpans[0]!.spans;
    wire[1]!.traceId = wire[1]!.traceId.slice(0, 30); // 15 bytes
    const response = await post(JSON.stringify(request), json);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { partialSuccess?: { rejectedSpans?: string | number; errorMessage?: string } };
    assert.equal(Number(body.partialSuccess?.rejectedSpans), 1);
    assert.match(body.partialSuccess?.errorMessage ?? '', /trace/i);
    const stored = await fetchTraceSpans(server.ports.api, traceIdOf(spans));
    assert.equal(stored.length, 2);
  });

  it('rejects a body over the size limit with 413', async () => {
    const response = await post(Buffer.alloc(MAX_BODY + 1000, 1), protobuf);
    assert.equal(response.status, 413);
  });

  it('rejects a gzip bomb with 413 without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_DECOMPRESSED * 50));
    assert.ok(bomb.length < MAX_BODY);
    const response = await post(bomb, { ...protobuf, 'content-encoding': 'gzip' });
    assert.equal(response.status, 413);
  });

  it('accepts an empty body as an empty export in either format', async () => {
    assert.equal((await post(new Uint8Array(0), protobuf)).status, 200);
    assert.equal((await post('', json)).status, 200);
  });

  it('answers garbage over gRPC with INVALID_ARGUMENT', async () => {
    const result = await rawExport(server.ports.grpc, 'trace.v1.TraceService', Buffer.from([0x0a, 0xff, 0xff, 0x01]));
    assert.equal(result.error?.code, GrpcStatus.INVALID_ARGUMENT);
    assert.ok((result.error?.details ?? '').length > 0);
  });

  it('stays up and keeps the data sent before and after', async () => {
    assert.equal((await post(ProtobufTraceSerializer.serializeRequest(goodAfter)!, protobuf)).status, 200);
    assert.equal((await fetchTraceSpans(server.ports.api, traceIdOf(goodBefore))).length, goodBefore.length);
    assert.equal((await fetchTraceSpans(server.ports.api, traceIdOf(goodAfter))).length, goodAfter.length);
    assert.equal((await fetch(`http://127.0.0.1:${server.ports.api}/healthz`)).status, 200);
  });
});
