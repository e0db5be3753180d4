import type { MetadataLookup } from './metric-kind.ts';
import type { PromMetricMetadata } from './write-request.ts';

/**
 * Metric metadata remembered across requests. Prometheus sends metadata in requests of their own
 * (every minute by default), not with the samples they describe, so a receiver that only looked
 * at each request's own metadata would never use it. Bounded: the oldest families are forgotten.
 */
export class MetadataCache {
  private readonly byFamily = new Map<string, PromMetricMetadata>();

  constructor(private readonly maxFamilies: number) {}

  remember(metadata: readonly PromMetricMetadata[]): void {
    for (const entry of metadata) {
      if (entry.familyName === '') continue;
      // Re-inserting moves the family to the newest end of the Map's order.
      this.byFamily.delete(entry.familyName);
      this.byFamily.set(entry.familyName, entry);
      if (this.byFamily.size > this.maxFamilies) {
        const oldest = this.byFamily.keys().next();
        if (oldest.done !== true) this.byFamily.delete(oldest.value);
      }
    }
  }

  readonly lookup: MetadataLookup = (familyName) => this.byFamily.get(familyName);

  get size(): number {
    return this.byFamily.size;
  }
}
