import { latencyBucketOf } from '../../src/signals/latency-buckets.ts';
import type { SpanMetricGroup } from '../../src/signals/span-metrics.ts';
import { encodeRows, insertTarget } from '../../src/storage/encode/encode-rows.ts';
import { spanMetrics1mTable } from '../../src/storage/schema/apm-tables.ts';
import type { Store } from '../../src/storage/store.ts';

/** The key of one per-minute span-metrics row. */
export interface GroupKey {
  readonly minute: number;
  readonly service: string;
  readonly operation: string;
  readonly spanKind?: number;
  readonly isEntry?: boolean;
  readonly environment?: string;
}

/** One aggregate row of spans with these durations (ms), the first `errors` of them failed. */
export function metricGroup(key: GroupKey, durationsMs: readonly number[], errors = 0): SpanMetricGroup {
  const latency = new Map<number, number>();
  const errorLatency = new Map<number, number>();
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  durationsMs.forEach((ms, index) => {
    const ns = Math.round(ms * 1e6);
    const bucket = latencyBucketOf(ns);
    latency.set(bucket, (latency.get(bucket) ?? 0) + 1);
    if (index < errors) errorLatency.set(bucket, (errorLatency.get(bucket) ?? 0) + 1);
    sum += ns;
    min = Math.min(min, ns);
    max = Math.max(max, ns);
  });
  return {
    minute: key.minute,
    service: key.service,
    operation: key.operation,
    spanKind: key.spanKind ?? 2,
    isEntry: key.isEntry ?? true,
    environment: key.environment ?? '',
    calls: durationsMs.length,
    errors,
    durationSumNs: sum,
    durationMinNs: durationsMs.length === 0 ? 0 : min,
    durationMaxNs: max,
    latency,
    errorLatency,
  };
}

/** Inserts per-minute rows the way the span-metrics stage does (the hourly rollup follows by view). */
export async function insertSpanMetrics(store: Store, groups: readonly SpanMetricGroup[]): Promise<void> {
  const chunk = encodeRows(spanMetrics1mTable, groups);
  await store.insertRowBinary(insertTarget(spanMetrics1mTable), [chunk.data]);
}

/** The exact value of nearest rank ⌈q·n⌉ (what the APM percentiles approximate within 1%). */
export function nearestRank(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}

/** Asserts `actual` is within `relative` of `expected`; the message names both. */
export function assertClose(actual: number | null, expected: number, what: string, relative = 0.01): void {
  if (actual === null || Math.abs(actual - expected) > relative * expected) {
    throw new Error(`${what}: ${String(actual)} is not within ${relative * 100}% of ${expected}`);
  }
}

/** A small deterministic generator (tests must not depend on Math.random). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
