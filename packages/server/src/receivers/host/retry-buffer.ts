import { Counter, type Registry } from 'prom-client';
import type { MetricPoint } from '../../signals/metric-point.ts';

/** The counter of host points given up on; main registers it once and passes it to the receiver. */
export function hostMetricsDiscardedCounter(registry: Registry): Counter {
  return new Counter({
    name: 'sightline_hostmetrics_discarded_points_total',
    help: 'Host metric points discarded because the store refused them for longer than the retry buffer holds.',
    registers: [registry],
  });
}

export interface FlushOutcome {
  readonly written: number;
  /** Points of the oldest collections given up on because the write was refused again. */
  readonly discarded: number;
  /** Why the write was refused, when it was. */
  readonly error?: unknown;
}

/**
 * Collections the store has not taken yet (back-pressure), retried with the next one. Bounded: past
 * `maxCollections` the oldest is discarded and its points counted, never dropped unseen.
 */
export class RetryBuffer {
  private collections: MetricPoint[][] = [];

  constructor(
    private readonly maxCollections: number,
    private readonly discarded: Pick<Counter, 'inc'>,
  ) {}

  get pendingPoints(): number {
    return this.collections.reduce((sum, points) => sum + points.length, 0);
  }

  get pendingCollections(): number {
    return this.collections.length;
  }

  add(points: MetricPoint[]): void {
    if (points.length > 0) this.collections.push(points);
  }

  /**
   * Writes every pending point, oldest first, in one call; they leave the buffer once that call
   * resolves. A refused call stores nothing: all of it stays for the next try, except the oldest
   * collections beyond `maxCollections`, which are discarded and counted.
   */
  async flush(write: (points: readonly MetricPoint[]) => Promise<void>): Promise<FlushOutcome> {
    if (this.collections.length === 0) return { written: 0, discarded: 0 };
    const taken = [...this.collections];
    const points = taken.flat();
    try {
      await write(points);
    } catch (error) {
      return { written: 0, discarded: this.trim(), error };
    }
    this.collections = this.collections.filter((collection) => !taken.includes(collection));
    return { written: points.length, discarded: 0 };
  }

  private trim(): number {
    let dropped = 0;
    while (this.collections.length > this.maxCollections) {
      dropped += this.collections.shift()?.length ?? 0;
    }
    if (dropped > 0) this.discarded.inc(dropped);
    return dropped;
  }

  /** Gives up on everything pending (at shutdown), counting it. */
  discardAll(): number {
    const count = this.pendingPoints;
    this.collections = [];
    if (count > 0) this.discarded.inc(count);
    return count;
  }
}
