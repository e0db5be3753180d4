import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APM_OVERFLOW_NAME } from '@sightline/contract';
import { Registry } from 'prom-client';
import { BASE_TIME_NS, idBytes, sampleSpan } from '../../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import type { Attributes } from '../../signals/any-value.ts';
import type { ResourceInfo } from '../../signals/resource.ts';
import { SpanKind, StatusCode, type SpanRow } from '../../signals/span.ts';
import { insertTarget } from '../../storage/encode/encode-rows.ts';
import { INSERT_TABLES } from '../../storage/schema/tables.ts';
import { identifier, sql } from '../../storage/sql.ts';
import type { InsertTarget } from '../../storage/store.ts';
import { encodeTracesWithAggregates } from '../../workers/decode-encode.ts';
import { IngestMetrics } from '../ingest-metrics.ts';
import { IngestPipeline } from '../ingest-pipeline.ts';
import { SpanMetricsStage, type SpanMetricsCaps } from './span-metrics-stage.ts';

const PIPELINE_OPTIONS = { batchMaxRows: 10_000, batchMinRows: 10_000, batchMaxAgeMs: 50, aggregateBatchMaxAgeMs: 50, maxPendingBytes: 64_000_000, retryAfterSeconds: 1 };
const REQUESTS = 3;
const TRACES_PER_REQUEST = 8;
/** Every third frontend request fails. */
const isFailing = (trace: number): boolean => trace % 3 === 0;

