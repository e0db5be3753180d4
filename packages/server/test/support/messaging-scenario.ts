/**
 * Producer and consumer spans with known counts, durations, errors, partitions and consumer groups,
 * made through the OpenTelemetry JS API with explicit times: half of them carry the older messaging
 * attribute names, half the current ones. Consumers of the `billing` group are children of the
 * producer span (context from message headers), the `audit` group links to it (batch style).
 * Every span is also recorded as plain facts, the ground truth the answers are checked against.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes, type HrTime, type Link, type SpanContext } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { seededRandom } from './apm-metric-rows.ts';

export type Role = 'publish' | 'consume';

export interface SentMessagingSpan {
  readonly system: string;
  readonly destination: string;
  readonly role: Role;
  readonly service: string;
  readonly durationMs: number;
  readonly error: boolean;
  /** '' when the span names none. */
  readonly partition: string;
  readonly group: string;
  /** Consumer start − producer start (ms) for consumers whose producer was linked or parent; else null. */
  readonly transitMs: number | null;
}

export interface MessagingTruth {
  readonly sent: SentMessagingSpan[];
  readonly spans: ReadableSpan[];
  readonly startS: number;
  readonly endS: number;
  /** Spans with messaging.system but no destination. */
  readonly withoutDestination: number;
}

export const PRODUCER = 'mq-shop';
export const BILLING = 'mq-billing';
export const AUDIT = 'mq-audit';
export const NOTIFIER = 'mq-notifier';
export const MESSAGING_MINUTES = 10;
const MESSAGES = 120;
const PAYMENTS = 40;
const NS_PER_S = 1_000_000_000n;
const NS_PER_MS = 1_000_000n;

const hr = (ns: bigint): HrTime => [Number(ns / NS_PER_S), Number(ns % NS_PER_S)];

function tracerOf(service: string, memory: InMemorySpanExporter) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': 'e2e' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  return provider.getTracer('messaging-scenario');
}

/** Whole microseconds between `minMs` and `maxMs`, log-uniform. */
function durationNs(random: () => number, minMs: number, maxMs: number): bigint {
  return BigInt(Math.round(minMs * (maxMs / minMs) ** random() * 1000)) * 1000n;
}

