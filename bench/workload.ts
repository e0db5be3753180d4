import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ProtobufLogsSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** Realistic OTLP export requests built by the real OpenTelemetry SDK and its protobuf serializer. */

const ROUTES = ['/api/v1/orders/{id}', '/api/v1/cart', '/api/v1/users/{id}/profile', '/checkout', '/api/v1/search', '/healthz'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

function resource(service: string) {
  return resourceFromAttributes({
    'service.name': service,
    'service.version': '2.14.3',
    'service.namespace': 'shop',
    'deployment.environment.name': 'production',
    'host.name': 'app-vm-07.internal',
    'os.type': 'linux',
    'process.pid': 41237,
    'telemetry.sdk.language': 'nodejs',
  });
}

export function buildTraceRequests(requests: number, spansPerRequest: number): Uint8Array[] {
  const bodies: Uint8Array[] = [];
  for (let r = 0; r < requests; r++) {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ resource: resource(`service-${r % 4}`), spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracer = provider.getTracer('@shop/http-instrumentation', '0.52.1');
    let parentContext = context.active();
    for (let i = 0; i < spansPerRequest; i++) {
      if (i % 10 === 0) parentContext = context.active();
      const route = ROUTES[i % ROUTES.length]!;
      const method = METHODS[i % METHODS.length]!;
      const span = tracer.startSpan(
        `${method} ${route}`,
        {
          kind: i % 10 === 0 ? SpanKind.SERVER : SpanKind.CLIENT,
          attributes: {
            'http.request.method': method,
            'http.route': route,
            'url.full': `https://shop.example.internal${route.replace('{id}', String(1000 + i))}?page=${i % 7}`,
            'http.response.status_code': i % 50 === 0 ? 500 : 200,
            'server.address': 'shop.example.internal',
            'server.port': 443,
            'network.protocol.version': '1.1',
            'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)',
            'client.address': `10.1.${i % 255}.${(i * 7) % 255}`,
            'app.tenant_id': `tenant-${i % 37}`,
          },
        },
        parentContext,
      );
      if (i % 50 === 0) span.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream returned 500' });
      span.end();
      if (i % 10 === 0) parentContext = trace.setSpan(context.active(), span);
    }
    bodies.push(ProtobufTraceSerializer.serializeRequest(exporter.getFinishedSpans())!);
  }
  return bodies;
}

export function buildLogRequests(requests: number, recordsPerRequest: number): Uint8Array[] {
  const bodies: Uint8Array[] = [];
  for (let r = 0; r < requests; r++) {
    const exporter = new InMemoryLogRecordExporter();
    const provider = new LoggerProvider({ resource: resource(`service-${r % 4}`), processors: [new SimpleLogRecordProcessor({ exporter })] });
    const logger = provider.getLogger('@shop/logger', '1.4.0');
    for (let i = 0; i < recordsPerRequest; i++) {
      logger.emit({
        severityNumber: i % 20 === 0 ? SeverityNumber.ERROR : SeverityNumber.INFO,
        severityText: i % 20 === 0 ? 'ERROR' : 'INFO',
        body: `order ${100000 + i} processed for tenant-${i % 37} in ${(i % 300) + 3} ms (items=${i % 9}, total=${(i * 13.7).toFixed(2)} EUR)`,
        attributes: {
          'code.function.name': 'processOrder',
          'code.file.path': 'src/orders/process.ts',
          'app.tenant_id': `tenant-${i % 37}`,
          'app.order_id': 100000 + i,
          'thread.name': 'main',
          'log.iostream': 'stdout',
        },
      });
    }
    bodies.push(ProtobufLogsSerializer.serializeRequest(exporter.getFinishedLogRecords())!);
  }
  return bodies;
}