function strings(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

function resourceOf(service: string, instance: string, host: string): ResourceInfo {
  const attributes = strings({ 'service.name': service, 'service.instance.id': instance, 'host.name': host, 'deployment.environment.name': 'production' });
  return { attributes, droppedAttributesCount: 0, schemaUrl: '' };
}

const frontend = resourceOf('frontend', 'fe-1', 'vm-1');
const checkout = resourceOf('checkout', 'co-1', 'vm-2');

let nextId = 1;
function hexId(bytes: number): string {
  return (nextId++).toString(16).padStart(bytes * 2, '0');
}

/**
 * One trace across two services in one request: frontend `GET /users/<n>` (no route) → client call
 * to checkout → checkout server span (route) → a database query, which fails with an exception in
 * failing traces.
 */
function traceSpans(trace: number): SpanRow[] {
  const traceId = idBytes(hexId(16));
  const start = BASE_TIME_NS + BigInt(trace) * 1_000_000n;
  const status = isFailing(trace) ? StatusCode.ERROR : StatusCode.UNSET;
  const make = (parent: SpanRow | undefined, resource: ResourceInfo, overrides: Partial<SpanRow>): SpanRow =>
    sampleSpan({ traceId, spanId: idBytes(hexId(8)), parentSpanId: parent?.spanId ?? new Uint8Array(0), resource, startTimeUnixNano: start, endTimeUnixNano: start + 40_000_000n, ...overrides });
  const root = make(undefined, frontend, { name: `GET /users/${1000 + trace}`, kind: SpanKind.SERVER, statusCode: status, attributes: strings({ 'http.request.method': 'GET' }) });
  const client = make(root, frontend, {
    name: 'POST',
    kind: SpanKind.CLIENT,
    statusCode: status,
    attributes: strings({ 'http.request.method': 'POST', 'server.address': 'checkout', 'url.full': 'http://checkout:8080/orders' }),
    endTimeUnixNano: start + 30_000_000n,
  });
  const server = make(client, checkout, { name: 'POST', kind: SpanKind.SERVER, statusCode: status, attributes: strings({ 'http.method': 'POST', 'http.route': '/orders' }) });
  const exception = { name: 'exception', timeUnixNano: start + 5_000_000n, droppedAttributesCount: 0, attributes: strings({ 'exception.type': 'DeadlockError', 'exception.message': `deadlock on row ${trace}` }) };
  const query = make(server, checkout, {
    name: 'INSERT shop.orders',
    kind: SpanKind.CLIENT,
    statusCode: status,
    attributes: strings({ 'db.system': 'postgresql', 'db.name': 'shop', 'db.statement': 'INSERT INTO orders VALUES ($1)' }),
    events: isFailing(trace) ? [exception] : [],
    endTimeUnixNano: start + 10_000_000n,
  });
  const connect = make(server, checkout, { name: 'pg-pool.connect', kind: SpanKind.CLIENT, attributes: strings({ 'db.system': 'postgresql' }) });
  return [root, client, server, query, connect];
}

interface Totals {
  calls: number;
  errors: number;
}

function numbers<Row extends Record<string, string | number>>(rows: Row[]): Record<string, Totals> {
  return Object.fromEntries(rows.map((row) => [String(row.k), { calls: Number(row.calls), errors: Number(row.errors) }]));
}

describe('span metrics through the ingest pipeline', () => {
  let temp: TempStore;
  const targets = (): Map<string, InsertTarget> => new Map(INSERT_TABLES.map((table) => [table.name, insertTarget(table)]));
  const caps: SpanMetricsCaps = { maxServices: 16, maxOperationsPerService: 16, capWindowSeconds: 60 };

  async function ingest(stage: SpanMetricsStage, requests: SpanRow[][]): Promise<void> {
    const pipeline = new IngestPipeline(temp.store, targets(), PIPELINE_OPTIONS, new IngestMetrics(new Registry()), undefined, (batch) =>
      batch.spanMetrics === undefined ? [] : stage.chunksFor(batch.spanMetrics),
    );
    await Promise.all(requests.map((rows) => pipeline.admit(1000).commit(encodeTracesWithAggregates({ rows, rejected: 0, rejectionMessage: '' }, { normalizeSpanNames: true }))));
    await pipeline.close();
  }

  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('stores exact RED aggregates, their hourly rollup, dependencies, exceptions and instances with the spans', async () => {
    const requests = Array.from({ length: REQUESTS }, (_, request) =>
      Array.from({ length: TRACES_PER_REQUEST }, (_, index) => traceSpans(request * TRACES_PER_REQUEST + index)).flat(),
    );
    await ingest(new SpanMetricsStage(caps, new Registry()), requests);

    const traces = REQUESTS * TRACES_PER_REQUEST;
    const failing = Array.from({ length: traces }, (_, trace) => trace).filter(isFailing).length;
    const expected = {
      'checkout|INSERT shop.orders|0': { calls: traces, errors: failing },
      'checkout|POST /orders|1': { calls: traces, errors: failing },
      'checkout|pg-pool.connect|0': { calls: traces, errors: 0 },
      'frontend|GET /users/{id}|1': { calls: traces, errors: failing },
      'frontend|POST|0': { calls: traces, errors: failing },
    };
    const totalsOf = async (table: 'apm_span_metrics_1m' | 'apm_span_metrics_1h'): Promise<Record<string, Totals>> =>
      numbers(
        await temp.store.query<{ k: string; calls: string; errors: string }>(sql`
          SELECT concat(service_name, '|', operation, '|', toString(is_entry)) AS k, sum(calls) AS calls, sum(errors) AS errors
          FROM ${identifier(table)} WHERE deployment_environment = 'production' GROUP BY k ORDER BY k`),
      );
    assert.deepEqual(await totalsOf('apm_span_metrics_1m'), expected);
    assert.deepEqual(await totalsOf('apm_span_metrics_1h'), expected);

    const dependencies = numbers(
      await temp.store.query<{ k: string; calls: string; errors: string }>(sql`
        SELECT concat(service_name, '|', dependency_type, '|', system, '|', target, '|', operation) AS k, sum(calls) AS calls, sum(errors) AS errors
        FROM apm_dependency_metrics_1m GROUP BY k ORDER BY k`),
    );
    assert.deepEqual(dependencies, {
      'checkout|db|postgresql|shop|INSERT': { calls: traces, errors: failing },
      'frontend|external|http|checkout|POST': { calls: traces, errors: failing },
    });

    const exceptions = await temp.store.query<{ service_name: string; exception_type: string; message_pattern: string; c: string }>(sql`
      SELECT service_name, exception_type, message_pattern, count() AS c FROM apm_exceptions GROUP BY ALL`);
    assert.deepEqual(exceptions, [{ service_name: 'checkout', exception_type: 'DeadlockError', message_pattern: 'deadlock on row {num}', c: String(failing) }]);

    const instances = await temp.store.query<{ service_name: string; instance_id: string; host_name: string; spans: string }>(sql`
      SELECT service_name, instance_id, host_name, sum(spans) AS spans FROM apm_service_instances_1h
      WHERE deployment_environment = 'production' GROUP BY ALL ORDER BY service_name`);
    assert.deepEqual(instances, [
      { service_name: 'checkout', instance_id: 'co-1', host_name: 'vm-2', spans: String(traces * 3) },
      { service_name: 'frontend', instance_id: 'fe-1', host_name: 'vm-1', spans: String(traces * 2) },
    ]);
  });

  it('aggregates operations past the cap under the overflow name; raw spans keep their names', async () => {
    const operations = 10;
    const cap = 3;
    const registry = new Registry();
    const worker = resourceOf('batch-worker', 'bw-1', 'vm-3');
    const spans = Array.from({ length: operations }, (_, index) =>
      sampleSpan({ traceId: idBytes(hexId(16)), spanId: idBytes(hexId(8)), name: `job-${index}`, kind: SpanKind.INTERNAL, attributes: [], resource: worker }),
    );
    await ingest(new SpanMetricsStage({ ...caps, maxOperationsPerService: cap }, registry), [spans]);

    const rows = await temp.store.query<{ operation: string; calls: string }>(sql`
      SELECT operation, sum(calls) AS calls FROM apm_span_metrics_1m WHERE service_name = 'batch-worker' GROUP BY operation ORDER BY operation`);
    assert.deepEqual(rows, [
      { operation: APM_OVERFLOW_NAME, calls: String(operations - cap) },
      { operation: 'job-0', calls: '1' },
      { operation: 'job-1', calls: '1' },
      { operation: 'job-2', calls: '1' },
    ]);
    const counted = await registry.getSingleMetric('sightline_apm_overflow_spans_total')?.get();
    assert.deepEqual(counted?.values.map(({ labels, value }) => ({ ...labels, value })), [{ dimension: 'operation', service: 'batch-worker', value: operations - cap }]);
    const raw = await temp.store.query<{ c: string }>(sql`SELECT uniqExact(name) AS c FROM spans WHERE service_name = 'batch-worker'`);
    assert.equal(Number(raw[0]?.c), operations);
  });
});
