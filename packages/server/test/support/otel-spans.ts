import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';

/** Spans made by the real SDK: one trace of `count` spans (a root and its children). */
export function makeTrace(service: string, count: number, name = 'GET /orders'): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('sightline-tests', '1.0.0');
  const root = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'GET' } });
  const parent = trace.setSpan(context.active(), root);
  for (let i = 1; i < count; i++) {
    const child = tracer.startSpan(`child ${i}`, { kind: SpanKind.INTERNAL, attributes: { index: i } }, parent);
    if (i % 7 === 0) child.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    child.end();
  }
  root.end();
  return exporter.getFinishedSpans();
}

export function traceIdOf(spans: readonly ReadableSpan[]): string {
  return spans[0]!.spanContext().traceId;
}

/** Exports through a real OTLP exporter and resolves with its result. */
export function exportSpans(exporter: SpanExporter, spans: ReadableSpan[]): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(spans, resolve));
}

export function isSuccess(result: ExportResult): boolean {
  return result.code === ExportResultCode.SUCCESS;
}
