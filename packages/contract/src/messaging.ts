import { z } from 'zod';
import { apmQuery, apmRangeFields, redStatsSchema, seriesStepsSchema } from './apm-common.ts';
import { metricPointSchema } from './metrics.ts';
import { requireOrderedRange } from './time.ts';

/**
 * Messaging (Kafka, RabbitMQ, NATS, SQS…), derived from spans that carry `messaging.system`.
 * A span **publishes** when its kind is PRODUCER, or it is a CLIENT span whose operation
 * (`messaging.operation.type`, older `messaging.operation`) is publish/send/create; it
 * **consumes** when its kind is CONSUMER, or a CLIENT span with receive/process/deliver/settle.
 * Rates, counts and latencies come from the per-minute APM aggregates (resolution one minute,
 * percentiles within ±1%); partitions, consumer groups and producer→consumer latency from the raw
 * spans of the range (bounded by the query guardrails).
 */

export const messagingRoleSchema = z.enum(['publish', 'consume', 'other']);
export type MessagingRole = z.infer<typeof messagingRoleSchema>;

const rangeQuery = z.object({ ...apmRangeFields, system: z.string().min(1).optional() }).superRefine(requireOrderedRange);

/** `GET /api/v1/messaging/destinations?start&end[&system][&environment]`. */
export const messagingDestinationsQuerySchema = apmQuery(rangeQuery);
export type MessagingDestinationsQuery = z.input<typeof messagingDestinationsQuerySchema>;

/**
 * Producer→consumer latency: consumer start − producer start, for consumer spans whose parent or
 * link is a producer span of the same destination (joined by trace id and span id at query time).
 */
export const transitLatencySchema = z.object({
  /** Consumer spans joined to their producer span. */
  linked: z.number().int().nonnegative(),
  avgMs: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
});
export type TransitLatency = z.infer<typeof transitLatencySchema>;

export const messagingDestinationSchema = z.object({
  system: z.string(),
  /** `messaging.destination.template` when sent, else `messaging.destination.name` / `messaging.destination`. */
  destination: z.string(),
  /** Spans that publish: rate, errors, publish latency (span duration). */
  publish: redStatsSchema,
  /** Spans that consume (receive or process): rate, errors, processing latency (span duration). */
  consume: redStatsSchema,
  producers: z.array(z.string()),
  consumers: z.array(z.string()),
  /** Null when it could not be computed (see `transitNote`). */
  transit: transitLatencySchema.nullable(),
  sparkline: seriesStepsSchema.extend({
    published: z.array(z.number().int().nonnegative()),
    consumed: z.array(z.number().int().nonnegative()),
  }),
});
export type MessagingDestination = z.infer<typeof messagingDestinationSchema>;

export const messagingDestinationsResponseSchema = z.object({
  /** Most messages (published + consumed) first. */
  destinations: z.array(messagingDestinationSchema),
  /** Why producer→consumer latency is missing (e.g. the raw-span read hit a guardrail); null when computed. */
  transitNote: z.string().nullable(),
});
export type MessagingDestinationsResponse = z.infer<typeof messagingDestinationsResponseSchema>;

/** `GET /api/v1/messaging/destinations/:system/:destination?start&end[&environment][&step]`. */
export const messagingDestinationQuerySchema = apmQuery(
  z.object({ ...apmRangeFields, step: z.number().int().positive().optional() }).superRefine(requireOrderedRange),
  ['step'],
);
export type MessagingDestinationQuery = z.input<typeof messagingDestinationQuerySchema>;

/** One (service, operation, span kind) that publishes to or consumes from the destination. */
export const messagingOperationSchema = redStatsSchema.extend({
  service: z.string(),
  operation: z.string(),
  spanKind: z.number().int().min(0).max(5),
  role: messagingRoleSchema,
});
export type MessagingOperation = z.infer<typeof messagingOperationSchema>;

const sideStats = z.object({
  count: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  p50Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
});

/** Per partition (`messaging.destination.partition.id`, older `messaging.kafka.destination.partition` / `messaging.kafka.partition`). */
export const messagingPartitionSchema = z.object({
  partition: z.string(),
  publish: sideStats,
  consume: sideStats,
});
export type MessagingPartition = z.infer<typeof messagingPartitionSchema>;

/** Per consumer group (`messaging.consumer.group.name`, older `messaging.kafka.consumer.group`); '' for consumer spans without one. */
export const messagingGroupSchema = z.object({
  group: z.string(),
  consume: sideStats,
  services: z.array(z.string()),
  transit: transitLatencySchema,
});
export type MessagingGroup = z.infer<typeof messagingGroupSchema>;

export const messagingSeriesSchema = seriesStepsSchema.extend({
  published: z.array(z.number().int().nonnegative()),
  consumed: z.array(z.number().int().nonnegative()),
  publishErrors: z.array(z.number().int().nonnegative()),
  consumeErrors: z.array(z.number().int().nonnegative()),
  publishP99Ms: z.array(z.number().nullable()),
  consumeP99Ms: z.array(z.number().nullable()),
});
export type MessagingSeries = z.infer<typeof messagingSeriesSchema>;

/** Consumer lag from `kafka.consumer_group.lag` (Collector kafkametrics) or `kafka_consumergroup_lag` (kafka_exporter). */
export const consumerLagSchema = z.object({
  /** The metric read; null when neither is stored (no lag metrics). */
  metric: z.string().nullable(),
  stepSeconds: z.number(),
  /** One series per consumer group and partition (summing partitions gives the group's lag). */
  series: z.array(z.object({ group: z.string(), partition: z.string(), points: z.array(metricPointSchema) })),
});
export type ConsumerLag = z.infer<typeof consumerLagSchema>;

export const messagingDestinationResponseSchema = z.object({
  system: z.string(),
  destination: z.string(),
  publish: redStatsSchema,
  consume: redStatsSchema,
  operations: z.array(messagingOperationSchema),
  series: messagingSeriesSchema,
  partitions: z.array(messagingPartitionSchema),
  groups: z.array(messagingGroupSchema),
  transit: transitLatencySchema,
  lag: consumerLagSchema,
});
export type MessagingDestinationResponse = z.infer<typeof messagingDestinationResponseSchema>;

/** `GET /api/v1/messaging/hints?start&end[&system]`: what is missing for the messaging views to be complete. */
export const messagingHintsQuerySchema = messagingDestinationsQuerySchema;
export type MessagingHintsQuery = MessagingDestinationsQuery;

export const messagingHintCodeSchema = z.enum([
  'no-messaging-spans',
  'missing-destination',
  'unknown-role',
  'not-producer-or-consumer-kind',
  'kafka-consumer-without-group',
  'kafka-without-partition',
  'consumer-without-producer-link',
  'no-lag-metrics',
]);
export type MessagingHintCode = z.infer<typeof messagingHintCodeSchema>;

export const messagingHintSchema = z.object({
  code: messagingHintCodeSchema,
  /** Spans (or consumer spans) affected, and how many they were out of. */
  count: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  message: z.string(),
  /** Some services that sent the affected spans. */
  services: z.array(z.string()),
});
export type MessagingHint = z.infer<typeof messagingHintSchema>;

export const messagingHintsResponseSchema = z.object({
  /** Spans with `messaging.system` in the range. */
  messagingSpans: z.number().int().nonnegative(),
  hints: z.array(messagingHintSchema),
});
export type MessagingHintsResponse = z.infer<typeof messagingHintsResponseSchema>;
