import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { MessagingDestinationResponse, MessagingDestinationsResponse, MessagingHintsResponse } from '@sightline/contract';
import { call, getOk, testApp } from '../../test/support/api-app.ts';
import { insertMetrics, insertSpans } from '../../test/support/api-insert.ts';
import { insertDependencyMetrics } from '../../test/support/apm-dependency-rows.ts';
import { lagPoint, messagingSpan, MS } from '../../test/support/messaging-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { aggregateSpans } from '../pipeline/span-metrics/aggregate-spans.ts';
import type { SpanRow } from '../signals/span.ts';

const S = 1_000_000_000n;
/** Thirty whole minutes ago: recent, minute-aligned. */
const M0 = BigInt(Math.floor(Date.now() / 60_000) * 60 - 30 * 60) * S;
const RANGE = `start=${Number(M0 / MS)}&end=${Number((M0 + 600n * S) / MS)}`;
const TOPIC = 'shop/orders';
const TRACE = '0000000000000000000000000000abcd';
const OTHER_TRACE = '0000000000000000000000000000dcba';

const kafka = (extra: Record<string, string | number>) => ({ 'messaging.system': 'kafka', 'messaging.destination.name': TOPIC, ...extra });

/** Two producers (one published five minutes before the range) and three consumers of one topic, in two environments. */
function spans(): SpanRow[] {
  const p1 = { traceId: TRACE, spanId: 'a000000000000001' };
  const p0 = { traceId: OTHER_TRACE, spanId: 'a000000000000000' };
  const t1 = M0 + 10n * S;
  return [
    messagingSpan({ service: 'shop', kind: 4, startNs: t1, durationMs: 2, ...p1, environment: 'prod', attributes: kafka({ 'messaging.operation.type': 'send', 'messaging.destination.partition.id': '5' }) }),
    messagingSpan({ service: 'shop', kind: 4, startNs: M0 - 300n * S, durationMs: 3, ...p0, environment: 'prod', attributes: kafka({ 'messaging.operation': 'publish', 'messaging.kafka.destination.partition': 5 }) }),
    // A child of p1, older attribute names.
    messagingSpan({
      service: 'billing', kind: 5, startNs: t1 + 250n * MS, durationMs: 40, traceId: TRACE, parentSpanId: p1.spanId, environment: 'prod', error: true,
      attributes: { 'messaging.system': 'kafka', 'messaging.destination': TOPIC, 'messaging.operation': 'process', 'messaging.kafka.consumer.group': 'g1', 'messaging.kafka.partition': 5 },
    }),
    // Linked to p1, no group, no partition.
    messagingSpan({ service: 'audit', kind: 5, startNs: t1 + 1000n * MS, durationMs: 4, traceId: '0000000000000000000000000000eeee', links: [p1], environment: 'prod', attributes: kafka({ 'messaging.operation.type': 'process' }) }),
    // A child of the producer from before the range.
    messagingSpan({
      service: 'billing', kind: 5, startNs: M0 + 30n * S, durationMs: 10, traceId: OTHER_TRACE, parentSpanId: p0.spanId, environment: 'prod',
      attributes: kafka({ 'messaging.operation.type': 'process', 'messaging.consumer.group.name': 'g1', 'messaging.destination.partition.id': '5' }),
    }),
    messagingSpan({ service: 'shop', kind: 4, startNs: t1, durationMs: 9, environment: 'staging', attributes: kafka({ 'messaging.destination.partition.id': '1' }) }),
    // The destination name is high-cardinality; the template names the destination.
    messagingSpan({
      service: 'crm', kind: 3, startNs: t1, durationMs: 1, environment: 'prod',
      attributes: { 'messaging.system': 'activemq', 'messaging.destination.name': '/customers/42', 'messaging.destination.template': '/customers/{id}', 'messaging.operation.type': 'create' },
    }),
    // Not a message: an internal span with a messaging system.
    messagingSpan({ service: 'crm', kind: 1, startNs: t1, durationMs: 1, environment: 'prod', attributes: { 'messaging.system': 'activemq' } }),
  ];
}

