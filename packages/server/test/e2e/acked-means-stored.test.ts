import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { fetchTraceSpans } from '../support/api-client.ts';
import { exportSpans, isSuccess, makeTrace, traceIdOf } from '../support/otel-spans.ts';
import { startServerProcess } from '../support/server-process.ts';

describe('acknowledged means stored', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-durability-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged span across a SIGKILL right after the ack', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await startServerProcess(dataDir);
    const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${first.ports.http}/v1/traces` });
    const acked: { traceId: string; spans: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const spans = makeTrace(`durable-${i % 3}`, 5 + i);
      const result = await exportSpans(exporter, spans);
      assert.ok(isSuccess(result), `export ${i} acknowledged`);
      acked.push({ traceId: traceIdOf(spans), spans: spans.length });
    }
    // No graceful shutdown: the process dies the moment the last ack arrived.
    assert.equal(await first.stop('SIGKILL'), null);
    await exporter.shutdown();

    const second = await startServerProcess(dataDir);
    try {
      for (const { traceId, spans } of acked) {
        const stored = await fetchTraceSpans(second.ports.api, traceId);
        assert.equal(stored.length, spans, `trace ${traceId} complete after restart`);
      }
    } finally {
      assert.equal(await second.stop('SIGTERM'), 0);
    }
  });
});
