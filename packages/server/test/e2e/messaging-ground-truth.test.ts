import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  messagingDestinationResponseSchema,
  messagingDestinationsResponseSchema,
  messagingHintsResponseSchema,
  type RedStats,
  type TransitLatency,
} from '@sightline/contract';
import type { z } from 'zod';
import { assertClose, nearestRank } from '../support/apm-metric-rows.ts';
import { AUDIT, BILLING, buildMessagingTruth, MESSAGING_MINUTES, NOTIFIER, PRODUCER, type SentMessagingSpan } from '../support/messaging-scenario.ts';
import { describeResult, exportThrough, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { apiGet, serverForSuite } from '../support/server-process.ts';

/** Forty minutes ago, on a whole minute: recent, and finished minutes only. */
const START_S = Math.floor(Date.now() / 60_000) * 60 - 40 * 60;
const truth = buildMessagingTruth(START_S);
const SECONDS = MESSAGING_MINUTES * 60;
const range = `start=${START_S * 1000}&end=${truth.endS * 1000}`;

function sentWhere(keep: (span: SentMessagingSpan) => boolean): SentMessagingSpan[] {
  return truth.sent.filter(keep);
}

/** Exact counts, error rate and rate; p50/p99 within the 1% bucket error of the nearest-rank values. */
function assertStats(actual: RedStats, spans: readonly SentMessagingSpan[], what: string): void {
  const errors = spans.filter((s) => s.error).length;
  assert.ok(spans.length > 0, `${what}: the scenario sent spans`);
  assert.deepEqual([actual.calls, actual.errors], [spans.length, errors], `${what}: calls, errors`);
  assert.equal(actual.errorRate, errors / spans.length, `${what}: error rate`);
  assert.equal(actual.rate, spans.length / SECONDS, `${what}: rate`);
  const durations = spans.map((s) => s.durationMs);
  assertClose(actual.p50Ms, nearestRank(durations, 0.5), `${what}: p50`);
  assertClose(actual.p99Ms, nearestRank(durations, 0.99), `${what}: p99`);
}

function assertSide(actual: { count: number; errors: number; p50Ms: number | null; p99Ms: number | null }, spans: readonly SentMessagingSpan[], what: string): void {
  assert.deepEqual([actual.count, actual.errors], [spans.length, spans.filter((s) => s.error).length], `${what}: count, errors`);
  const durations = spans.map((s) => s.durationMs);
  assertClose(actual.p50Ms, nearestRank(durations, 0.5), `${what}: p50`);
  assertClose(actual.p99Ms, nearestRank(durations, 0.99), `${what}: p99`);
}

function assertTransit(actual: TransitLatency | null, consumers: readonly SentMessagingSpan[], what: string): void {
  const transits = consumers.map((s) => s.transitMs).filter((t): t is number => t !== null);
  assert.ok(actual, `${what}: transit computed`);
  assert.equal(actual.linked, transits.length, `${what}: linked consumers`);
  assertClose(actual.p50Ms, nearestRank(transits, 0.5), `${what}: transit p50`);
  assertClose(actual.p99Ms, nearestRank(transits, 0.99), `${what}: transit p99`);
  assertClose(actual.maxMs, Math.max(...transits), `${what}: transit max`, 1e-9);
}

const orders = (role: 'publish' | 'consume', keep: (s: SentMessagingSpan) => boolean = () => true) =>
  sentWhere((s) => s.destination === 'orders' && s.role === role && keep(s));

describe('messaging answers match producer and consumer spans sent through the OpenTelemetry SDK', () => {
  const server = serverForSuite('messaging-ground-truth');
  const get = <S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> => apiGet(server(), schema, path);

  before(async () => {
    // A third of the spans over each OTLP transport.
    const chunks = SDK_TRANSPORTS.map((_, index) => truth.spans.filter((_, i) => i % SDK_TRANSPORTS.length === index));
    await Promise.all(
      SDK_TRANSPORTS.map(async (transport, index) => {
        const exporter = transport.traceExporter({ grpc: server().ports.grpc, http: server().ports.http });
        const spans = chunks[index] ?? [];
        for (let from = 0; from < spans.length; from += 200) {
          assert.equal(describeResult(await exportThrough(exporter, spans.slice(from, from + 200))), 'SUCCESS', transport.protocol);
        }
        await exporter.shutdown();
      }),
    );
  });

  it('lists each destination with exact publish and consume counts, error rates, and latencies within 1%', async () => {
    const body = await get(messagingDestinationsResponseSchema, `/messaging/destinations?${range}`);
    assert.equal(body.transitNote, null);
    assert.deepEqual(
      body.destinations.map((d) => [d.system, d.destination]),
      [['kafka', 'orders'], ['rabbitmq', 'payments'], ['kafka', '']],
    );
    const [kafka, rabbit, unnamed] = body.destinations;
    assert.ok(kafka && rabbit && unnamed);
    assertStats(kafka.publish, orders('publish'), 'orders publish');
    assertStats(kafka.consume, orders('consume'), 'orders consume');
    assert.deepEqual([kafka.producers, kafka.consumers], [[PRODUCER], [AUDIT, BILLING]]);
    assertTransit(kafka.transit, orders('consume'), 'orders');
    assert.equal(kafka.sparkline.published.reduce((a, b) => a + b, 0), orders('publish').length);
    assert.equal(kafka.sparkline.consumed.reduce((a, b) => a + b, 0), orders('consume').length);

    const payments = (role: 'publish' | 'consume') => sentWhere((s) => s.destination === 'payments' && s.role === role);
    assertStats(rabbit.publish, payments('publish'), 'payments publish');
    assertStats(rabbit.consume, payments('consume'), 'payments consume');
    assert.deepEqual([rabbit.producers, rabbit.consumers], [[NOTIFIER], [NOTIFIER]]);
    assert.equal(rabbit.transit?.linked, 0);
    assert.deepEqual([unnamed.publish.calls, unnamed.consume.calls], [truth.withoutDestination, 0]);

    const onlyRabbit = await get(messagingDestinationsResponseSchema, `/messaging/destinations?${range}&system=rabbitmq`);
    assert.deepEqual(onlyRabbit.destinations.map((d) => d.destination), ['payments']);
  });

  it('breaks a Kafka topic down by partition and consumer group, with producer→consumer latency per group', async () => {
    const body = await get(messagingDestinationResponseSchema, `/messaging/destinations/kafka/orders?${range}&step=60`);
    assertStats(body.publish, orders('publish'), 'detail publish');
    assertStats(body.consume, orders('consume'), 'detail consume');
    assert.deepEqual(body.partitions.map((p) => p.partition), ['0', '1', '2']);
    for (const partition of body.partitions) {
      const inPartition = (s: SentMessagingSpan) => s.partition === partition.partition;
      assertSide(partition.publish, orders('publish', inPartition), `partition ${partition.partition} publish`);
      assertSide(partition.consume, orders('consume', inPartition), `partition ${partition.partition} consume`);
    }
    assert.deepEqual(body.groups.map((g) => [g.group, g.services]), [['billing', [BILLING]], ['audit', [AUDIT]]]);
    for (const group of body.groups) {
      const consumers = orders('consume', (s) => s.group === group.group);
      assertSide(group.consume, consumers, `group ${group.group}`);
      assertTransit(group.transit, consumers, `group ${group.group}`);
    }
    assertTransit(body.transit, orders('consume'), 'detail');
    assert.deepEqual(
      body.operations.map((o) => [o.service, o.operation, o.spanKind, o.role, o.calls]),
      [
        [PRODUCER, 'publish', 4, 'publish', orders('publish').length / 2],
        [PRODUCER, 'send', 4, 'publish', orders('publish').length / 2],
        [BILLING, 'process', 5, 'consume', orders('consume', (s) => s.group === 'billing').length],
        [AUDIT, 'process', 5, 'consume', orders('consume', (s) => s.group === 'audit').length],
      ].sort((a, b) => Number(b[4]) - Number(a[4]) || String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
    );
    assert.deepEqual([body.series.startMs, body.series.stepSeconds, body.series.published.length], [START_S * 1000, 60, MESSAGING_MINUTES]);
    body.series.published.forEach((count, index) => {
      const minute = START_S + index * 60;
      assert.ok(count > 0, `minute ${index} has messages`);
      assert.equal(typeof body.series.publishP99Ms[index], 'number', `minute ${index} p99 (${minute})`);
    });
    assert.equal(body.series.published.reduce((a, b) => a + b, 0), orders('publish').length);
    assert.equal(body.series.consumeErrors.reduce((a, b) => a + b, 0), orders('consume').filter((s) => s.error).length);
    assert.deepEqual(body.lag, { metric: null, stepSeconds: 60, series: [] });
  });

  it('answers a destination with no spans with zeros, not an error', async () => {
    const body = await get(messagingDestinationResponseSchema, `/messaging/destinations/kafka/nothing-here?${range}`);
    assert.deepEqual([body.publish.calls, body.consume.calls, body.partitions, body.groups, body.transit.linked], [0, 0, [], [], 0]);
  });

  it('hints at what the spans lack: destinations, partitions, trace links, lag metrics', async () => {
    const body = await get(messagingHintsResponseSchema, `/messaging/hints?${range}`);
    assert.equal(body.messagingSpans, truth.spans.length);
    const byCode = new Map(body.hints.map((h) => [h.code, h]));
    assert.deepEqual(
      [...byCode.keys()].sort(),
      ['consumer-without-producer-link', 'kafka-without-partition', 'missing-destination', 'no-lag-metrics'],
    );
    assert.deepEqual([byCode.get('missing-destination')?.count, byCode.get('missing-destination')?.services], [truth.withoutDestination, [PRODUCER]]);
    const kafkaSpans = sentWhere((s) => s.system === 'kafka').length + truth.withoutDestination;
    assert.deepEqual([byCode.get('kafka-without-partition')?.count, byCode.get('kafka-without-partition')?.of], [truth.withoutDestination, kafkaSpans]);
    const consumers = sentWhere((s) => s.role === 'consume');
    const unlinked = consumers.filter((s) => s.transitMs === null).length;
    assert.deepEqual([byCode.get('consumer-without-producer-link')?.count, byCode.get('consumer-without-producer-link')?.of], [unlinked, consumers.length]);
  });
});
