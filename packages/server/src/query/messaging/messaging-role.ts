import type { MessagingRole } from '@sightline/contract';
import { SpanKind } from '../../signals/span.ts';

/**
 * Whether a messaging span publishes or consumes. PRODUCER and CONSUMER spans say so by their
 * kind; CLIENT spans by their operation (`messaging.operation.type`, older `messaging.operation`):
 * publish/send/create publish, receive/process/deliver consume. The span-metrics stage defaults a
 * missing operation to `publish` for producers and `receive` otherwise, so a client span without
 * one counts as consuming — the raw-span SQL (messaging-sql.ts) applies the same rule.
 */
export const PUBLISH_OPERATIONS: readonly string[] = ['publish', 'send', 'create'];
export const CONSUME_OPERATIONS: readonly string[] = ['receive', 'process', 'deliver'];

/** The operation a span without one is given (as dependency-call.ts does). */
export function defaultOperation(kind: number): string {
  return kind === SpanKind.PRODUCER ? 'publish' : 'receive';
}

export function messagingRoleOf(kind: number, operation: string): MessagingRole {
  if (kind === SpanKind.PRODUCER) return 'publish';
  if (kind === SpanKind.CONSUMER) return 'consume';
  if (kind !== SpanKind.CLIENT) return 'other';
  const op = (operation === '' ? defaultOperation(kind) : operation).toLowerCase();
  if (PUBLISH_OPERATIONS.includes(op)) return 'publish';
  if (CONSUME_OPERATIONS.includes(op)) return 'consume';
  return 'other';
}