function producerAttributes(legacy: boolean, partition: number): Attributes {
  return legacy
    ? { 'messaging.system': 'kafka', 'messaging.destination': 'orders', 'messaging.operation': 'publish', 'messaging.kafka.destination.partition': partition }
    : { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders', 'messaging.operation.type': 'send', 'messaging.destination.partition.id': String(partition) };
}

function consumerAttributes(legacy: boolean, partition: number, group: string, index: number): Attributes {
  if (!legacy) {
    return {
      'messaging.system': 'kafka',
      'messaging.destination.name': 'orders',
      'messaging.operation.type': 'process',
      'messaging.consumer.group.name': group,
      'messaging.destination.partition.id': String(partition),
    };
  }
  // The oldest instrumentations named the partition `messaging.kafka.partition`.
  const partitionKey = index % 4 === 0 ? 'messaging.kafka.partition' : 'messaging.kafka.destination.partition';
  return { 'messaging.system': 'kafka', 'messaging.destination': 'orders', 'messaging.operation': 'process', 'messaging.kafka.consumer.group': group, [partitionKey]: partition };
}

/** The scenario over MESSAGING_MINUTES whole minutes from `startS` (a multiple of 60). */
export function buildMessagingTruth(startS: number): MessagingTruth {
  const random = seededRandom(11);
  const memory = new InMemorySpanExporter();
  const shop = tracerOf(PRODUCER, memory);
  const billing = tracerOf(BILLING, memory);
  const audit = tracerOf(AUDIT, memory);
  const notifier = tracerOf(NOTIFIER, memory);
  const sent: SentMessagingSpan[] = [];
  const spanSeconds = MESSAGING_MINUTES * 60 - 5;

  for (let i = 0; i < MESSAGES; i++) {
    const legacy = i % 2 === 0;
    const partition = i % 3;
    const start = BigInt(startS) * NS_PER_S + (BigInt(i) * BigInt(spanSeconds) * NS_PER_S) / BigInt(MESSAGES) + BigInt(i) * 1000n;
    const duration = durationNs(random, 0.5, 40);
    const error = i % 10 === 9;
    const producer = shop.startSpan('orders publish', { kind: SpanKind.PRODUCER, startTime: hr(start), attributes: producerAttributes(legacy, partition) });
    if (error) producer.setStatus({ code: SpanStatusCode.ERROR, message: 'broker unavailable' });
    producer.end(hr(start + duration));
    sent.push({ system: 'kafka', destination: 'orders', role: 'publish', service: PRODUCER, durationMs: Number(duration) / 1e6, error, partition: String(partition), group: '', transitMs: null });
    const header: SpanContext = { ...producer.spanContext(), isRemote: true, traceFlags: TraceFlags.SAMPLED };

    // billing: every message, a child of the producer span.
    const billingTransit = durationNs(random, 2, 800);
    const billingDuration = durationNs(random, 1, 300);
    const billingError = i % 7 === 3;
    const consumer = billing.startSpan(
      'orders process',
      { kind: SpanKind.CONSUMER, startTime: hr(start + billingTransit), attributes: consumerAttributes(legacy, partition, 'billing', i) },
      trace.setSpanContext(ROOT_CONTEXT, header),
    );
    if (billingError) consumer.setStatus({ code: SpanStatusCode.ERROR, message: 'charge failed' });
    consumer.end(hr(start + billingTransit + billingDuration));
    sent.push({
      system: 'kafka', destination: 'orders', role: 'consume', service: BILLING, durationMs: Number(billingDuration) / 1e6,
      error: billingError, partition: String(partition), group: 'billing', transitMs: Number(billingTransit) / 1e6,
    });

    // audit: two messages in three, a new trace linked to the producer span.
    if (i % 3 !== 2) {
      const auditTransit = durationNs(random, 50, 3000);
      const auditDuration = durationNs(random, 0.2, 20);
      const links: Link[] = [{ context: header }];
      const span = audit.startSpan('orders process', { kind: SpanKind.CONSUMER, startTime: hr(start + auditTransit), links, attributes: consumerAttributes(!legacy, partition, 'audit', i) }, ROOT_CONTEXT);
      span.end(hr(start + auditTransit + auditDuration));
      sent.push({
        system: 'kafka', destination: 'orders', role: 'consume', service: AUDIT, durationMs: Number(auditDuration) / 1e6,
        error: false, partition: String(partition), group: 'audit', transitMs: Number(auditTransit) / 1e6,
      });
    }
  }

  // RabbitMQ through CLIENT spans with an operation (no partitions, no groups, no trace links).
  for (let j = 0; j < PAYMENTS; j++) {
    const legacy = j % 2 === 1;
    const start = BigInt(startS) * NS_PER_S + (BigInt(j) * BigInt(spanSeconds) * NS_PER_S) / BigInt(PAYMENTS) + 7n * NS_PER_MS;
    const publishDuration = durationNs(random, 0.3, 9);
    const destination = legacy ? { 'messaging.destination': 'payments' } : { 'messaging.destination.name': 'payments' };
    const publishOperation = legacy ? { 'messaging.operation': 'publish' } : { 'messaging.operation.type': 'publish' };
    const publisher = notifier.startSpan('payments publish', { kind: SpanKind.CLIENT, startTime: hr(start), attributes: { 'messaging.system': 'rabbitmq', ...destination, ...publishOperation } });
    publisher.end(hr(start + publishDuration));
    sent.push({ system: 'rabbitmq', destination: 'payments', role: 'publish', service: NOTIFIER, durationMs: Number(publishDuration) / 1e6, error: false, partition: '', group: '', transitMs: null });
    const receiveDuration = durationNs(random, 0.5, 15);
    const receiveError = j % 8 === 0;
    const receiveOperation = legacy ? { 'messaging.operation': 'receive' } : { 'messaging.operation.type': 'receive' };
    const receiver = notifier.startSpan('payments receive', { kind: SpanKind.CLIENT, startTime: hr(start + 100n * NS_PER_MS), attributes: { 'messaging.system': 'rabbitmq', ...destination, ...receiveOperation } });
    if (receiveError) receiver.setStatus({ code: SpanStatusCode.ERROR, message: 'channel closed' });
    receiver.end(hr(start + 100n * NS_PER_MS + receiveDuration));
    sent.push({ system: 'rabbitmq', destination: 'payments', role: 'consume', service: NOTIFIER, durationMs: Number(receiveDuration) / 1e6, error: receiveError, partition: '', group: '', transitMs: null });
  }

  // Onboarding hints: messaging spans without a destination.
  const withoutDestination = 3;
  for (let k = 0; k < withoutDestination; k++) {
    const start = BigInt(startS + 60 + k) * NS_PER_S;
    shop.startSpan('mystery send', { kind: SpanKind.PRODUCER, startTime: hr(start), attributes: { 'messaging.system': 'kafka' } }).end(hr(start + NS_PER_MS));
  }

  return { sent, spans: memory.getFinishedSpans(), startS, endS: startS + MESSAGING_MINUTES * 60, withoutDestination };
}
