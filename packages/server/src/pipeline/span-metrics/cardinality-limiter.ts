import { APM_OVERFLOW_NAME } from '@sightline/contract';

export type CapDimension = 'service' | 'operation' | 'dependency';

export interface CardinalityLimits {
  readonly maxServices: number;
  /** Operations, and separately dependency keys, tracked per service. */
  readonly maxOperationsPerService: number;
  readonly windowSeconds: number;
}

interface TrackedService {
  readonly operations: Set<string>;
  readonly dependencies: Set<string>;
}

function admit(tracked: Set<string>, name: string, limit: number): boolean {
  if (tracked.has(name)) return true;
  if (tracked.size >= limit) return false;
  tracked.add(name);
  return true;
}

/**
 * Decides which names the APM aggregates keep: the first `maxServices` services and, per service,
 * the first `maxOperationsPerService` operations and dependency keys seen in the current wall-clock
 * window; later names go under `__overflow__`. Everything is forgotten when a window starts, so a
 * burst of names caps the aggregates for one window only, and memory stays bounded by the limits.
 */
export class CardinalityLimiter {
  private readonly services = new Map<string, TrackedService>();
  private window = Number.NaN;

  constructor(readonly limits: CardinalityLimits) {}

  /** Starts a new window (forgetting every tracked name) when `nowMs` is past the current one. */
  advanceTo(nowMs: number): void {
    const window = Math.floor(nowMs / (this.limits.windowSeconds * 1000));
    if (window === this.window) return;
    this.window = window;
    this.services.clear();
  }

  /** The service name to store: the name, or `__overflow__` past the cap. */
  service(name: string): string {
    if (this.services.has(name)) return name;
    // The overflow service is always tracked, beside the capped ones.
    if (name !== APM_OVERFLOW_NAME && this.trackedServices() >= this.limits.maxServices) return APM_OVERFLOW_NAME;
    this.tracked(name);
    return name;
  }

  /** The operation name to store for a service already passed through `service()`. */
  operation(service: string, operation: string): string {
    return admit(this.tracked(service).operations, operation, this.limits.maxOperationsPerService) ? operation : APM_OVERFLOW_NAME;
  }

  /** Whether a dependency key (type, system, target, operation joined) of a service is tracked. */
  dependency(service: string, key: string): boolean {
    return admit(this.tracked(service).dependencies, key, this.limits.maxOperationsPerService);
  }

  /** Names tracked now in each dimension (operations and dependencies summed over services). */
  trackedCounts(): Record<CapDimension, number> {
    const counts = { service: this.trackedServices(), operation: 0, dependency: 0 };
    for (const tracked of this.services.values()) {
      counts.operation += tracked.operations.size;
      counts.dependency += tracked.dependencies.size;
    }
    return counts;
  }

  private trackedServices(): number {
    return this.services.size - (this.services.has(APM_OVERFLOW_NAME) ? 1 : 0);
  }

  /** The names tracked for a service that `service()` returned (so it is one of the bounded set). */
  private tracked(service: string): TrackedService {
    let tracked = this.services.get(service);
    if (tracked === undefined) {
      tracked = { operations: new Set(), dependencies: new Set() };
      this.services.set(service, tracked);
    }
    return tracked;
  }
}
