// Real amqplib traffic through a real RabbitMQ broker (Debian's rabbitmq-server, see .ci/rabbitmq-setup.sh),
// traced by the real OpenTelemetry amqplib auto-instrumentation and exported over OTLP to a real Sightline
// process: the messaging views must count, time and link exactly the spans the instrumentation emitted.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  messagingDestinationResponseSchema,
  messagingDestinationsResponseSchema,
  messagingHintsResponseSchema,
  type RedStats,
  type TransitLatency,
} from '@sightline/contract';
import type { z } from 'zod';
import { assertClose, nearestRank } from '../support/apm-metric-rows.ts';
import { connectionRefused } from '../support/exporters/loopback.ts';
import { startAmqpTracing, type AmqpTracing } from '../support/rabbitmq/amqp-tracing.ts';
import { startRabbitmq, type RabbitmqInstance } from '../support/rabbitmq/rabbitmq-server.ts';
import { INVOICE_ROUTING_KEY, ORDERS_QUEUE, runShopTraffic, SHOP_EXCHANGE, type ShopTrafficResult } from '../support/rabbitmq/shop-traffic.ts';
import { captureSdkWarnings, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { apiGet, serverForSuite } from '../support/server-process.ts';

const SERVICE = 'shop-worker';
const PLAN = { orders: 40, nackEvery: 5, invoices: 12 } as const;
/**
 * The instrumentation names a destination by its exchange (`messaging.destination`, the pre-1.21
 * key; RabbitMQ's semantic conventions say the same of `messaging.destination.name`): messages sent
 * straight to a queue go through the default exchange, whose name is ''. Sightline lists those
 * under their routing key, the queue's name (ORDERS_QUEUE).
 */
const DEFAULT_EXCHANGE = '';

const attribute = (span: ReadableSpan, key: string): unknown => span.attributes[key];
const nsOf = (time: readonly [number, number]): bigint => BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
const msOf = (time: readonly [number, number]): number => time[0] * 1000 + time[1] / 1e6;

/** A latency as Sightline reports it: within its 1% buckets, or the lowest bucket (1 µs) for shorter ones. */
function assertLatency(actual: number | null, expectedMs: number, what: string): void {
  if (expectedMs <= 0.001) assert.equal(actual, 0.001, what);
  else assertClose(actual, expectedMs, what);
}

function assertRed(actual: RedStats, spans: readonly ReadableSpan[], what: string): void {
  const errors = spans.filter((s) => s.status.code === SpanStatusCode.ERROR).length;
  assert.ok(spans.length > 0, `${what}: spans were emitted`);
  assert.deepEqual([actual.calls, actual.errors], [spans.length, errors], `${what}: calls, errors`);
  const durations = spans.map((s) => msOf(s.duration));
  assertLatency(actual.p50Ms, nearestRank(durations, 0.5), `${what}: p50`);
  assertLatency(actual.p99Ms, nearestRank(durations, 0.99), `${what}: p99`);
}

/** consumer start − publish start (ms) of each consumer span whose parent or link is one of `publishes`. */
function transitsOf(consumers: readonly ReadableSpan[], publishes: readonly ReadableSpan[]): number[] {
  const started = new Map(publishes.map((p) => [`${p.spanContext().traceId}/${p.spanContext().spanId}`, nsOf(p.startTime)]));
  return consumers.flatMap((c) => {
    const refs = [c.parentSpanContext, ...c.links.map((link) => link.context)].filter((ref) => ref !== undefined);
    const publishStart = refs.map((ref) => started.get(`${ref.traceId}/${ref.spanId}`)).find((ns) => ns !== undefined);
    return publishStart === undefined ? [] : [Number(nsOf(c.startTime) - publishStart) / 1e6];
  });
}

function assertTransit(actual: TransitLatency | null, transits: readonly number[], what: string): void {
  assert.ok(actual, `${what}: transit computed`);
  assert.equal(actual.linked, transits.length, `${what}: linked consumers`);
  assertLatency(actual.p50Ms, nearestRank(transits, 0.5), `${what}: transit p50`);
  assertLatency(actual.p99Ms, nearestRank(transits, 0.99), `${what}: transit p99`);
  assertClose(actual.maxMs, Math.max(...transits), `${what}: transit max`, 1e-9);
}

describe('messaging views from real amqplib auto-instrumentation against a real RabbitMQ', { timeout: 120_000 }, () => {
  const server = serverForSuite('messaging-rabbitmq');
  const get = <S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> => apiGet(server(), schema, path);
  let broker: RabbitmqInstance | undefined;
  let tracing: AmqpTracing | undefined;
  let traffic: ShopTrafficResult;
  let spans: ReadableSpan[] = [];
  let range = '';
  const warnings = captureSdkWarnings();

  /** The spans the instrumentation emitted for one exchange and side. */
  const emitted = (exchange: string, kind: SpanKind): ReadableSpan[] =>
    spans.filter((s) => s.kind === kind && attribute(s, 'messaging.destination') === exchange);

  before(async () => {
    const startMs = Date.now() - 60_000;
    const transport = SDK_TRANSPORTS.find((t) => t.protocol === 'http/protobuf')!;
    tracing = await startAmqpTracing(SERVICE, transport.traceExporter({ grpc: server().ports.grpc, http: server().ports.http }));
    broker = await startRabbitmq();
    traffic = await runShopTraffic(tracing, broker.url, PLAN);
    await tracing.flush();
    spans = tracing.finishedSpans();
    range = `start=${startMs}&end=${Date.now() + 1000}`;
  });

  after(async () => {
    warnings.stop();
    await tracing?.stop();
    await broker?.stop();
  });

  it('the instrumentation traced every publish and delivery, carrying the context through the headers', () => {
    assert.deepEqual(warnings.messages, [], 'the SDK and the instrumentation reported no problem');
    assert.equal(traffic.delivered.orders.length, PLAN.orders);
    assert.equal(traffic.delivered.invoices.length, PLAN.invoices);
    assert.equal(spans.length, 2 * (PLAN.orders + PLAN.invoices));
    for (const span of spans) assert.equal(attribute(span, 'messaging.system'), 'rabbitmq', span.name);

    const orderPublishes = emitted(DEFAULT_EXCHANGE, SpanKind.PRODUCER);
    const orderConsumers = emitted(DEFAULT_EXCHANGE, SpanKind.CONSUMER);
    assert.deepEqual([orderPublishes.length, orderConsumers.length], [PLAN.orders, PLAN.orders]);
    for (const span of [...orderPublishes, ...orderConsumers]) assert.equal(attribute(span, 'messaging.rabbitmq.routing_key'), ORDERS_QUEUE);
    const publishById = new Map(orderPublishes.map((p) => [attribute(p, 'messaging.message_id'), p]));
    for (const consumer of orderConsumers) {
      assert.equal(attribute(consumer, 'messaging.operation'), 'process');
      assert.equal(consumer.parentSpanContext?.spanId, publishById.get(attribute(consumer, 'messaging.message_id'))?.spanContext().spanId, 'parent is its publish span');
    }
    const failed = orderConsumers.filter((s) => s.status.code === SpanStatusCode.ERROR).map((s) => attribute(s, 'messaging.message_id'));
    assert.deepEqual(failed.sort(), [...traffic.nacked].sort(), 'exactly the nacked deliveries are errors');
    assert.equal(failed.length, PLAN.orders / PLAN.nackEvery);

    const invoicePublishes = emitted(SHOP_EXCHANGE, SpanKind.PRODUCER);
    const invoiceConsumers = emitted(SHOP_EXCHANGE, SpanKind.CONSUMER);
    assert.deepEqual([invoicePublishes.length, invoiceConsumers.length], [PLAN.invoices, PLAN.invoices]);
    for (const consumer of invoiceConsumers) {
      assert.equal(attribute(consumer, 'messaging.rabbitmq.routing_key'), INVOICE_ROUTING_KEY);
      assert.equal(consumer.parentSpanContext, undefined, 'a new trace');
      assert.equal(consumer.links.length, 1, 'linked to its publish span');
    }
  });

  it('lists each exchange of rabbitmq with exact publish and consume counts, errors and producer→consumer latency', async () => {
    const body = await get(messagingDestinationsResponseSchema, `/messaging/destinations?${range}`);
    assert.equal(body.transitNote, null);
    assert.deepEqual(body.destinations.map((d) => [d.system, d.destination]), [['rabbitmq', ORDERS_QUEUE], ['rabbitmq', SHOP_EXCHANGE]]);
    for (const [destination, exchange] of [[body.destinations[0], DEFAULT_EXCHANGE], [body.destinations[1], SHOP_EXCHANGE]] as const) {
      assert.ok(destination);
      const publishes = emitted(exchange, SpanKind.PRODUCER);
      const consumers = emitted(exchange, SpanKind.CONSUMER);
      assertRed(destination.publish, publishes, `'${exchange}' publish`);
      assertRed(destination.consume, consumers, `'${exchange}' consume`);
      assert.deepEqual([destination.producers, destination.consumers], [[SERVICE], [SERVICE]]);
      assertTransit(destination.transit, transitsOf(consumers, publishes), `'${exchange}'`);
      assert.equal(destination.sparkline.published.reduce((a, b) => a + b, 0), publishes.length);
      assert.equal(destination.sparkline.consumed.reduce((a, b) => a + b, 0), consumers.length);
    }
  });

  it('details the exchange: operations as the instrumentation names them, and linked consumers', async () => {
    const body = await get(messagingDestinationResponseSchema, `/messaging/destinations/rabbitmq/${SHOP_EXCHANGE}?${range}`);
    const publishes = emitted(SHOP_EXCHANGE, SpanKind.PRODUCER);
    const consumers = emitted(SHOP_EXCHANGE, SpanKind.CONSUMER);
    assertRed(body.publish, publishes, 'detail publish');
    assertRed(body.consume, consumers, 'detail consume');
    // The publish span carries no messaging.operation: Sightline names it `publish` by its PRODUCER kind.
    assert.deepEqual(
      body.operations.map((o) => [o.service, o.operation, o.spanKind, o.role, o.calls]),
      [[SERVICE, 'process', 5, 'consume', PLAN.invoices], [SERVICE, 'publish', 4, 'publish', PLAN.invoices]],
    );
    assert.deepEqual(body.partitions, []);
    assert.deepEqual(body.groups.map((g) => [g.group, g.services, g.consume.count]), [['', [SERVICE], PLAN.invoices]]);
    assertTransit(body.transit, transitsOf(consumers, publishes), 'detail');
    assert.equal(body.series.published.reduce((a, b) => a + b, 0), PLAN.invoices);
    assert.equal(body.series.consumeErrors.reduce((a, b) => a + b, 0), 0);
    assert.deepEqual(body.lag.series, []);
  });

  it('hints: every messaging span counted, every consumer linked to its producer', async () => {
    const body = await get(messagingHintsResponseSchema, `/messaging/hints?${range}`);
    assert.equal(body.messagingSpans, spans.length);
    // (`missing-destination` does fire, for the default exchange's spans: their `messaging.destination` is ''.)
    const codes = body.hints.map((h) => h.code);
    assert.ok(!codes.includes('consumer-without-producer-link'), JSON.stringify(body.hints));
    assert.ok(!codes.includes('not-producer-or-consumer-kind'), JSON.stringify(body.hints));
  });

  it('stopping the broker ends its processes, frees its port and removes its directory', async () => {
    assert.ok(broker);
    assert.ok(broker.processes().length >= 2, 'epmd and the broker run');
    assert.equal(await connectionRefused(broker.port), false);
    await broker.stop();
    assert.deepEqual(broker.processes(), []);
    assert.equal(await connectionRefused(broker.port), true);
    assert.equal(existsSync(broker.baseDir), false);
  });
});
