/**
 * The OpenTelemetry SDK as an application would set it up for amqplib: a tracer provider with a
 * batching OTLP exporter, the W3C trace-context propagator (the instrumentation carries the
 * publish span's context to the consumer in the message headers) and `AmqplibInstrumentation`
 * registered before amqplib is loaded. A second, in-memory exporter keeps what the SDK exported,
 * so a test can compare Sightline's answers with the very spans it was sent.
 */
import { propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AmqplibInstrumentation, type AmqplibInstrumentationConfig } from '@opentelemetry/instrumentation-amqplib';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
// Types only (erased): the module itself is loaded below, once the instrumentation is registered.
import type * as AmqplibModule from 'amqplib';

export type Amqplib = typeof AmqplibModule;

export interface AmqpTracing {
  /** amqplib, loaded after the instrumentation hooked module loading. */
  readonly amqp: Amqplib;
  readonly instrumentation: AmqplibInstrumentation;
  /** Sends everything still batched through the OTLP exporter; resolves once it was answered. */
  flush(): Promise<void>;
  /** The spans ended so far, as the SDK exported them. */
  finishedSpans(): ReadableSpan[];
  /** Flushes, then unhooks amqplib and drops the global propagator. */
  stop(): Promise<void>;
}

export async function startAmqpTracing(
  service: string,
  exporter: SpanExporter,
  config: AmqplibInstrumentationConfig = {},
): Promise<AmqpTracing> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(exporter), new SimpleSpanProcessor(memory)],
  });
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // Enabled on construction: from here on, requiring amqplib's modules loads patched versions.
  const instrumentation = new AmqplibInstrumentation(config);
  instrumentation.setTracerProvider(provider);
  const amqp: Amqplib = await import('amqplib');
  let stopped = false;
  return {
    amqp,
    instrumentation,
    flush: () => provider.forceFlush(),
    finishedSpans: () => memory.getFinishedSpans(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await provider.shutdown();
      instrumentation.disable();
      propagation.disable();
    },
  };
}
