/**
 * OTLP trace decode throughput: bytes → SpanRow[] on one thread, for protobuf and for JSON.
 * Run from the repo root: node --import tsx bench/decode.ts
 *
 * The request is built by the real OpenTelemetry JS SDK and serializers: 1,000 spans in 100
 * traces (an HTTP server span, its handler, a cache call, database calls, an outgoing HTTP call),
 * about 10 attributes per span and a realistic resource.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Span, Tracer } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { decodeTracesJson } from '../packages/server/src/receivers/otlp/decode/json-traces.ts';
import { decodeTracesProtobuf } from '../packages/server/src/receivers/otlp/decode/protobuf-traces.ts';

const TRACES = 100;
const ROUND_MS = 1_000;
const ROUNDS = 5;

function buildSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'checkout',
      'service.version': '2.14.3',
      'service.namespace': 'shop',
      'deployment.environment.name': 'production',
      'host.name': 'ip-10-0-12-34.eu-west-1.compute.internal',
      'host.arch': 'amd64',
      'process.pid': 4711,
      'process.runtime.name': 'nodejs',
      'process.runtime.version': '20.19.0',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.version': '2.12.1',
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const http = provider.getTracer('@opentelemetry/instrumentation-http', '0.203.0');
  const pg = provider.getTracer('@opentelemetry/instrumentation-pg', '0.55.0');
  const redis = provider.getTracer('@opentelemetry/instrumentation-ioredis', '0.51.0');
  let t = 1_700_000_000;
  const child = (tracer: Tracer, parent: Span, name: string, kind: SpanKind, attributes: Attributes): void => {
    const span = tracer.startSpan(name, { kind, attributes, startTime: [t, 1_000_000] }, trace.setSpan(ROOT_CONTEXT, parent));
    span.end([t, 4_500_000]);
  };
  for (let i = 0; i < TRACES; i++) {
    t += 1;
    const orderId = 100_000 + i;
    const server = http.startSpan('POST /api/orders', {
      kind: SpanKind.SERVER,
      startTime: [t, 0],
      attributes: {
        'http.request.method': 'POST', 'http.route': '/api/orders', 'url.path': '/api/orders', 'url.scheme': 'https',
        'http.response.status_code': i % 17 === 0 ? 500 : 201, 'server.address': 'checkout.shop.internal', 'server.port': 8443,
        'client.address': `10.0.${i % 256}.17`, 'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0',
        'network.protocol.version': '1.1',
      },
    });
    child(http, server, 'middleware - auth', SpanKind.INTERNAL, {
      'code.function.name': 'authenticate', 'code.file.path': '/app/src/middleware/auth.js', 'code.line.number': 42,
      'enduser.id': `user-${i}`, 'auth.method': 'jwt', 'auth.cached': i % 3 === 0, 'tenant.id': 'acme', 'session.age_s': 1234.5,
      'http.route': '/api/orders', 'feature.flags': ['new-cart', 'fast-pay'],
    });
    child(redis, server, 'GET', SpanKind.CLIENT, {
      'db.system.name': 'redis', 'db.operation.name': 'GET', 'db.query.text': `GET cart:${orderId}`, 'db.namespace': '0',
      'server.address': 'redis-master.cache.svc', 'server.port': 6379, 'network.peer.address': '10.0.4.9',
      'network.peer.port': 6379, 'db.response.returned_rows': 1, 'cache.hit': true,
    });
    for (const [op, table] of [['SELECT', 'carts'], ['SELECT', 'products'], ['INSERT', 'orders'], ['INSERT', 'order_items'], ['UPDATE', 'inventory']] as const) {
      child(pg, server, `${op} shop.${table}`, SpanKind.CLIENT, {
        'db.system.name': 'postgresql', 'db.namespace': 'shop', 'db.operation.name': op, 'db.collection.name': table,
        'db.query.text': `${op} ${op === 'SELECT' ? '* FROM' : 'INTO'} ${table} WHERE id = $1`, 'server.address': 'pg-primary.db.svc',
        'server.port': 5432, 'network.peer.address': '10.0.3.21', 'db.response.returned_rows': 3, 'db.client.connection.pool.name': 'main',
      });
    }
    child(http, server, 'POST', SpanKind.CLIENT, {
      'http.request.method': 'POST', 'url.full': 'https://payments.shop.internal/v2/charges', 'server.address': 'payments.shop.internal',
      'server.port': 443, 'http.response.status_code': 200, 'network.protocol.version': '2', 'http.request.body.size': 512,
      'http.response.body.size': 230, 'payment.provider': 'stripe', 'payment.amount': 99.95,
    });
    child(http, server, 'order.created publish', SpanKind.PRODUCER, {
      'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.destination.name': 'orders',
      'messaging.kafka.message.key': `order-${orderId}`, 'messaging.message.body.size': 780, 'messaging.kafka.destination.partition': i % 12,
      'server.address': 'kafka-0.kafka.svc', 'server.port': 9092, 'messaging.client.id': 'checkout-1', 'order.id': orderId,
    });
    if (i % 17 === 0) {
      server.addEvent('exception', { 'exception.type': 'PaymentError', 'exception.message': 'card declined' });
      server.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
    }
    server.end([t, 250_000_000]);
  }
  return exporter.getFinishedSpans();
}

/** Median spans per second over several timed rounds, after a warm-up. */
function measure(decode: (bytes: Uint8Array) => { rows: unknown[] }, bytes: Uint8Array, spans: number): number {
  for (let i = 0; i < 200; i++) decode(bytes);
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let iterations = 0;
    const start = process.hrtime.bigint();
    let elapsedMs = 0;
    while (elapsedMs < ROUND_MS) {
      if (decode(bytes).rows.length !== spans) throw new Error('decoder lost spans');
      iterations++;
      elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    }
    rates.push((iterations * spans) / (elapsedMs / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

const spans = buildSpans();
const protobuf = ProtobufTraceSerializer.serializeRequest(spans)!;
const json = JsonTraceSerializer.serializeRequest(spans)!;
const format = (n: number): string => `${Math.round(n).toLocaleString('en-US')} spans/s`;

console.log(`request: ${spans.length} spans; protobuf ${protobuf.length} bytes (${Math.round(protobuf.length / spans.length)} B/span), JSON ${json.length} bytes`);
const protobufRate = measure(decodeTracesProtobuf, protobuf, spans.length);
console.log(`protobuf decode to rows: ${format(protobufRate)}`);
const jsonRate = measure(decodeTracesJson, json, spans.length);
console.log(`JSON decode to rows:     ${format(jsonRate)}`);
console.log(`ratio protobuf/JSON:     ${(protobufRate / jsonRate).toFixed(2)}x`);
console.log(`target protobuf ≥ 150,000 spans/s: ${protobufRate >= 150_000 ? 'met' : 'NOT met'}`);