describe('messaging API over the real store', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  let dependencyRows = 0;

  before(async () => {
    temp = await openTempStore();
    const rows = spans();
    const digest = aggregateSpans(rows, { normalizeSpanNames: true });
    dependencyRows = digest.dependencies.length;
    await insertSpans(temp.store, rows);
    await insertDependencyMetrics(temp.store, digest.dependencies);
    await insertMetrics(temp.store, [
      lagPoint('kafka_consumergroup_lag', { consumergroup: 'g1', topic: TOPIC, partition: '5' }, M0 + 60n * S, 42),
      lagPoint('kafka_consumergroup_lag', { consumergroup: 'g1', topic: TOPIC, partition: '5' }, M0 + 130n * S, 7),
      lagPoint('kafka_consumergroup_lag', { consumergroup: 'g2', topic: 'other', partition: '0' }, M0 + 60n * S, 99),
    ]);
    app = testApp(temp.store);
  });

  after(async () => {
    await app.close();
    await temp.dispose();
  });

  it('lists destinations of one environment, named by their template when sent', async () => {
    const body = await getOk<MessagingDestinationsResponse>(app, `/api/v1/messaging/destinations?${RANGE}&environment=prod`);
    assert.deepEqual(body.destinations.map((d) => [d.system, d.destination, d.publish.calls, d.consume.calls]), [
      ['kafka', TOPIC, 1, 3],
      ['activemq', '/customers/{id}', 1, 0],
    ]);
    const [topic] = body.destinations;
    assert.equal(topic?.consume.errors, 1);
    // 250 ms and 1 s after p1; 5 min 30 s after p0, found by looking back before the range.
    assert.equal(topic?.transit?.linked, 3);
    assert.equal(topic?.transit?.maxMs, 330_000);
    assert.ok(Math.abs((topic?.transit?.p50Ms ?? 0) - 1000) <= 10, String(topic?.transit?.p50Ms));
    const staging = await getOk<MessagingDestinationsResponse>(app, `/api/v1/messaging/destinations?${RANGE}&environment=staging`);
    assert.deepEqual(staging.destinations.map((d) => [d.destination, d.publish.calls]), [[TOPIC, 1]]);
  });

  it('details a destination whose name has a slash: partitions, groups, lag by group and partition', async () => {
    const body = await getOk<MessagingDestinationResponse>(app, `/api/v1/messaging/destinations/kafka/${encodeURIComponent(TOPIC)}?${RANGE}&environment=prod&step=60`);
    assert.equal(body.destination, TOPIC);
    assert.deepEqual(body.partitions.map((p) => [p.partition, p.publish.count, p.consume.count, p.consume.errors]), [['5', 1, 2, 1]]);
    assert.deepEqual(body.groups.map((g) => [g.group, g.consume.count, g.services, g.transit.linked]), [
      ['g1', 2, ['billing'], 2],
      ['', 1, ['audit'], 1],
    ]);
    assert.equal(body.lag.metric, 'kafka_consumergroup_lag');
    assert.deepEqual(body.lag.series.map((s) => [s.group, s.partition, s.points.map((p) => p.v)]), [['g1', '5', [42, 7]]]);
    const all = await getOk<MessagingDestinationResponse>(app, `/api/v1/messaging/destinations/kafka/${encodeURIComponent(TOPIC)}?${RANGE}`);
    assert.deepEqual(all.partitions.map((p) => [p.partition, p.publish.count]), [['1', 1], ['5', 1]]);
    const template = await getOk<MessagingDestinationResponse>(app, `/api/v1/messaging/destinations/activemq/${encodeURIComponent('/customers/{id}')}?${RANGE}`);
    assert.deepEqual([template.publish.calls, template.operations.map((o) => [o.operation, o.role])], [1, [['create', 'publish']]]);
  });

  it('hints at consumers without a group and messaging spans of another kind; lag metrics exist', async () => {
    const body = await getOk<MessagingHintsResponse>(app, `/api/v1/messaging/hints?${RANGE}`);
    assert.equal(body.messagingSpans, 7);
    assert.deepEqual(body.hints.map((h) => [h.code, h.count, h.of, h.services]).sort(), [
      ['consumer-without-producer-link', 0, 3, []],
      ['kafka-consumer-without-group', 1, 3, ['audit']],
      ['kafka-without-partition', 1, 5, ['audit']],
      ['not-producer-or-consumer-kind', 1, 7, ['crm']],
    ].filter((h) => h[1] !== 0));
  });

  it('requires a time range', async () => {
    const reply = await call<{ error: { code: string; message: string } }>(app, 'GET', '/api/v1/messaging/destinations');
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'QUERY_INVALID');
  });

  it('still lists destinations when the raw-span join hits a guardrail, and says why', async () => {
    const limited = testApp(temp.store, { maxRowsToRead: dependencyRows });
    try {
      const body = await getOk<MessagingDestinationsResponse>(limited, `/api/v1/messaging/destinations?${RANGE}`);
      assert.equal(body.destinations.length, 2);
      assert.ok(body.destinations.every((d) => d.transit === null));
      assert.match(body.transitNote ?? '', /limit/);
    } finally {
      await limited.close();
    }
  });
});
