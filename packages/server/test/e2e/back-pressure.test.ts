import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { fetchTraceSpans, scrapeCounter } from '../support/api-client.ts';
import { rawExport } from '../support/raw-grpc.ts';
import { exportSpans, isSuccess, makeTrace, traceIdOf } from '../support/otel-spans.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

describe('back-pressure', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-backpressure-'));
  let server: ServerProcess;
  before(async () => {
    // A small pending budget (a few small requests) and slow batches: a burst soon finds it spent.
    server = await startServerProcess(path.join(dir, 'data'), [
      '--set', 'pipeline.maxPendingBytes=32768',
      '--set', 'pipeline.batchMaxAgeMs=100',
      '--set', 'pipeline.retryAfterSeconds=1',
    ]);
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a flood with 429 and Retry-After instead of queueing without bound', async () => {
    const body = ProtobufTraceSerializer.serializeRequest(makeTrace('flood', 20))!;
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`http://127.0.0.1:${server.ports.http}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body }),
      ),
    );
    const refused = responses.filter((response) => response.status === 429);
    assert.ok(refused.length > 0, 'some requests refused');
    assert.ok(responses.some((response) => response.status === 200), 'some requests accepted');
    assert.ok(responses.every((response) => response.status === 200 || response.status === 429));
    for (const response of refused) assert.ok(['1', '2'].includes(response.headers.get('retry-after') ?? ''), 'retry hint between the configured delay and twice it');
    const refusedCount = await scrapeCounter(server.ports.api, 'sightline_ingest_requests_total', { signal: 'traces', protocol: 'http_protobuf', outcome: 'overloaded' });
    assert.equal(refusedCount, refused.length);
  });

  it('answers a gRPC flood with RESOURCE_EXHAUSTED carrying RetryInfo', async () => {
    const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(makeTrace('grpc-flood', 20))!);
    const results = await Promise.all(Array.from({ length: 30 }, () => rawExport(server.ports.grpc, 'trace.v1.TraceService', body)));
    const refused = results.filter((result) => result.error?.code === GrpcStatus.RESOURCE_EXHAUSTED);
    assert.ok(refused.length > 0, 'some calls refused');
    assert.ok(results.some((result) => result.error === undefined), 'some calls accepted');
    assert.ok(results.every((result) => result.error === undefined || result.error.code === GrpcStatus.RESOURCE_EXHAUSTED));
    for (const result of refused) {
      const details = result.error!.metadata.get('grpc-status-details-bin')[0];
      assert.ok(Buffer.isBuffer(details), 'status details present');
      assert.ok(details.includes('type.googleapis.com/google.rpc.RetryInfo'), 'RetryInfo detail present');
    }
  });

  it('ends with every item of retrying OpenTelemetry exporters stored exactly once', async () => {
    const url = `http://127.0.0.1:${server.ports.http}/v1/traces`;
    const acceptedBefore = await scrapeCounter(server.ports.api, 'sightline_ingest_items_accepted_total', { signal: 'traces', protocol: 'http_protobuf' });
    // A background flood of larger requests keeps the budget spent for a while, so exporters meet refusals.
    const floodBody = ProtobufTraceSerializer.serializeRequest(makeTrace('flood', 50))!;
    const floodUntil = Date.now() + 1500;
    let floodAccepted = 0;
    const flood = Promise.all(
      Array.from({ length: 6 }, async () => {
        while (Date.now() < floodUntil) {
          const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: floodBody });
          if (response.status === 200) floodAccepted++;
          else await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }),
    );
    const traces = Array.from({ length: 4 }, (_, i) => makeTrace(`retrying-${i}`, 10));
    const exporters = traces.map(() => new OTLPTraceExporter({ url, timeoutMillis: 30_000 }));
    const results = await Promise.all(traces.map((spans, i) => exportSpans(exporters[i]!, spans)));
    await flood;
    assert.ok(results.every(isSuccess), 'every export eventually succeeded');
    for (const spans of traces) {
      const stored = await fetchTraceSpans(server.ports.api, traceIdOf(spans));
      assert.equal(stored.length, spans.length, 'each span stored once');
      assert.equal(new Set(stored.map((span) => span.spanId)).size, spans.length);
    }
    const acceptedAfter = await scrapeCounter(server.ports.api, 'sightline_ingest_items_accepted_total', { signal: 'traces', protocol: 'http_protobuf' });
    assert.equal(acceptedAfter - acceptedBefore, 40 + floodAccepted * 50, 'accepted counter matches what was sent and acknowledged');
    await Promise.all(exporters.map((exporter) => exporter.shutdown()));
  });
});
