import type { ExponentialBuckets } from '../../../signals/metric-point.ts';
import { ResetHint, type PromBuckets, type PromNativeHistogram } from './write-request.ts';

/** The fields of an exponential histogram point converted from a native histogram. */
export interface ExponentialFields {
  readonly count: bigint;
  readonly sum: number;
  readonly scale: number;
  readonly zeroCount: bigint;
  readonly zeroThreshold: number;
  readonly positive: ExponentialBuckets;
  readonly negative: ExponentialBuckets;
}

export type NativeConversion = { readonly ok: true; readonly fields: ExponentialFields } | { readonly ok: false; readonly reason: string };

/** Standard exponential schemas; others (custom buckets, -53) have no exponential-histogram form. */
const MIN_SCHEMA = -4;
const MAX_SCHEMA = 8;
/** Most buckets per side once gaps between spans are filled with zeros (a bound on memory per point). */
export const MAX_DENSE_BUCKETS = 16_384;

const MIN_INT32 = -(2 ** 31);
const EMPTY: ExponentialBuckets = { offset: 0, bucketCounts: [] };

function wholeCount(value: number): bigint | undefined {
  return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : undefined;
}

/**
 * Spans and per-bucket counts (absolute, or deltas to the previous bucket) as dense buckets.
 * A Prometheus bucket with index i holds (base^(i-1), base^i], the OpenTelemetry one (base^i, base^(i+1)],
 * so OTel indexes are one lower.
 */
function denseBuckets(side: PromBuckets, float: boolean): ExponentialBuckets | string {
  const sparse = float ? side.counts.length : side.deltas.length;
  const expected = side.spans.reduce((total, span) => total + span.length, 0);
  if (sparse !== expected) return `spans cover ${expected} buckets but ${sparse} counts were sent`;
  if (expected === 0) return EMPTY;
  const first = side.spans[0]!.offset;
  const counts: bigint[] = [];
  let next = 0;
  let running = 0n;
  for (const [i, span] of side.spans.entries()) {
    const gap = i === 0 ? 0 : span.offset;
    if (gap < 0) return 'a bucket span has a negative gap';
    if (counts.length + gap + span.length > MAX_DENSE_BUCKETS) return `more than ${MAX_DENSE_BUCKETS} buckets`;
    for (let k = 0; k < gap; k += 1) counts.push(0n);
    for (let k = 0; k < span.length; k += 1, next += 1) {
      let count: bigint | undefined;
      if (float) {
        count = wholeCount(side.counts[next]!);
      } else {
        running += side.deltas[next]!;
        count = running;
      }
      if (count === undefined || count < 0n) return 'a bucket count is negative or not a whole number';
      counts.push(count);
    }
  }
  if (first - 1 < MIN_INT32) return 'the first bucket index is out of range';
  return { offset: first - 1, bucketCounts: counts };
}

/**
 * A native histogram as an OpenTelemetry exponential histogram, or why it cannot be one: gauge
 * histograms (no cumulative meaning), custom-bucket schemas, and float histograms whose counts are
 * not whole numbers are refused rather than stored approximately.
 */
export function nativeToExponential(h: PromNativeHistogram): NativeConversion {
  if (h.resetHint === ResetHint.GAUGE) return { ok: false, reason: 'gauge histograms are not supported' };
  if (h.schema < MIN_SCHEMA || h.schema > MAX_SCHEMA || h.customValues.length > 0) {
    return { ok: false, reason: `schema ${h.schema} is not an exponential schema (custom buckets are not supported)` };
  }
  const float = h.count.kind === 'float';
  const count = h.count.kind === 'float' ? wholeCount(h.count.value) : h.count.value;
  const zeroCount = h.zeroCount.kind === 'float' ? wholeCount(h.zeroCount.value) : h.zeroCount.value;
  if (count === undefined || zeroCount === undefined) return { ok: false, reason: 'a float histogram count is not a whole number' };
  const positive = denseBuckets(h.positive, float);
  if (typeof positive === 'string') return { ok: false, reason: `positive buckets: ${positive}` };
  const negative = denseBuckets(h.negative, float);
  if (typeof negative === 'string') return { ok: false, reason: `negative buckets: ${negative}` };
  return { ok: true, fields: { count, sum: h.sum, scale: h.schema, zeroCount, zeroThreshold: h.zeroThreshold, positive, negative } };
}
