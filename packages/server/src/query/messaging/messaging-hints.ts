import type { MessagingHint, MessagingHintsResponse } from '@sightline/contract';
import { sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { storedLagMetric } from './consumer-lag.ts';
import { DESTINATION_SQL, GROUP_SQL, PARTITION_SQL, rawMessagingWhere, ROLE_SQL, type RawScope } from './messaging-sql.ts';
import { transitLatency } from './transit-latency.ts';

interface CountsRow {
  readonly total: string;
  readonly no_destination: string;
  readonly other_kind: string;
  readonly unknown_role: string;
  readonly consumers: string;
  readonly kafka_consumers: string;
  readonly kafka_no_group: string;
  readonly kafka_spans: string;
  readonly kafka_no_partition: string;
  readonly s_no_destination: readonly string[];
  readonly s_other_kind: readonly string[];
  readonly s_unknown_role: readonly string[];
  readonly s_no_group: readonly string[];
  readonly s_no_partition: readonly string[];
}

/** Services named per hint (a literal: aggregate function parameters take no query parameters). */
const SERVICES = trustedSql('5');

/**
 * What the messaging spans of the range lack for the messaging views: a destination, a kind or
 * operation that tells publishing from consuming, Kafka consumer groups and partitions, trace
 * context from producer to consumer, and lag metrics. One scan of the range's messaging spans
 * and one producer→consumer join.
 */
export async function messagingHints(store: Store, limits: ReadLimits, scope: RawScope): Promise<MessagingHintsResponse> {
  const [rows, transit, lagMetric] = await Promise.all([
    store.query<CountsRow>(
      sql`SELECT toString(count()) AS total,
            toString(countIf(h_destination = '' AND kind IN (3, 4, 5))) AS no_destination,
            toString(countIf(kind NOT IN (3, 4, 5))) AS other_kind,
            toString(countIf(kind = 3 AND h_role = 'other')) AS unknown_role,
            toString(countIf(h_role = 'consume')) AS consumers,
            toString(countIf(h_kafka AND h_role = 'consume')) AS kafka_consumers,
            toString(countIf(h_kafka AND h_role = 'consume' AND h_group = '')) AS kafka_no_group,
            toString(countIf(h_kafka AND h_role != 'other')) AS kafka_spans,
            toString(countIf(h_kafka AND h_role != 'other' AND h_partition = '')) AS kafka_no_partition,
            groupUniqArrayIf(${SERVICES})(service_name, h_destination = '' AND kind IN (3, 4, 5)) AS s_no_destination,
            groupUniqArrayIf(${SERVICES})(service_name, kind NOT IN (3, 4, 5)) AS s_other_kind,
            groupUniqArrayIf(${SERVICES})(service_name, kind = 3 AND h_role = 'other') AS s_unknown_role,
            groupUniqArrayIf(${SERVICES})(service_name, h_kafka AND h_role = 'consume' AND h_group = '') AS s_no_group,
            groupUniqArrayIf(${SERVICES})(service_name, h_kafka AND h_role != 'other' AND h_partition = '') AS s_no_partition
          FROM (
            SELECT kind, service_name, ${DESTINATION_SQL} AS h_destination, ${ROLE_SQL} AS h_role, ${GROUP_SQL} AS h_group,
              ${PARTITION_SQL} AS h_partition, messaging_system = 'kafka' AS h_kafka
            FROM spans WHERE ${rawMessagingWhere(scope)}
          )`,
      storeLimits(limits),
    ),
    transitLatency(store, limits, scope, false),
    storedLagMetric(store, limits),
  ]);
  const row = rows[0];
  const n = (text: string | undefined): number => Number(text ?? 0);
  const total = n(row?.total);
  const hints: MessagingHint[] = [];
  const add = (code: MessagingHint['code'], count: number, of: number, message: string, services: readonly string[] = []): void => {
    if (count > 0) hints.push({ code, count, of, message, services: [...services].sort() });
  };
  if (total === 0) {
    hints.push({
      code: 'no-messaging-spans',
      count: 0,
      of: 0,
      message: 'No spans with messaging.system in this range. Instrument your producers and consumers (e.g. the Kafka or AMQP instrumentations of OpenTelemetry).',
      services: [],
    });
    return { messagingSpans: 0, hints };
  }
  add('missing-destination', n(row?.no_destination), total, 'Spans with messaging.system but an empty or missing messaging.destination.name (or the older messaging.destination; for RabbitMQ also no routing key): they are listed under an empty destination.', row?.s_no_destination);
  add('not-producer-or-consumer-kind', n(row?.other_kind), total, 'Spans with messaging.system whose kind is neither PRODUCER, CONSUMER nor CLIENT: they are not counted as messages.', row?.s_other_kind);
  add('unknown-role', n(row?.unknown_role), total, 'CLIENT spans whose messaging.operation.type (or messaging.operation) is neither publish/send/create nor receive/process/deliver (e.g. settle): not counted as published or consumed.', row?.s_unknown_role);
  add('kafka-consumer-without-group', n(row?.kafka_no_group), n(row?.kafka_consumers), 'Kafka consumer spans without messaging.consumer.group.name (or the older messaging.kafka.consumer.group): no per-group breakdown for them.', row?.s_no_group);
  add('kafka-without-partition', n(row?.kafka_no_partition), n(row?.kafka_spans), 'Kafka spans without messaging.destination.partition.id (or the older messaging.kafka.destination.partition): no per-partition breakdown for them.', row?.s_no_partition);
  const consumers = n(row?.consumers);
  const linked = transit.reduce((sum, t) => sum + t.linkedConsumers, 0);
  add('consumer-without-producer-link', consumers - linked, consumers, 'Consumer spans whose parent or links are not a producer span in this range: propagate the trace context in message headers to measure producer→consumer latency.');
  if (lagMetric === null && n(row?.kafka_spans) > 0) {
    hints.push({
      code: 'no-lag-metrics',
      count: 0,
      of: 0,
      message: 'No consumer lag metrics: scrape kafka_exporter (kafka_consumergroup_lag) or run the Collector’s kafkametrics receiver (kafka.consumer_group.lag).',
      services: [],
    });
  }
  return { messagingSpans: total, hints };
}
