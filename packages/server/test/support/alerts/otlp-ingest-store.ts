import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { IngestMetrics } from '../../../src/pipeline/ingest-metrics.ts';
import { IngestPipeline } from '../../../src/pipeline/ingest-pipeline.ts';
import { createHttpReceiver } from '../../../src/receivers/otlp/http-receiver.ts';
import { insertTarget } from '../../../src/storage/encode/encode-rows.ts';
import { INSERT_TABLES } from '../../../src/storage/schema/tables.ts';
import type { InsertTarget } from '../../../src/storage/store.ts';
import { DecodePool } from '../../../src/workers/decode-pool.ts';
import { openTempStore, type TempStore } from '../temp-store.ts';

/** A temporary store fed by the real OTLP/HTTP receiver, decoder pool and ingest pipeline, in this process (as main.ts wires them). */
export interface OtlpIngestStore extends TempStore {
  readonly httpPort: number;
  /** POSTs an OTLP/JSON export request; resolves once the rows are committed (fails on any rejection). */
  postOtlpJson(signal: 'metrics' | 'logs' | 'traces', body: object): Promise<void>;
}

export async function openOtlpIngestStore(): Promise<OtlpIngestStore> {
  const temp = await openTempStore();
  const metrics = new IngestMetrics(new Registry());
  const decoder = new DecodePool(1);
  const targets = new Map<string, InsertTarget>(INSERT_TABLES.map((table) => [table.name, insertTarget(table)]));
  const pipeline = new IngestPipeline(
    temp.store,
    targets,
    { batchMaxRows: 10_000, batchMinRows: 1, batchMaxAgeMs: 20, aggregateBatchMaxAgeMs: 20, maxPendingBytes: 64 * 1024 * 1024, retryAfterSeconds: 1 },
    metrics,
    (table) => {
      if (table.startsWith('metric_')) decoder.forgetSeries();
    },
  );
  let http: FastifyInstance;
  try {
    http = await createHttpReceiver({ sink: pipeline, decoder, metrics }, { maxBodyBytes: 16 * 1024 * 1024, maxDecompressedBytes: 64 * 1024 * 1024, corsOrigins: [] });
    await http.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await pipeline.close();
    await decoder.close();
    await temp.dispose();
    throw error;
  }
  const address = http.server.address();
  const httpPort = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    ...temp,
    httpPort,
    async postOtlpJson(signal, body) {
      const response = await fetch(`http://127.0.0.1:${httpPort}/v1/${signal}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok || /"rejected/.test(text)) throw new Error(`OTLP ${signal}: ${response.status} ${text}`);
    },
    async dispose() {
      await http.close();
      await pipeline.close();
      await decoder.close();
      await temp.dispose();
    },
  };
}

type Attr = { key: string; value: { stringValue: string } };

function attrs(labels: Readonly<Record<string, string>>): Attr[] {
  return Object.entries(labels).map(([key, value]) => ({ key, value: { stringValue: value } }));
}

/** An OTLP/JSON metrics request with one gauge: one data point per given series at `atMs`. */
export function gaugeRequest(name: string, atMs: number, points: readonly { readonly labels: Readonly<Record<string, string>>; readonly value: number }[]): object {
  const timeUnixNano = (BigInt(atMs) * 1_000_000n).toString();
  return {
    resourceMetrics: [
      {
        resource: { attributes: attrs({ 'service.name': 'alerts-e2e' }) },
        scopeMetrics: [
          {
            scope: { name: 'sightline-alerts-e2e' },
            metrics: [{ name, gauge: { dataPoints: points.map((point) => ({ attributes: attrs(point.labels), timeUnixNano, asDouble: point.value })) } }],
          },
        ],
      },
    ],
  };
}
