import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SpanKind } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { APM_OVERFLOW_NAME, apmOperationsResponseSchema, apmServicesResponseSchema, operationsResponseSchema } from '@sightline/contract';
import type { z } from 'zod';
import { captureSdkWarnings, describeResult, exportThrough, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { apiGet, serverForSuite } from '../support/server-process.ts';

const CAP = 3;
const OPERATIONS = Array.from({ length: 10 }, (_, index) => `job-${index}`);
const SPANS_PER_OPERATION = 4;
const START_MS = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000;
const range = `start=${START_MS}&end=${START_MS + 10 * 60_000}`;

describe('APM cardinality caps: operations past the cap are visible, raw spans keep their names', () => {
  const server = serverForSuite('apm-overflow', ['--set', `apm.maxOperationsPerService=${CAP}`]);
  const warnings = captureSdkWarnings();
  after(() => warnings.stop());

  const get = <S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> => apiGet(server(), schema, path);

  it('aggregates the excess under __overflow__, warns in the API, counts it in /metrics', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'batch' }),
      spanProcessors: [new SimpleSpanProcessor(memory)],
    });
    const tracer = provider.getTracer('apm-overflow');
    // One request with every operation, in a fixed order: the first CAP names are tracked.
    for (const operation of OPERATIONS) {
      for (let i = 0; i < SPANS_PER_OPERATION; i++) {
        const start = START_MS + i * 1000;
        tracer.startSpan(operation, { kind: SpanKind.SERVER, startTime: start }).end(start + 25);
      }
    }
    const exporter = SDK_TRANSPORTS[1]!.traceExporter({ grpc: server().ports.grpc, http: server().ports.http });
    assert.equal(describeResult(await exportThrough(exporter, memory.getFinishedSpans())), 'SUCCESS');
    await exporter.shutdown();
    assert.deepEqual(warnings.messages, []);

    const operations = await get(apmOperationsResponseSchema, `/apm/services/batch/operations?${range}`);
    const tracked = operations.operations.map((o) => [o.name, o.calls]);
    assert.deepEqual(tracked.sort(), OPERATIONS.slice(0, CAP).map((name) => [name, SPANS_PER_OPERATION]));
    const overflowed = (OPERATIONS.length - CAP) * SPANS_PER_OPERATION;
    assert.equal(operations.overflow.length, 1);
    assert.deepEqual(
      { ...operations.overflow[0], firstSeenMs: undefined, lastSeenMs: undefined },
      { service: 'batch', dimension: 'operation', spans: overflowed, limit: CAP, firstSeenMs: undefined, lastSeenMs: undefined },
    );
    assert.equal(operations.overflow[0]?.firstSeenMs, START_MS);

    const services = await get(apmServicesResponseSchema, `/apm/services?${range}`);
    assert.equal(services.services.find((s) => s.name === 'batch')?.calls, OPERATIONS.length * SPANS_PER_OPERATION);
    assert.deepEqual(services.overflow.map((n) => [n.service, n.dimension, n.spans]), [['batch', 'operation', overflowed]]);

    const metrics = await (await fetch(`http://127.0.0.1:${server().ports.api}/metrics`)).text();
    assert.match(metrics, new RegExp(`sightline_apm_overflow_spans_total\\{dimension="operation",service="batch"\\} ${overflowed}\\b`));

    // The raw spans were stored under their real names.
    const names = await get(operationsResponseSchema, `/operations?service=batch&${range}`);
    assert.deepEqual(names.operations, [...OPERATIONS].sort());
    assert.ok(!names.operations.includes(APM_OVERFLOW_NAME));
  });
});
