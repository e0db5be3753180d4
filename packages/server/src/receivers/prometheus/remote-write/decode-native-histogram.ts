import type { WireReader } from '../../otlp/decode/wire-reader.ts';
import { fields, readRepeated, sint64 } from './protobuf-fields.ts';
import type { PromBucketSpan, PromNativeHistogram } from './write-request.ts';

// Histogram: count_int=1, count_float=2, sum=3, schema=4 (sint32), zero_threshold=5, zero_count_int=6,
// zero_count_float=7, negative_spans=8, negative_deltas=9 (sint64), negative_counts=10, positive_spans=11,
// positive_deltas=12, positive_counts=13, reset_hint=14, timestamp=15, custom_values=16
const HISTOGRAM_FIELDS = fields(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
const SPAN_FIELDS = fields(1, 2); // offset=1 (sint32), length=2 (uint32)

const readDouble = (r: WireReader): number => r.double();

function readSpan(r: WireReader): PromBucketSpan {
  const outer = r.enter();
  let offset = 0;
  let length = 0;
  while (r.pos < r.limit) {
    const tag = r.tag();
    if (tag === 0x08) offset = r.sint32();
    else if (tag === 0x10) length = r.uint32();
    else r.skipUnknown(tag, SPAN_FIELDS, 'BucketSpan');
  }
  r.leave(outer);
  return { offset, length };
}

/** Reads one Histogram message (the reader is at its length prefix). */
export function readNativeHistogram(r: WireReader): PromNativeHistogram {
  const outer = r.enter();
  let count: PromNativeHistogram['count'] = { kind: 'int', value: 0n };
  let zeroCount: PromNativeHistogram['zeroCount'] = { kind: 'int', value: 0n };
  let sum = 0;
  let schema = 0;
  let zeroThreshold = 0;
  let resetHint = 0;
  let timestampMs = 0n;
  const negativeSpans: PromBucketSpan[] = [];
  const positiveSpans: PromBucketSpan[] = [];
  const negativeDeltas: bigint[] = [];
  const positiveDeltas: bigint[] = [];
  const negativeCounts: number[] = [];
  const positiveCounts: number[] = [];
  const customValues: number[] = [];
  while (r.pos < r.limit) {
    const tag = r.tag();
    switch (tag) {
      case 0x08: count = { kind: 'int', value: r.uint64() }; break;
      case 0x11: count = { kind: 'float', value: r.double() }; break;
      case 0x19: sum = r.double(); break;
      case 0x20: schema = r.sint32(); break;
      case 0x29: zeroThreshold = r.double(); break;
      case 0x30: zeroCount = { kind: 'int', value: r.uint64() }; break;
      case 0x39: zeroCount = { kind: 'float', value: r.double() }; break;
      case 0x42: negativeSpans.push(readSpan(r)); break;
      case 0x48: case 0x4a: readRepeated(r, tag, negativeDeltas, sint64); break;
      case 0x51: case 0x52: readRepeated(r, tag, negativeCounts, readDouble); break;
      case 0x5a: positiveSpans.push(readSpan(r)); break;
      case 0x60: case 0x62: readRepeated(r, tag, positiveDeltas, sint64); break;
      case 0x69: case 0x6a: readRepeated(r, tag, positiveCounts, readDouble); break;
      case 0x70: resetHint = r.int32(); break;
      case 0x78: timestampMs = r.int64(); break;
      case 0x81: case 0x82: readRepeated(r, tag, customValues, readDouble); break;
      default: r.skipUnknown(tag, HISTOGRAM_FIELDS, 'Histogram');
    }
  }
  r.leave(outer);
  return {
    count,
    sum,
    schema,
    zeroThreshold,
    zeroCount,
    negative: { spans: negativeSpans, deltas: negativeDeltas, counts: negativeCounts },
    positive: { spans: positiveSpans, deltas: positiveDeltas, counts: positiveCounts },
    resetHint,
    timestampMs,
    customValues,
  };
}
