/**
 * Spans with known durations, errors and kinds for three services, made by the real OpenTelemetry
 * SDK with explicit times: a frontend whose requests call a backend (remote parent, as context
 * propagation gives), and a queue worker. Each sent span is also recorded as plain facts, the
 * ground truth the APM answers are checked against.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Context, type HrTime, type Span, type Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { seededRandom } from './apm-metric-rows.ts';

export interface SentSpan {
  readonly service: string;
  readonly operation: string;
  readonly kind: number;
  /** Start of the minute the span started in, unix seconds. */
  readonly minute: number;
  readonly durationMs: number;
  readonly error: boolean;
}

export interface GroundTruth {
  readonly sent: SentSpan[];
  /** The SDK's spans of each service, to export through one transport each. */
  readonly byService: ReadonlyMap<string, ReadableSpan[]>;
  readonly startS: number;
  readonly endS: number;
}

export const FRONTEND = 'gt-frontend';
export const BACKEND = 'gt-backend';
export const WORKER = 'gt-worker';
export const MINUTES = 20;
const REQUESTS = 240;
const JOBS = 60;
const NS_PER_S = 1_000_000_000n;

/** Durations within 1.5% of T = 500 ms or 4T would make the apdex depend on bucket edges. */
function durationNs(random: () => number, minMs: number, maxMs: number): bigint {
  for (;;) {
    const ms = minMs * (maxMs / minMs) ** random();
    if (Math.abs(ms - 500) > 7.5 && Math.abs(ms - 2000) > 30) return BigInt(Math.round(ms * 1000)) * 1000n;
  }
}

const hr = (ns: bigint): HrTime => [Number(ns / NS_PER_S), Number(ns % NS_PER_S)];

class ServiceTracer {
  readonly memory = new InMemorySpanExporter();
  readonly tracer: Tracer;

  constructor(
    readonly service: string,
    private readonly sent: SentSpan[],
  ) {
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': 'e2e', 'service.instance.id': `${service}-1` }),
      spanProcessors: [new SimpleSpanProcessor(this.memory)],
    });
    this.tracer = provider.getTracer('apm-ground-truth');
  }

  /** Starts a span at `startNs`; `finish` ends it `duration` later with the given outcome and records it. */
  start(name: string, kind: SpanKind, startNs: bigint, parent: Context): { span: Span; finish: (duration: bigint, error: boolean) => void } {
    const span = this.tracer.startSpan(name, { kind, startTime: hr(startNs) }, parent);
    const finish = (duration: bigint, error: boolean): void => {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: `${name} failed` });
      span.end(hr(startNs + duration));
      const minute = Number(startNs / NS_PER_S / 60n) * 60;
      this.sent.push({ service: this.service, operation: name, kind, minute, durationMs: Number(duration) / 1e6, error });
    };
    return { span, finish };
  }
}

/** The scenario over MINUTES whole minutes starting at `startS` (a multiple of 60). */
export function buildGroundTruth(startS: number): GroundTruth {
  const random = seededRandom(7);
  const sent: SentSpan[] = [];
  const frontend = new ServiceTracer(FRONTEND, sent);
  const backend = new ServiceTracer(BACKEND, sent);
  const worker = new ServiceTracer(WORKER, sent);

  for (let i = 0; i < REQUESTS; i++) {
    const rootStart = (BigInt(startS + (i % MINUTES) * 60 + ((i * 7) % 50)) * NS_PER_S) + BigInt(i * 1000);
    const rootDuration = durationNs(random, 4, 1500);
    const root = frontend.start('GET /home', SpanKind.SERVER, rootStart, ROOT_CONTEXT);
    const inRoot = trace.setSpan(ROOT_CONTEXT, root.span);
    frontend.start('render page', SpanKind.INTERNAL, rootStart + 1000n, inRoot).finish(rootDuration / 4n, false);
    const callStart = rootStart + rootDuration / 2n;
    const callDuration = rootDuration / 3n;
    const call = frontend.start('call backend', SpanKind.CLIENT, callStart, inRoot);
    // What the backend gets from context propagation: a remote parent.
    const propagated = trace.setSpanContext(ROOT_CONTEXT, { ...call.span.spanContext(), isRemote: true, traceFlags: TraceFlags.SAMPLED });
    const serverDuration = (callDuration * 9n) / 10n;
    const server = backend.start('POST /api/orders', SpanKind.SERVER, callStart + 100_000n, propagated);
    backend.start('SELECT orders', SpanKind.CLIENT, callStart + 200_000n, trace.setSpan(ROOT_CONTEXT, server.span)).finish(serverDuration / 2n, i % 13 === 0);
    server.finish(serverDuration, i % 11 === 0);
    call.finish(callDuration, i % 11 === 0);
    root.finish(rootDuration, i % 7 === 0);
  }
  for (let j = 0; j < JOBS; j++) {
    const start = BigInt(startS + ((j * 4) % MINUTES) * 60 + 30) * NS_PER_S + BigInt(j);
    worker.start('process order', SpanKind.CONSUMER, start, ROOT_CONTEXT).finish(durationNs(random, 50, 3000), j % 5 === 0);
  }
  const byService = new Map([frontend, backend, worker].map((t) => [t.service, t.memory.getFinishedSpans()]));
  return { sent, byService, startS, endS: startS + MINUTES * 60 };
}
