/**
 * Log records made by the real SDK for the end-to-end log tests: bodies of every AnyValue kind,
 * severities, exact nanosecond times, every attribute type, trace context taken from the active
 * span, event names, an exception, dropped attributes, and one hostile record.
 */
import { context, ROOT_CONTEXT, trace, type Context, type ContextManager } from '@opentelemetry/api';
import { SeverityNumber, type LogBody } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

/** Text that would break a query built by string concatenation, or a line-based log store. */
export const HOSTILE_TEXT = `it's "quoted" \\ back\\\\slash \\' \\" %_ \n\nDROP TABLE logs\n\n'; -- ); DROP TABLE logs; --`;

/**
 * A synchronous context manager, so `context.with(…)` makes a span active while the callback runs
 * (the API's default manager does nothing). Only synchronous callbacks are supported.
 */
export class SyncContextManager implements ContextManager {
  private readonly stack: Context[] = [];

  active(): Context {
    return this.stack[this.stack.length - 1] ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    this.stack.push(ctx);
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.stack.pop();
    }
  }

  bind<T>(_context: Context, target: T): T {
    return target;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.stack.length = 0;
    return this;
  }
}

/** Installs the synchronous context manager globally (once per process). */
export function useSyncContextManager(): void {
  context.setGlobalContextManager(new SyncContextManager());
}

/** Every body the SDK can send: each AnyValue kind, nested, plus none at all. */
export const BODIES: readonly { readonly kind: string; readonly body: LogBody | undefined }[] = [
  { kind: 'string', body: 'payment declined for order 42 — ünïcødé ✓' },
  { kind: 'empty string', body: '' },
  { kind: 'int', body: 1234 },
  { kind: 'negative int', body: -(2 ** 53 - 1) },
  { kind: 'double', body: 3.75 },
  { kind: 'bool', body: false },
  { kind: 'bytes', body: new Uint8Array([0, 255, 128, 7, 10]) },
  { kind: 'array', body: ['x', 2, 2.5, true, null, new Uint8Array([1, 2]), { nested: [[]] }] },
  { kind: 'kvlist', body: { user: { id: 7, roles: ['admin', 'ops'], ratio: 0.5 }, ok: false, raw: new Uint8Array([1, 2, 3]), empty: {}, none: null } },
  { kind: 'absent', body: undefined },
];

export interface LogScenario {
  readonly service: string;
  /** Every record made, in emit order; each carries its position in the `log.index` attribute. */
  readonly records: ReadableLogRecord[];
  /** The trace and span active while the traced records were emitted. */
  readonly traceId: string;
  readonly spanId: string;
  readonly hostileIndex: number;
}

const ATTRIBUTE_LIMIT = 12;

export function buildLogScenario(service: string): LogScenario {
  const memory = new InMemoryLogRecordExporter();
  const resource = resourceFromAttributes(
    { 'service.name': service, 'service.version': '2.3.1', 'host.cores': 8, 'host.canary': true, 'sample.ratio': 0.25, 'zones': ['eu-1a', 'eu-1b'] },
    { schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' },
  );
  const provider = new LoggerProvider({ resource, logRecordLimits: { attributeCountLimit: ATTRIBUTE_LIMIT }, processors: [new SimpleLogRecordProcessor({ exporter: memory })] });
  const logger = provider.getLogger('@shop/logging', '3.0.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.21.0', attributes: { 'scope.attr': 'x', 'scope.n': 2 } });
  const span = new BasicTracerProvider({ resource }).getTracer('@shop/http').startSpan('GET /orders');
  const active = trace.setSpan(ROOT_CONTEXT, span);
  const second = Math.floor(Date.now() / 1000) - 30;
  const severities = [SeverityNumber.TRACE, SeverityNumber.DEBUG2, SeverityNumber.INFO, SeverityNumber.WARN3, SeverityNumber.ERROR, SeverityNumber.FATAL4];

  let index = 0;
  /** From this record on, records share one timestamp (ties the search must order and page stably). */
  const tiesFrom = BODIES.length + 1;
  const emit = (record: Parameters<typeof logger.emit>[0], traced: boolean): void => {
    const position = index++;
    const full = {
      // Nanosecond-exact times; the observed time is later than the event time.
      timestamp: [second, 100_000_000 + Math.min(position, tiesFrom) * 1_000_003 + 7] as [number, number],
      observedTimestamp: [second + 1, position * 3 + 123_456_789] as [number, number],
      ...record,
      attributes: { 'log.index': position, ...record.attributes },
    };
    if (traced) context.with(active, () => logger.emit(full));
    else logger.emit(full);
  };

  BODIES.forEach(({ kind, body }, i) => {
    const severityNumber = severities[i % severities.length];
    emit(
      {
        severityNumber,
        severityText: severityNumber === undefined ? undefined : SeverityNumber[severityNumber],
        ...(body === undefined ? {} : { body }),
        attributes: { 'body.kind': kind, 'code.function': 'pay', 'retry': i % 2 === 0, 'ratio': 0.125, 'tags': ['a', 'b'], 'ports': [80, 443] },
        ...(i % 3 === 0 ? { eventName: `shop.payment.${kind.replace(/ /g, '_')}` } : {}),
      },
      i % 2 === 0,
    );
  });
  emit(
    {
      severityNumber: SeverityNumber.ERROR,
      severityText: 'ERROR',
      body: 'card expired',
      exception: new Error('card expired'),
      attributes: { 'nested.map': { k: 'v', n: 1, deeper: { list: [1, 'two'] } }, 'bytes.attr': new Uint8Array([9, 8, 7]) },
    },
    true,
  );
  // More attributes than the limit: the SDK keeps the first ones and counts the rest as dropped.
  const extras = Object.fromEntries(Array.from({ length: ATTRIBUTE_LIMIT + 3 }, (_, i) => [`extra.${i}`, i]));
  emit({ severityNumber: SeverityNumber.INFO, body: 'too many attributes', attributes: extras }, false);
  const hostileIndex = index;
  emit({ severityNumber: SeverityNumber.WARN, severityText: "WARN'; --", body: HOSTILE_TEXT, attributes: { 'user.input': HOSTILE_TEXT, [`key ${HOSTILE_TEXT}`]: 'odd key' } }, false);
  // Neither severity nor body: what a bare `logger.emit({})` sends.
  emit({}, false);
  span.end();
  return { service, records: memory.getFinishedLogRecords(), traceId: span.spanContext().traceId, spanId: span.spanContext().spanId, hostileIndex };
}
