/**
 * Spans with known durations and errors for the dependency views, made by the real OpenTelemetry SDK
 * with explicit times: a web service calling an orders service over HTTP (half the calls described
 * with the current semantic conventions, half with the older names) and an external payment API;
 * orders querying PostgreSQL (again both conventions, plus connection-pool spans that are not
 * queries) and publishing to Kafka; a shipping service consuming the messages.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes, type Context, type HrTime } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { seededRandom } from './apm-metric-rows.ts';

export const WEB = 'dg-web';
export const ORDERS = 'dg-orders';
export const SHIPPING = 'dg-shipping';
export const MINUTES = 12;
const REQUESTS = 120;
const NS_PER_S = 1_000_000_000n;

/** What the dependency views are checked against: the calls of each kind, with their outcome. */
export interface SentCall {
  readonly service: string;
  readonly kind: 'http-orders' | 'http-payments' | 'db' | 'publish' | 'consume';
  readonly durationMs: number;
  readonly error: boolean;
}

export interface DependencyScenario {
  readonly calls: SentCall[];
  readonly byService: ReadonlyMap<string, ReadableSpan[]>;
  readonly startS: number;
  readonly endS: number;
}

const hr = (ns: bigint): HrTime => [Number(ns / NS_PER_S), Number(ns % NS_PER_S)];

class Tracer {
  readonly memory = new InMemorySpanExporter();
  private readonly tracer;

  constructor(readonly service: string) {
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      spanProcessors: [new SimpleSpanProcessor(this.memory)],
    });
    this.tracer = provider.getTracer('apm-dependency-scenario');
  }

  /** A finished span; returns its context as a child would see it, and as a remote service would. */
  span(name: string, kind: SpanKind, startNs: bigint, durationNs: bigint, parent: Context, attributes: Attributes, error = false) {
    const span = this.tracer.startSpan(name, { kind, startTime: hr(startNs), attributes }, parent);
    if (error) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(hr(startNs + durationNs));
    return {
      local: trace.setSpan(ROOT_CONTEXT, span),
      remote: trace.setSpanContext(ROOT_CONTEXT, { ...span.spanContext(), isRemote: true, traceFlags: TraceFlags.SAMPLED }),
    };
  }
}

export function buildDependencyScenario(startS: number): DependencyScenario {
  const random = seededRandom(23);
  const ms = (min: number, max: number): bigint => BigInt(Math.round((min + random() * (max - min)) * 1000)) * 1000n;
  const calls: SentCall[] = [];
  const record = (service: string, kind: SentCall['kind'], duration: bigint, error: boolean): void => {
    calls.push({ service, kind, durationMs: Number(duration) / 1e6, error });
  };
  const web = new Tracer(WEB);
  const orders = new Tracer(ORDERS);
  const shipping = new Tracer(SHIPPING);

  for (let i = 0; i < REQUESTS; i++) {
    const current = i % 2 === 0;
    const start = BigInt(startS + (i % MINUTES) * 60 + (i % 40)) * NS_PER_S + BigInt(i) * 1000n;
    const root = web.span('GET /checkout', SpanKind.SERVER, start, 900_000_000n, ROOT_CONTEXT, { 'http.request.method': 'GET' });

    const callDuration = ms(20, 400);
    const callError = i % 9 === 0;
    const httpAttributes: Attributes = current
      ? { 'http.request.method': 'POST', 'server.address': 'orders.internal', 'server.port': 8080, 'url.full': 'http://orders.internal:8080/orders' }
      : { 'http.method': 'POST', 'net.peer.name': 'orders.internal', 'net.peer.port': 8080, 'http.url': 'http://orders.internal:8080/orders' };
    const call = web.span('POST', SpanKind.CLIENT, start + 1_000_000n, callDuration, root.local, httpAttributes, callError);
    record(WEB, 'http-orders', callDuration, callError);

    const payDuration = ms(50, 700);
    const payError = i % 6 === 0;
    web.span('GET', SpanKind.CLIENT, start + 500_000_000n, payDuration, root.local, { 'http.request.method': 'GET', 'server.address': 'api.payments.test', 'server.port': 443 }, payError);
    record(WEB, 'http-payments', payDuration, payError);

    const server = orders.span('POST /orders', SpanKind.SERVER, start + 2_000_000n, callDuration - 2_000_000n, call.remote, { 'http.request.method': 'POST', 'http.route': '/orders' }, callError);
    orders.span('pg-pool.connect', SpanKind.INTERNAL, start + 2_100_000n, 300_000n, server.local, { 'db.system': 'postgresql' });
    const dbDuration = ms(1, 40);
    const dbError = i % 10 === 0;
    const dbAttributes: Attributes = current
      ? { 'db.system.name': 'postgresql', 'db.namespace': 'shop', 'db.operation.name': 'SELECT', 'db.query.text': `SELECT * FROM orders WHERE id = ${i}` }
      : { 'db.system': 'postgresql', 'db.name': 'shop', 'db.operation': 'SELECT', 'db.statement': `SELECT * FROM orders WHERE id = ${i}` };
    orders.span('SELECT shop.orders', SpanKind.CLIENT, start + 2_500_000n, dbDuration, server.local, dbAttributes, dbError);
    record(ORDERS, 'db', dbDuration, dbError);

    if (i % 3 === 0) {
      const publishDuration = ms(1, 20);
      const message = orders.span('orders publish', SpanKind.PRODUCER, start + 3_000_000n, publishDuration, server.local, {
        'messaging.system': 'kafka',
        'messaging.destination.name': 'orders',
        'messaging.operation.type': 'publish',
      });
      record(ORDERS, 'publish', publishDuration, false);
      const consumeDuration = ms(5, 200);
      const consumeError = i % 4 === 0;
      shipping.span('orders process', SpanKind.CONSUMER, start + 50_000_000n, consumeDuration, message.remote, {
        'messaging.system': 'kafka',
        'messaging.destination.name': 'orders',
        'messaging.operation.type': 'process',
      }, consumeError);
      record(SHIPPING, 'consume', consumeDuration, consumeError);
    }
  }
  const byService = new Map([web, orders, shipping].map((t) => [t.service, t.memory.getFinishedSpans()]));
  return { calls, byService, startS, endS: startS + MINUTES * 60 };
}
