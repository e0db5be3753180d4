import { joinSql, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import { inRange, type TimeRange } from '../time-range.ts';
import { CONSUME_OPERATIONS, PUBLISH_OPERATIONS } from './messaging-role.ts';

/**
 * SQL over raw spans for the messaging views: each attribute read under its current
 * semantic-convention key, then the older ones (a value may arrive as text or as an integer).
 */

/** The first of `keys` a span carries, as text ('' when none), from the string or the int map. */
function firstAttributeText(keys: readonly string[]): SqlFragment {
  const branches = keys.flatMap((key) => [
    sql`mapContains(attributes_string, ${key}), attributes_string[${key}]`,
    sql`mapContains(attributes_int, ${key}), toString(attributes_int[${key}])`,
  ]);
  return sql`multiIf(${joinSql(branches, ', ')}, '')`;
}

export const PARTITION_KEYS = ['messaging.destination.partition.id', 'messaging.kafka.destination.partition', 'messaging.kafka.partition'] as const;
export const GROUP_KEYS = ['messaging.consumer.group.name', 'messaging.kafka.consumer.group'] as const;
export const OPERATION_KEYS = ['messaging.operation.type', 'messaging.operation'] as const;

export const PARTITION_SQL = firstAttributeText(PARTITION_KEYS);
export const GROUP_SQL = firstAttributeText(GROUP_KEYS);
const OPERATION_SQL = firstAttributeText(OPERATION_KEYS);

/**
 * The destination as the aggregates name it (pipeline/span-metrics/dependency-call.ts): the template
 * when sent, else the destination name, else for RabbitMQ's default exchange the routing key (the queue).
 */
export const DESTINATION_SQL = sql`multiIf(attributes_string['messaging.destination.template'] != '', attributes_string['messaging.destination.template'],
  messaging_destination != '', messaging_destination,
  messaging_system = 'rabbitmq', if(mapContains(attributes_string, 'messaging.rabbitmq.destination.routing_key'),
    attributes_string['messaging.rabbitmq.destination.routing_key'], attributes_string['messaging.rabbitmq.routing_key']), '')`;

const inList = (values: readonly string[]): SqlFragment => trustedSql(`(${values.map((v) => `'${v}'`).join(', ')})`);

/** 'publish' | 'consume' | 'other', by the rules of messaging-role.ts. */
export const ROLE_SQL = sql`multiIf(kind = 4, 'publish', kind = 5, 'consume', kind != 3, 'other',
  lower(if(${OPERATION_SQL} = '', 'receive', ${OPERATION_SQL})) IN ${inList(PUBLISH_OPERATIONS)}, 'publish',
  lower(if(${OPERATION_SQL} = '', 'receive', ${OPERATION_SQL})) IN ${inList(CONSUME_OPERATIONS)}, 'consume', 'other')`;

const ENVIRONMENT_SQL = sql`if(mapContains(resource_string, 'deployment.environment.name'), resource_string['deployment.environment.name'], resource_string['deployment.environment'])`;

export interface RawScope {
  readonly range: TimeRange;
  readonly system?: string | undefined;
  readonly destination?: string | undefined;
  readonly environment?: string | undefined;
}

/** Messaging spans of the scope (time first, so partitions and the sort key prune). */
export function rawMessagingWhere(scope: RawScope, range: TimeRange = scope.range): SqlFragment {
  const parts = [inRange(sql`timestamp`, range), sql`messaging_system != ''`];
  if (scope.system !== undefined) parts.push(sql`messaging_system = ${scope.system}`);
  if (scope.destination !== undefined) parts.push(sql`${DESTINATION_SQL} = ${scope.destination}`);
  if (scope.environment !== undefined) parts.push(sql`${ENVIRONMENT_SQL} = ${scope.environment}`);
  return joinSql(parts, ' AND ');
}
