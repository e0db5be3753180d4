import type { CapDimension } from './cardinality-limiter.ts';

/** The latest overflow of one service in one dimension: what went over the cap, when, how much. */
export interface OverflowRecord {
  /** The service whose operations or dependencies overflowed; `__overflow__` for the service cap. */
  readonly service: string;
  readonly dimension: CapDimension;
  readonly firstSeenMs: number;
  readonly lastSeenMs: number;
  /** Spans aggregated under the overflow name since `firstSeenMs`. */
  readonly spans: number;
  /** The first few names that went over the cap. */
  readonly sampleNames: readonly string[];
  /** The cap that was reached. */
  readonly limit: number;
}

interface MutableRecord {
  readonly service: string;
  readonly dimension: CapDimension;
  readonly firstSeenMs: number;
  lastSeenMs: number;
  spans: number;
  readonly sampleNames: string[];
  readonly limit: number;
}

export const OVERFLOW_SAMPLE_NAMES = 5;
/** Records kept; the least recently updated goes first (services themselves are capped, so rarely reached). */
const MAX_RECORDS = 1000;

/** In-memory record of the latest overflows per (service, dimension), for notices in the UI. */
export class OverflowLog {
  private readonly byKey = new Map<string, MutableRecord>();

  note(service: string, dimension: CapDimension, name: string, spans: number, limit: number, nowMs: number): void {
    const key = `${dimension}\0${service}`;
    let record = this.byKey.get(key);
    if (record === undefined) {
      record = { service, dimension, firstSeenMs: nowMs, lastSeenMs: nowMs, spans: 0, sampleNames: [], limit };
      if (this.byKey.size >= MAX_RECORDS) this.byKey.delete(this.byKey.keys().next().value ?? '');
    } else {
      this.byKey.delete(key);
    }
    this.byKey.set(key, record);
    record.lastSeenMs = Math.max(record.lastSeenMs, nowMs);
    record.spans += spans;
    if (record.sampleNames.length < OVERFLOW_SAMPLE_NAMES && !record.sampleNames.includes(name)) record.sampleNames.push(name);
  }

  /** Every record, most recently updated last. */
  latest(): OverflowRecord[] {
    return [...this.byKey.values()].map((record) => ({ ...record, sampleNames: [...record.sampleNames] }));
  }
}
