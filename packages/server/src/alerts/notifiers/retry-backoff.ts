import type { DeliveryConfig } from '../alerts-config.ts';

/**
 * The wait after failed attempt `attempt` (1-based): initialBackoffMs doubling per attempt, capped
 * at maxBackoffMs. A service's Retry-After lengthens it (never beyond the cap).
 */
export function backoffDelayMs(
  config: Pick<DeliveryConfig, 'initialBackoffMs' | 'maxBackoffMs'>,
  attempt: number,
  retryAfterSeconds?: number,
): number {
  const exponential = config.initialBackoffMs * 2 ** Math.max(0, attempt - 1);
  const requested = retryAfterSeconds === undefined ? 0 : retryAfterSeconds * 1000;
  return Math.min(config.maxBackoffMs, Math.max(exponential, requested));
}
