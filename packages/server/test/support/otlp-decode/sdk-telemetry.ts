/**
 * Test support: telemetry produced by the real OpenTelemetry JS SDK (spans, log records, metrics),
 * covering every field and attribute type the SDK can emit.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, ValueType, trace } from '@opentelemetry/api';
import type { Attributes, Link } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { TraceState } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { AggregationTemporality, AggregationType, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

export const TRACE_ID = '5b8efff798038103d269b633813fc60c';
export const REMOTE_PARENT = { traceId: TRACE_ID, spanId: 'eee19b7ec3c1b174', traceFlags: 1, isRemote: true };

/** One attribute of every type the SDK accepts: scalars, homogeneous arrays, arrays with holes. */
export const ALL_ATTRIBUTE_TYPES: Attributes = {
  'http.request.method': 'GET',
  'url.full': 'https://shop.example.com/checkout?cart=42 — ünïcødé ✓',
  'http.response.status_code': 200,
  'negative.int': -42,
  'big.int': 2 ** 60,
  'ratio': 0.125,
  'negative.double': -1.5e-300,
  'cache.hit': false,
  'retry': true,
  'tags': ['blue', 'green', ''],
  'ports': [80, 443],
  'weights': [0.5, 1.25],
  'flags': [true, false],
  'with.holes': ['a', null, 'c', undefined],
  'empty.string': '',
};

const RESOURCE = resourceFromAttributes(
  { 'service.name': 'checkout', 'service.version': '2.3.1', 'host.cores': 8, 'deployment.canary': true, 'sample.ratio': 0.25, 'zones': ['a', 'b'] },
  { schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' },
);
const OTHER_RESOURCE = resourceFromAttributes({ 'service.name': 'inventory' });

/** Spans from two resources and three scopes, with events, links, status, dropped counts and parents. */
export function sdkSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const limits = { attributeCountLimit: 16, eventCountLimit: 2, linkCountLimit: 2 };
  const provider = new BasicTracerProvider({ resource: RESOURCE, spanLimits: limits, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const other = new BasicTracerProvider({ resource: OTHER_RESOURCE, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const http = provider.getTracer('@shop/http', '1.4.2', { schemaUrl: 'https://opentelemetry.io/schemas/1.21.0' });
  const db = provider.getTracer('db-client');
  // The SDK keeps the newest links over the limit: the first one here is dropped.
  const links: Link[] = [
    { context: { traceId: '0af7651916cd43dd8448eb211c80319d', spanId: 'b7ad6b7169203332', traceFlags: 0 } },
    { context: { traceId: '0af7651916cd43dd8448eb211c80319e', spanId: 'b7ad6b7169203333', traceFlags: 0 } },
    {
      context: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1, isRemote: true, traceState: new TraceState('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7') },
      attributes: { 'link.kind': 'follows', 'link.n': 3 },
    },
  ];
  const parent = trace.setSpanContext(ROOT_CONTEXT, { ...REMOTE_PARENT, traceState: new TraceState('vendor=abc') });
  const server = http.startSpan('GET /checkout', {
    kind: SpanKind.SERVER,
    startTime: [1_700_000_000, 123_456_789],
    attributes: { ...ALL_ATTRIBUTE_TYPES, 'extra.1': 1, 'extra.2': 2, 'extra.3': 3 },
    links,
  }, parent);
  server.addEvent('cart.loaded', { 'cart.items': 3, 'cart.total': 99.95 }, [1_700_000_000, 200_000_000]);
  server.addEvent('exception', { 'exception.type': 'Error', 'exception.message': 'payment declined' }, [1_700_000_000, 300_000_001]);
  server.addEvent('dropped-by-limit', {}, [1_700_000_000, 400_000_000]);
  const client = db.startSpan('SELECT orders', {
    kind: SpanKind.CLIENT,
    startTime: [1_700_000_000, 150_000_000],
    attributes: { 'db.system': 'postgresql', 'db.statement': 'SELECT * FROM orders WHERE id = $1' },
  }, trace.setSpan(ROOT_CONTEXT, server));
  client.setStatus({ code: SpanStatusCode.OK });
  client.end([1_700_000_000, 180_000_000]);
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'payment declined' });
  server.end([1_700_000_001, 5]);
  const kinds = [SpanKind.INTERNAL, SpanKind.PRODUCER, SpanKind.CONSUMER];
  for (const kind of kinds) {
    const span = other.getTracer('jobs', '0.1.0').startSpan(`job ${kind}`, { kind, startTime: [1_800_000_000, 1] });
    span.end([1_800_000_000, 2]);
  }
  return exporter.getFinishedSpans();
}

/** Log records whose bodies are every AnyValue kind, with and without trace context. */
export function sdkLogRecords(): ReadableLogRecord[] {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: RESOURCE,
    logRecordLimits: { attributeCountLimit: 3 },
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('@shop/logging', '3.0.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.21.0', attributes: { 'scope.attr': 'x' } });
  const plain = provider.getLogger('plain');
  const traced = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: 'eee19b7ec3c1b174', traceFlags: 1 });
  const bodies: unknown[] = [
    'payment declined for order 42',
    1234,
    -5,
    3.75,
    true,
    { user: { id: 7, roles: ['admin', 'ops'] }, ok: false, raw: new Uint8Array([1, 2, 3]) },
    ['x', 2, 2.5, null, { nested: [[]] }],
    new Uint8Array([0, 255, 128, 7]),
    undefined,
  ];
  bodies.forEach((body, i) => {
    logger.emit({
      timestamp: [1_700_000_000 + i, 999_999_999],
      observedTimestamp: [1_700_000_100 + i, 1],
      severityNumber: SeverityNumber.WARN,
      severityText: 'WARN',
      body: body as string,
      attributes: { 'log.index': i, 'code.function': 'pay', 'order.id': '42', 'dropped.one': 1 },
      context: i % 2 === 0 ? traced : ROOT_CONTEXT,
      ...(i === 0 ? { eventName: 'payment.declined' } : {}),
    });
  });
  plain.emit({ body: 'no severity, no time' });
  return exporter.getFinishedLogRecords();
}

class CollectingReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Metrics of every kind the SDK has: counter, up-down counter, gauge, histogram, exponential histogram. */
export async function sdkMetrics(temporality: 'delta' | 'cumulative'): Promise<ResourceMetrics> {
  const reader = new CollectingReader({
    aggregationTemporalitySelector: () => (temporality === 'delta' ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE),
  });
  const provider = new MeterProvider({
    resource: RESOURCE,
    readers: [reader],
    views: [{ instrumentName: 'rpc.payload.size', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
  });
  const meter = provider.getMeter('@shop/metrics', '1.0.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.21.0' });
  const requests = meter.createCounter('http.server.requests', { description: 'Requests served', unit: '{request}', valueType: ValueType.INT });
  requests.add(3, { 'http.route': '/checkout', 'http.response.status_code': 200 });
  requests.add(1, { 'http.route': '/cart', 'http.response.status_code': 500 });
  const inflight = meter.createUpDownCounter('http.server.active_requests', { valueType: ValueType.INT });
  inflight.add(5);
  inflight.add(-7);
  const temperature = meter.createGauge('cpu.temperature', { unit: 'Cel' });
  temperature.record(71.5, { cpu: 0 });
  const latency = meter.createHistogram('http.server.duration', { unit: 'ms', advice: { explicitBucketBoundaries: [5, 10, 25, 100] } });
  for (const v of [1, 7, 7, 30, 250]) latency.record(v, { 'http.route': '/checkout' });
  const payload = meter.createHistogram('rpc.payload.size', { unit: 'By' });
  for (const v of [0, -3, 12, 1500, 1501, 70_000]) payload.record(v);
  const result = await reader.collect();
  await provider.shutdown();
  return result.resourceMetrics;
}
