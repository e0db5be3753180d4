/**
 * Spans made by the real SDK for the end-to-end trace tests: one trace with every span kind, a
 * remote parent carrying a trace state, every attribute type, events (one from recordException),
 * links (one into a second trace), every status, and drops forced by span limits.
 */
import { randomBytes } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes, type Link } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** One attribute of every value type the SDK accepts on a span. */
export const EVERY_ATTRIBUTE_TYPE: Attributes = {
  'http.request.method': 'POST',
  'http.route': '/checkout',
  'http.response.status_code': 502,
  'url.full': 'https://shop.example.com/checkout?cart=42 — ünïcødé ✓ "quoted" \\ back',
  'empty.string': '',
  'negative.int': -42,
  'big.int': 2 ** 60,
  'ratio': 0.125,
  'tiny.double': -1.5e-300,
  'cache.hit': false,
  'retry': true,
  'tags': ['blue', 'green', ''],
  'ports': [80, 443, -1],
  'weights': [0.5, 1.25],
  'mixed.numbers': [1, 2.5],
  'flags': [true, false],
  'with.holes': ['a', null, 'c'],
};

/** Span limits small enough that the scenario drops attributes, events, links and their attributes. */
export const SPAN_LIMITS = {
  attributeCountLimit: Object.keys(EVERY_ATTRIBUTE_TYPE).length + 1,
  eventCountLimit: 3,
  linkCountLimit: 2,
  attributePerEventCountLimit: 3,
  attributePerLinkCountLimit: 2,
};

export interface TraceScenario {
  readonly service: string;
  /** Every span made, in the order they ended. */
  readonly spans: ReadableSpan[];
  readonly traceId: string;
  /** A second trace (one consumer span) that the main trace's root links to. */
  readonly linkedTraceId: string;
  /** The trace state every span of the main trace carries (inherited from the remote parent). */
  readonly traceState: string;
}

function hexId(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * Doubles JSON cannot carry. The SDK's OTLP/JSON serializer writes them as `null` (JSON.stringify),
 * so only the binary transports can send them.
 */
export const NON_FINITE_ATTRIBUTES: Attributes = {
  'not.a.number': Number.NaN,
  'positive.infinity': Number.POSITIVE_INFINITY,
  'negative.infinity': Number.NEGATIVE_INFINITY,
  'doubles.with.nan': [Number.NaN, 1.5, Number.NEGATIVE_INFINITY],
};

export function buildTraceScenario(service: string, options: { readonly nonFiniteDoubles?: boolean } = {}): TraceScenario {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(
      { 'service.name': service, 'service.version': '2.3.1', 'deployment.environment.name': 'e2e', 'host.cores': 8, 'host.canary': true, 'sample.ratio': 0.25, 'zones': ['eu-1a', 'eu-1b'] },
      { schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' },
    ),
    spanLimits: SPAN_LIMITS,
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('@shop/checkout-instrumentation', '4.5.6', { schemaUrl: 'https://opentelemetry.io/schemas/1.21.0' });

  const linked = tracer.startSpan('poll orders', { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'kafka' } }, ROOT_CONTEXT);
  linked.end();

  const traceState = new TraceState('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
  const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: hexId(16),
    spanId: hexId(8),
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
    traceState,
  });
  // The SDK keeps the newest links past the limit: the first one is dropped.
  const links: Link[] = [
    { context: { traceId: hexId(16), spanId: hexId(8), traceFlags: TraceFlags.NONE }, attributes: { 'dropped.link': true } },
    { context: linked.spanContext(), attributes: { 'link.kind': 'follows', 'link.n': 3, 'link.over.limit': 1.5 } },
    { context: { traceId: hexId(16), spanId: hexId(8), traceFlags: TraceFlags.SAMPLED, isRemote: true, traceState: new TraceState('vendor=xyz') } },
  ];
  const root = tracer.startSpan('POST /checkout', { kind: SpanKind.SERVER, attributes: EVERY_ATTRIBUTE_TYPE, links }, remoteParent);
  root.setAttribute('late.attribute', 'kept');
  root.setAttribute('over.limit.1', 'dropped');
  root.setAttribute('over.limit.2', 7);
  root.addEvent('dropped as oldest');
  root.addEvent('cart.loaded', { 'cart.items': 3, 'cart.total': 99.95, 'cart.currency': 'EUR', 'cart.over.limit': true });
  root.addEvent('inventory.checked', { 'sku': ['a-1', 'b-2'] }, [Math.floor(Date.now() / 1000), 123_456_789]);
  root.recordException(new Error('payment declined: "card" \\ expired'));

  const inRoot = trace.setSpan(ROOT_CONTEXT, root);
  // Explicit times with nanosecond digits (the SDK's own clock gives what the platform has).
  const second = Math.floor(Date.now() / 1000);
  const validate = tracer.startSpan('validate cart', { startTime: [second, 987_654_321], attributes: options.nonFiniteDoubles === true ? NON_FINITE_ATTRIBUTES : {} }, inRoot);
  validate.setStatus({ code: SpanStatusCode.OK });
  validate.end([second + 1, 1]);
  const query = tracer.startSpan('SELECT orders', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.query.text': "SELECT * FROM orders WHERE id = $1 AND note = 'x'" } }, inRoot);
  query.setStatus({ code: SpanStatusCode.ERROR, message: 'deadlock detected' });
  query.end();
  const publish = tracer.startSpan('publish order.created', { kind: SpanKind.PRODUCER }, inRoot);
  const consume = tracer.startSpan('process order.created', { kind: SpanKind.CONSUMER, attributes: { 'messaging.batch.message_count': 1 } }, trace.setSpan(ROOT_CONTEXT, publish));
  consume.end();
  publish.end();
  root.setStatus({ code: SpanStatusCode.ERROR, message: 'payment declined' });
  root.end();

  return {
    service,
    spans: memory.getFinishedSpans(),
    traceId: root.spanContext().traceId,
    linkedTraceId: linked.spanContext().traceId,
    traceState: traceState.serialize(),
  };
}
