import type { KeyValue } from '../../../signals/any-value.ts';
import type { ExponentialBuckets, Exemplar, NumberValue } from '../../../signals/metric-point.ts';
import { fieldMask, readKeyValue } from './protobuf-common.ts';
import { NO_ITEMS } from './row-parts.ts';
import type { PointTarget } from './row-parts.ts';
import { EMPTY_BYTES, metricReason, optionalIdsProblem } from './validate.ts';
import type { WireReader } from './wire-reader.ts';

/*
 * The data point messages of opentelemetry/proto/metrics/v1/metrics.proto. Each reader appends
 * its point to `rows`, or counts it in `rejections`.
 */

/** DataPointFlags.FLAG_NO_RECORDED_VALUE: the point marks the absence of data (e.g. staleness). */
const FLAG_NO_RECORDED_VALUE = 1;

// NumberDataPoint: start_time=2, time=3, as_double=4, exemplars=5, as_int=6, attributes=7, flags=8
const NUMBER_FIELDS = fieldMask(2, 3, 4, 5, 6, 7, 8);
// HistogramDataPoint: start_time=2, time=3, count=4, sum=5, bucket_counts=6, explicit_bounds=7,
// exemplars=8, attributes=9, flags=10, min=11, max=12
const HISTOGRAM_FIELDS = fieldMask(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
// ExponentialHistogramDataPoint: attributes=1, start_time=2, time=3, count=4, sum=5, scale=6,
// zero_count=7, positive=8, negative=9, flags=10, exemplars=11, min=12, max=13, zero_threshold=14
const EXP_HISTOGRAM_FIELDS = fieldMask(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
const BUCKETS_FIELDS = fieldMask(1, 2); // offset=1 (sint32), bucket_counts=2 (repeated uint64)
// SummaryDataPoint: start_time=2, time=3, count=4, sum=5, quantile_values=6, attributes=7, flags=8
const SUMMARY_FIELDS = fieldMask(2, 3, 4, 5, 6, 7, 8);
const QUANTILE_FIELDS = fieldMask(1, 2); // quantile=1, value=2
// Exemplar: time=2, as_double=3, span_id=4, trace_id=5, as_int=6, filtered_attributes=7
const EXEMPLAR_FIELDS = fieldMask(2, 3, 4, 5, 6, 7);

export function readNumberPoint(r: WireReader, t: PointTarget): void {
  const outer = r.enter();
  let attributes: KeyValue[] | undefined;
  let startTimeUnixNano = 0n;
  let timeUnixNano = 0n;
  let flags = 0;
  let value: NumberValue | undefined;
  let exemplars: Exemplar[] | undefined;
  let problem: string | undefined;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x11: startTimeUnixNano = r.fixed64(); break;
      case 0x19: timeUnixNano = r.fixed64(); break;
      case 0x21: value = { kind: 'double', value: r.double() }; break;
      case 0x2a: problem = readExemplarInto(r, (exemplars ??= [])) ?? problem; break;
      case 0x31: value = { kind: 'int', value: r.sfixed64() }; break;
      case 0x3a: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x40: flags = r.uint32(); break;
      default: r.skipUnknown(tag, NUMBER_FIELDS, 'NumberDataPoint');
    }
  }
  r.leave(outer);
  if (value === undefined && (flags & FLAG_NO_RECORDED_VALUE) !== 0) value = { kind: 'double', value: Number.NaN };
  if (problem !== undefined || value === undefined) {
    t.rejections.add(metricReason(problem ?? 'number data point has no value', t.metric.name));
    return;
  }
  const { metric, resource, scope } = t;
  t.rows.push({
    kind: 'number', metric, resource, scope, attributes: attributes ?? NO_ITEMS, startTimeUnixNano, timeUnixNano, flags,
    value, exemplars: exemplars ?? NO_ITEMS,
  });
}

