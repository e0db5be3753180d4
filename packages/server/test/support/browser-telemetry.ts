/**
 * Telemetry for the browser UI test, made by the real OpenTelemetry SDK and sent through the real
 * OTLP HTTP/protobuf exporters: a small two-service trace with logs in its span context, and one
 * 10,000-span trace.
 */
import { randomBytes } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, trace, type Span as ApiSpan, type Tracer } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { exportSpans } from './otel-spans.ts';

export interface Ports {
  readonly http: number;
}

/**
 * Forwards to a real exporter and remembers every export, so a test can wait for the
 * SimpleLogRecordProcessor's exports (its forceFlush does not wait for them) and check the results.
 */
class TrackingLogExporter implements LogRecordExporter {
  private readonly pending = new Set<Promise<ExportResult>>();
  readonly results: ExportResult[] = [];

  constructor(private readonly inner: LogRecordExporter) {}

  export(logs: ReadableLogRecord[], resultCallback: (result: ExportResult) => void): void {
    const done = new Promise<ExportResult>((resolve) =>
      this.inner.export(logs, (result) => {
        this.results.push(result);
        resolve(result);
        resultCallback(result);
      }),
    );
    this.pending.add(done);
    void done.then(() => this.pending.delete(done));
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    const failed = this.results.filter((r) => r.code !== ExportResultCode.SUCCESS);
    if (failed.length > 0) throw new Error(`log export failed: ${failed.map((r) => String(r.error)).join('; ')}`);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

/** A LoggerProvider for one service that sends each record at once through OTLP HTTP/protobuf. */
export class ProtoLogSender {
  private readonly tracking: TrackingLogExporter;
  private readonly provider: LoggerProvider;

  constructor(ports: Ports, service: string) {
    this.tracking = new TrackingLogExporter(new OTLPLogExporter({ url: `http://127.0.0.1:${ports.http}/v1/logs` }));
    this.provider = new LoggerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      processors: [new SimpleLogRecordProcessor({ exporter: this.tracking })],
    });
  }

  /** Emits a record, inside `span`'s context when given, and waits until the server acknowledged it. */
  async send(body: string, severityNumber: SeverityNumber, span?: ApiSpan): Promise<void> {
    this.provider.getLogger('sightline-ui-test', '1.0.0').emit({
      body,
      severityNumber,
      severityText: SeverityNumber[severityNumber],
      ...(span === undefined ? {} : { context: trace.setSpan(ROOT_CONTEXT, span) }),
    });
    await this.tracking.drain();
  }

  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}

function tracerFor(service: string, memory: InMemorySpanExporter): Tracer {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  return provider.getTracer('sightline-ui-test', '1.0.0');
}

async function exportAll(ports: Ports, spans: ReadableSpan[], chunk: number): Promise<void> {
  const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${ports.http}/v1/traces` });
  try {
    for (let i = 0; i < spans.length; i += chunk) {
      const result = await exportSpans(exporter, spans.slice(i, i + chunk));
      if (result.code !== ExportResultCode.SUCCESS) throw new Error(`trace export failed: ${String(result.error)}`);
    }
  } finally {
    await exporter.shutdown();
  }
}

export interface OrderScenario {
  readonly tag: string;
  readonly frontend: string;
  readonly backend: string;
  readonly rootName: string;
  readonly traceId: string;
  readonly spanCount: number;
  /** The span carrying `order.id`. */
  readonly chargeSpanName: string;
  readonly chargeSpanId: string;
  readonly orderId: string;
  /** A word that occurs in the body of every log of the trace, and nowhere else. */
  readonly logWord: string;
  readonly logBodies: readonly string[];
}

/** A 6-span trace over two services (root `checkout <tag>`), and three logs emitted inside its spans. */
export async function sendOrderScenario(ports: Ports): Promise<OrderScenario> {
  const tag = randomBytes(3).toString('hex');
  const frontend = `ui-shop-web-${tag}`;
  const backend = `ui-payments-${tag}`;
  const rootName = `checkout ${tag}`;
  const orderId = 'A-1234';
  const logWord = `quokka${tag}`;
  const memory = new InMemorySpanExporter();
  const web = tracerFor(frontend, memory);
  const pay = tracerFor(backend, memory);

  const root = web.startSpan(rootName, { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'POST', 'http.route': '/checkout' } });
  const inRoot = trace.setSpan(ROOT_CONTEXT, root);
  const render = web.startSpan('render cart', { kind: SpanKind.INTERNAL }, inRoot);
  render.end();
  const call = web.startSpan('POST /payments', { kind: SpanKind.CLIENT }, inRoot);
  const inCall = trace.setSpan(ROOT_CONTEXT, call);
  const server = pay.startSpan('POST /payments', { kind: SpanKind.SERVER }, inCall);
  const inServer = trace.setSpan(ROOT_CONTEXT, server);
  const chargeSpanName = 'charge card';
  const charge = pay.startSpan(chargeSpanName, { kind: SpanKind.INTERNAL, attributes: { 'order.id': orderId, 'payment.amount': 42 } }, inServer);
  const audit = pay.startSpan('write audit row', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql' } }, inServer);

  const webLogs = new ProtoLogSender(ports, frontend);
  const payLogs = new ProtoLogSender(ports, backend);
  const logBodies = [`cart ready ${logWord} for order ${orderId}`, `charging card ${logWord} amount 42`, `payment captured ${logWord}`];
  try {
    await webLogs.send(logBodies[0]!, SeverityNumber.INFO, root);
    await payLogs.send(logBodies[1]!, SeverityNumber.INFO, charge);
    await payLogs.send(logBodies[2]!, SeverityNumber.WARN, server);
  } finally {
    await webLogs.shutdown();
    await payLogs.shutdown();
  }
  audit.end();
  charge.end();
  server.end();
  call.end();
  root.end();

  const spans = memory.getFinishedSpans();
  await exportAll(ports, spans, 2_000);
  return {
    tag,
    frontend,
    backend,
    rootName,
    traceId: root.spanContext().traceId,
    spanCount: spans.length,
    chargeSpanName,
    chargeSpanId: charge.spanContext().spanId,
    orderId,
    logWord,
    logBodies,
  };
}

export interface BigTrace {
  readonly traceId: string;
  readonly rootName: string;
  readonly spanCount: number;
}

/** One trace of `count` spans (root → groups of 100 → leaves), exported in chunks of at most 2,000. */
export async function sendBigTrace(ports: Ports, count = 10_000): Promise<BigTrace> {
  const tag = randomBytes(3).toString('hex');
  const memory = new InMemorySpanExporter();
  const tracer = tracerFor(`ui-big-${tag}`, memory);
  const rootName = `big batch ${tag}`;
  const root = tracer.startSpan(rootName, { kind: SpanKind.SERVER });
  const inRoot = trace.setSpan(ROOT_CONTEXT, root);
  let made = 1;
  for (let g = 0; made < count; g++) {
    const group = tracer.startSpan(`batch ${g}`, { kind: SpanKind.INTERNAL }, inRoot);
    made++;
    const inGroup = trace.setSpan(ROOT_CONTEXT, group);
    for (let i = 0; i < 99 && made < count; i++, made++) {
      tracer.startSpan(`item ${made}`, { kind: SpanKind.INTERNAL, attributes: { index: made } }, inGroup).end();
    }
    group.end();
  }
  root.end();
  const spans = memory.getFinishedSpans();
  if (spans.length !== count) throw new Error(`built ${spans.length} spans, wanted ${count}`);
  await exportAll(ports, spans, 2_000);
  return { traceId: root.spanContext().traceId, rootName, spanCount: spans.length };
}
