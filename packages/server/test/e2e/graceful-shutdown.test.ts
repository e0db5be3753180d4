import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { fetchTraceSpans } from '../support/api-client.ts';
import { makeTrace, traceIdOf } from '../support/otel-spans.ts';
import { startServerProcess } from '../support/server-process.ts';

describe('graceful shutdown', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-shutdown-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('on SIGTERM commits and acknowledges what is pending, then exits 0', async () => {
    const dataDir = path.join(dir, 'data');
    // Batches would wait a minute: only the shutdown flush can commit this request in time.
    const server = await startServerProcess(dataDir, ['--set', 'pipeline.batchMaxAgeMs=60000', '--set', 'pipeline.batchMinRows=1000000']);
    const spans = makeTrace('shutdown', 6);
    const pending = fetch(`http://127.0.0.1:${server.ports.http}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: ProtobufTraceSerializer.serializeRequest(spans)!,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exited = server.stop('SIGTERM');
    const response = await pending;
    assert.equal(response.status, 200);
    assert.equal(await exited, 0);

    const restarted = await startServerProcess(dataDir);
    try {
      assert.equal((await fetchTraceSpans(restarted.ports.api, traceIdOf(spans))).length, spans.length);
    } finally {
      await restarted.stop();
    }
  });
});