export function readHistogramPoint(r: WireReader, t: PointTarget): void {
  const outer = r.enter();
  let attributes: KeyValue[] | undefined;
  let startTimeUnixNano = 0n;
  let timeUnixNano = 0n;
  let flags = 0;
  let count = 0n;
  let sum: number | undefined;
  let min: number | undefined;
  let max: number | undefined;
  const bucketCounts: bigint[] = [];
  const explicitBounds: number[] = [];
  let exemplars: Exemplar[] | undefined;
  let problem: string | undefined;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x11: startTimeUnixNano = r.fixed64(); break;
      case 0x19: timeUnixNano = r.fixed64(); break;
      case 0x21: count = r.fixed64(); break;
      case 0x29: sum = r.double(); break;
      case 0x32: { // bucket_counts, packed
        const o = r.enter();
        while (r.pos < r.limit) bucketCounts.push(r.fixed64());
        r.leave(o);
        break;
      }
      case 0x31: bucketCounts.push(r.fixed64()); break; // bucket_counts, unpacked
      case 0x3a: { // explicit_bounds, packed
        const o = r.enter();
        while (r.pos < r.limit) explicitBounds.push(r.double());
        r.leave(o);
        break;
      }
      case 0x39: explicitBounds.push(r.double()); break; // explicit_bounds, unpacked
      case 0x42: problem = readExemplarInto(r, (exemplars ??= [])) ?? problem; break;
      case 0x4a: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x50: flags = r.uint32(); break;
      case 0x59: min = r.double(); break;
      case 0x61: max = r.double(); break;
      default: r.skipUnknown(tag, HISTOGRAM_FIELDS, 'HistogramDataPoint');
    }
  }
  r.leave(outer);
  if (problem !== undefined) {
    t.rejections.add(metricReason(problem, t.metric.name));
    return;
  }
  const { metric, resource, scope } = t;
  t.rows.push({
    kind: 'histogram', metric, resource, scope, attributes: attributes ?? NO_ITEMS, startTimeUnixNano, timeUnixNano, flags,
    count, sum, min, max, bucketCounts, explicitBounds, exemplars: exemplars ?? NO_ITEMS,
  });
}

export function readExponentialHistogramPoint(r: WireReader, t: PointTarget): void {
  const outer = r.enter();
  let attributes: KeyValue[] | undefined;
  let startTimeUnixNano = 0n;
  let timeUnixNano = 0n;
  let flags = 0;
  let count = 0n;
  let sum: number | undefined;
  let min: number | undefined;
  let max: number | undefined;
  let scale = 0;
  let zeroCount = 0n;
  let zeroThreshold = 0;
  let positive: ExponentialBuckets = { offset: 0, bucketCounts: NO_ITEMS };
  let negative: ExponentialBuckets = { offset: 0, bucketCounts: NO_ITEMS };
  let exemplars: Exemplar[] | undefined;
  let problem: string | undefined;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x0a: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x11: startTimeUnixNano = r.fixed64(); break;
      case 0x19: timeUnixNano = r.fixed64(); break;
      case 0x21: count = r.fixed64(); break;
      case 0x29: sum = r.double(); break;
      case 0x30: scale = r.sint32(); break;
      case 0x39: zeroCount = r.fixed64(); break;
      case 0x42: positive = readBuckets(r); break;
      case 0x4a: negative = readBuckets(r); break;
      case 0x50: flags = r.uint32(); break;
      case 0x5a: problem = readExemplarInto(r, (exemplars ??= [])) ?? problem; break;
      case 0x61: min = r.double(); break;
      case 0x69: max = r.double(); break;
      case 0x71: zeroThreshold = r.double(); break;
      default: r.skipUnknown(tag, EXP_HISTOGRAM_FIELDS, 'ExponentialHistogramDataPoint');
    }
  }
  r.leave(outer);
  if (problem !== undefined) {
    t.rejections.add(metricReason(problem, t.metric.name));
    return;
  }
  const { metric, resource, scope } = t;
  t.rows.push({
    kind: 'exponential_histogram', metric, resource, scope, attributes: attributes ?? NO_ITEMS, startTimeUnixNano,
    timeUnixNano, flags, count, sum, min, max, scale, zeroCount, zeroThreshold, positive, negative,
    exemplars: exemplars ?? NO_ITEMS,
  });
}

