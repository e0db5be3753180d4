import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apmOperationsResponseSchema,
  apmServiceSeriesResponseSchema,
  apmServicesResponseSchema,
  type ApmServiceSummary,
  type RedStats,
} from '@sightline/contract';
import type { z } from 'zod';
import { assertClose, nearestRank } from '../support/apm-metric-rows.ts';
import { BACKEND, buildGroundTruth, FRONTEND, MINUTES, WORKER, type SentSpan } from '../support/apm-ground-truth-scenario.ts';
import { captureSdkWarnings, describeResult, exportThrough, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { apiGet, serverForSuite } from '../support/server-process.ts';

/** Half an hour ago, on a whole minute: recent, and finished minutes only. */
const START_S = Math.floor(Date.now() / 60_000) * 60 - 30 * 60;
const truth = buildGroundTruth(START_S);
const SECONDS = MINUTES * 60;
const range = `start=${START_S * 1000}&end=${truth.endS * 1000}`;

function sentWhere(keep: (span: SentSpan) => boolean): SentSpan[] {
  return truth.sent.filter(keep);
}

/** Exact counts and rates; percentiles within 1% of the nearest-rank values of what was sent. */
function assertMatches(actual: RedStats, spans: readonly SentSpan[], seconds: number, what: string): void {
  const durations = spans.map((s) => s.durationMs);
  const errors = spans.filter((s) => s.error).length;
  assert.ok(spans.length > 0, `${what}: the scenario sent spans`);
  assert.deepEqual([actual.calls, actual.errors], [spans.length, errors], `${what}: calls, errors`);
  assert.equal(actual.rate, spans.length / seconds, `${what}: rate`);
  assert.equal(actual.errorRate, errors / spans.length, `${what}: error rate`);
  assertClose(actual.avgMs, durations.reduce((a, b) => a + b, 0) / durations.length, `${what}: avg`, 1e-9);
  assertClose(actual.maxMs, Math.max(...durations), `${what}: max`, 1e-9);
  for (const [q, value] of [[0.5, actual.p50Ms], [0.9, actual.p90Ms], [0.95, actual.p95Ms], [0.99, actual.p99Ms]] as const) {
    assertClose(value, nearestRank(durations, q), `${what}: p${q * 100}`);
  }
}

/** Apdex as defined: failed spans are frustrated whatever their duration. */
function exactApdex(spans: readonly SentSpan[], thresholdMs: number): number {
  const ok = spans.filter((s) => !s.error);
  const satisfied = ok.filter((s) => s.durationMs <= thresholdMs).length;
  const tolerating = ok.filter((s) => s.durationMs > thresholdMs && s.durationMs <= 4 * thresholdMs).length;
  return (satisfied + tolerating / 2) / spans.length;
}

describe('APM answers match the spans sent through the OpenTelemetry SDK', () => {
  const server = serverForSuite('apm-ground-truth');
  const warnings = captureSdkWarnings();
  after(() => warnings.stop());

  const get = <S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> => apiGet(server(), schema, path);

  before(async () => {
    // One transport per service, so all three receivers feed the span metrics.
    const services = [FRONTEND, BACKEND, WORKER];
    await Promise.all(
      services.map(async (service, index) => {
        const transport = SDK_TRANSPORTS[index % SDK_TRANSPORTS.length]!;
        const exporter = transport.traceExporter({ grpc: server().ports.grpc, http: server().ports.http });
        const spans = truth.byService.get(service) ?? [];
        for (let from = 0; from < spans.length; from += 200) {
          const result = await exportThrough(exporter, spans.slice(from, from + 200));
          assert.equal(describeResult(result), 'SUCCESS', `${service} over ${transport.protocol}`);
        }
        await exporter.shutdown();
      }),
    );
    assert.deepEqual(warnings.messages, []);
  });

  it('lists each service’s requests (entry spans) with exact counts and percentiles within 1%', async () => {
    const body = await get(apmServicesResponseSchema, `/apm/services?${range}`);
    const byName = new Map<string, ApmServiceSummary>(body.services.map((s) => [s.name, s]));
    const requests: Record<string, SentSpan[]> = {
      [FRONTEND]: sentWhere((s) => s.service === FRONTEND && s.operation === 'GET /home'),
      [BACKEND]: sentWhere((s) => s.service === BACKEND && s.operation === 'POST /api/orders'),
      [WORKER]: sentWhere((s) => s.service === WORKER),
    };
    for (const [service, spans] of Object.entries(requests)) {
      const summary = byName.get(service);
      assert.ok(summary, `${service} listed`);
      assert.equal(summary.active, true);
      assertMatches(summary, spans, SECONDS, service);
      assert.equal(summary.apdex, exactApdex(spans, summary.apdexThresholdMs), `${service}: apdex`);
      assert.equal(summary.sparkline.calls.reduce((a, b) => a + b, 0), spans.length);
      assert.equal(summary.sparkline.errors.reduce((a, b) => a + b, 0), spans.filter((s) => s.error).length);
    }
    assert.deepEqual(body.overflow, []);
  });

  it('lists every operation of a service with its kind and entry-point flag', async () => {
    const body = await get(apmOperationsResponseSchema, `/apm/services/${FRONTEND}/operations?${range}`);
    assert.deepEqual(
      body.operations.map((o) => [o.name, o.spanKind, o.entryPoint]),
      [['GET /home', 2, true], ['call backend', 3, false], ['render page', 1, false]],
    );
    for (const operation of body.operations) {
      assertMatches(operation, sentWhere((s) => s.service === FRONTEND && s.operation === operation.name), SECONDS, operation.name);
    }
    const backend = await get(apmOperationsResponseSchema, `/apm/services/${BACKEND}/operations?${range}`);
    assert.deepEqual(backend.operations.map((o) => [o.name, o.spanKind, o.entryPoint]), [['POST /api/orders', 2, true], ['SELECT orders', 3, false]]);
    assertMatches(backend.operations[1]!, sentWhere((s) => s.operation === 'SELECT orders'), SECONDS, 'SELECT orders');
  });

  it('charts requests per minute exactly, latency within 1%', async () => {
    const body = await get(apmServiceSeriesResponseSchema, `/apm/services/${FRONTEND}/series?${range}&step=60`);
    assert.deepEqual([body.startMs, body.stepSeconds, body.calls.length], [START_S * 1000, 60, MINUTES]);
    body.calls.forEach((calls, index) => {
      const minute = START_S + index * 60;
      const spans = sentWhere((s) => s.service === FRONTEND && s.operation === 'GET /home' && s.minute === minute);
      assert.deepEqual([calls, body.errors[index]], [spans.length, spans.filter((s) => s.error).length], `minute ${index}`);
      assertClose(body.p50Ms[index] ?? null, nearestRank(spans.map((s) => s.durationMs), 0.5), `p50 of minute ${index}`);
      assertClose(body.p99Ms[index] ?? null, nearestRank(spans.map((s) => s.durationMs), 0.99), `p99 of minute ${index}`);
    });
    const worker = await get(apmServiceSeriesResponseSchema, `/apm/services/${WORKER}/series?${range}&step=60&operation=process%20order`);
    const sent = sentWhere((s) => s.service === WORKER);
    worker.calls.forEach((calls, index) => {
      const inMinute = sent.filter((s) => s.minute === START_S + index * 60);
      assert.equal(calls, inMinute.length, `worker minute ${index}`);
      assert.equal(worker.p50Ms[index] === null, inMinute.length === 0);
    });
  });
});