function readBuckets(r: WireReader): ExponentialBuckets {
  const outer = r.enter();
  let offset = 0;
  const bucketCounts: bigint[] = [];
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x08) offset = r.sint32();
    else if (tag === 0x12) { // packed
      const o = r.enter();
      while (r.pos < r.limit) bucketCounts.push(r.uint64());
      r.leave(o);
    } else if (tag === 0x10) bucketCounts.push(r.uint64()); // unpacked
    else r.skipUnknown(tag, BUCKETS_FIELDS, 'ExponentialHistogramDataPoint.Buckets');
  }
  r.leave(outer);
  return { offset, bucketCounts };
}

export function readSummaryPoint(r: WireReader, t: PointTarget): void {
  const outer = r.enter();
  let attributes: KeyValue[] | undefined;
  let startTimeUnixNano = 0n;
  let timeUnixNano = 0n;
  let flags = 0;
  let count = 0n;
  let sum = 0;
  const quantileValues: { quantile: number; value: number }[] = [];
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x11: startTimeUnixNano = r.fixed64(); break;
      case 0x19: timeUnixNano = r.fixed64(); break;
      case 0x21: count = r.fixed64(); break;
      case 0x29: sum = r.double(); break;
      case 0x32: {
        const o = r.enter();
        let quantile = 0;
        let value = 0;
        while (r.pos < r.limit) {
          const qTag = r.tag();
          if (qTag === 0x09) quantile = r.double();
          else if (qTag === 0x11) value = r.double();
          else r.skipUnknown(qTag, QUANTILE_FIELDS, 'SummaryDataPoint.ValueAtQuantile');
        }
        r.leave(o);
        quantileValues.push({ quantile, value });
        break;
      }
      case 0x3a: (attributes ??= []).push(readKeyValue(r, 0)); break;
      case 0x40: flags = r.uint32(); break;
      default: r.skipUnknown(tag, SUMMARY_FIELDS, 'SummaryDataPoint');
    }
  }
  r.leave(outer);
  const { metric, resource, scope } = t;
  t.rows.push({
    kind: 'summary', metric, resource, scope, attributes: attributes ?? NO_ITEMS, startTimeUnixNano, timeUnixNano, flags,
    count, sum, quantileValues,
  });
}

/** Reads an Exemplar and appends it; returns why its ids are invalid, if they are. */
function readExemplarInto(r: WireReader, into: Exemplar[]): string | undefined {
  const outer = r.enter();
  let filteredAttributes: KeyValue[] | undefined;
  let timeUnixNano = 0n;
  let value: NumberValue = { kind: 'double', value: 0 };
  let spanId = EMPTY_BYTES;
  let traceId = EMPTY_BYTES;
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x11: timeUnixNano = r.fixed64(); break;
      case 0x19: value = { kind: 'double', value: r.double() }; break;
      case 0x22: spanId = r.bytes(); break;
      case 0x2a: traceId = r.bytes(); break;
      case 0x31: value = { kind: 'int', value: r.sfixed64() }; break;
      case 0x3a: (filteredAttributes ??= []).push(readKeyValue(r, 0)); break;
      default: r.skipUnknown(tag, EXEMPLAR_FIELDS, 'Exemplar');
    }
  }
  r.leave(outer);
  const problem = optionalIdsProblem(traceId, spanId);
  if (problem !== undefined) return `exemplar ${problem}`;
  into.push({ filteredAttributes: filteredAttributes ?? NO_ITEMS, timeUnixNano, value, spanId, traceId });
  return undefined;
}
