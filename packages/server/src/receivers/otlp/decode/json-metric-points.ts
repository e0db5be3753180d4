import type { Attributes } from '../../../signals/any-value.ts';
import type { ExponentialBuckets, Exemplar, NumberValue } from '../../../signals/metric-point.ts';
import { jsonKeyValues } from './json-common.ts';
import {
  asArray, asDouble, asHexId, asInt32, asInt64, asObject, asOptionalDouble, asUint32, asUint64, field, jsonError,
} from './json-values.ts';
import type { JsonObject } from './json-values.ts';
import { NO_ITEMS } from './row-parts.ts';
import type { PointTarget } from './row-parts.ts';
import { metricReason, optionalIdsProblem } from './validate.ts';

/** The data point messages of metrics.proto in OTLP/JSON. Each reader appends its point or counts it as rejected. */

/** DataPointFlags.FLAG_NO_RECORDED_VALUE: the point marks the absence of data (e.g. staleness). */
const FLAG_NO_RECORDED_VALUE = 1;

export type JsonPointReader = (value: unknown, t: PointTarget) => void;

function pointObject(value: unknown): JsonObject {
  const o = asObject(value, 'dataPoint');
  if (o === undefined) throw jsonError('dataPoints must not contain null');
  return o;
}

interface Common {
  readonly attributes: Attributes;
  readonly startTimeUnixNano: bigint;
  readonly timeUnixNano: bigint;
  readonly flags: number;
}

function common(o: JsonObject): Common {
  return {
    attributes: jsonKeyValues(o.attributes, 'dataPoint.attributes'),
    startTimeUnixNano: asUint64(field(o, 'startTimeUnixNano', 'start_time_unix_nano'), 'dataPoint.startTimeUnixNano'),
    timeUnixNano: asUint64(field(o, 'timeUnixNano', 'time_unix_nano'), 'dataPoint.timeUnixNano'),
    flags: asUint32(o.flags, 'dataPoint.flags'),
  };
}

/** as_double / as_int of a NumberDataPoint or an Exemplar; undefined when neither is set. */
function numberValue(o: JsonObject, where: string): NumberValue | undefined {
  const asInt = field(o, 'asInt', 'as_int');
  if (asInt !== undefined) return { kind: 'int', value: asInt64(asInt, `${where}.asInt`) };
  const asDbl = field(o, 'asDouble', 'as_double');
  if (asDbl !== undefined) return { kind: 'double', value: asDouble(asDbl, `${where}.asDouble`) };
  return undefined;
}

/** The point's exemplars, or why one of them has invalid ids. */
function exemplars(o: JsonObject): readonly Exemplar[] | string {
  const items = asArray(o.exemplars, 'dataPoint.exemplars');
  if (items.length === 0) return NO_ITEMS;
  const out: Exemplar[] = [];
  for (const item of items) {
    const e = asObject(item, 'exemplar');
    if (e === undefined) throw jsonError('exemplars must not contain null');
    const traceId = asHexId(field(e, 'traceId', 'trace_id'), 'exemplar.traceId');
    const spanId = asHexId(field(e, 'spanId', 'span_id'), 'exemplar.spanId');
    if (traceId === undefined || spanId === undefined) return `exemplar ${traceId === undefined ? 'trace_id' : 'span_id'} is not a hex string`;
    const problem = optionalIdsProblem(traceId, spanId);
    if (problem !== undefined) return `exemplar ${problem}`;
    out.push({
      filteredAttributes: jsonKeyValues(field(e, 'filteredAttributes', 'filtered_attributes'), 'exemplar.filteredAttributes'),
      timeUnixNano: asUint64(field(e, 'timeUnixNano', 'time_unix_nano'), 'exemplar.timeUnixNano'),
      value: numberValue(e, 'exemplar') ?? { kind: 'double', value: 0 },
      spanId,
      traceId,
    });
  }
  return out;
}

export function readNumberPoint(value: unknown, t: PointTarget): void {
  const o = pointObject(value);
  const c = common(o);
  let v = numberValue(o, 'dataPoint');
  if (v === undefined && (c.flags & FLAG_NO_RECORDED_VALUE) !== 0) v = { kind: 'double', value: Number.NaN };
  const ex = exemplars(o);
  if (v === undefined || typeof ex === 'string') {
    t.rejections.add(metricReason(typeof ex === 'string' ? ex : 'number data point has no value', t.metric.name));
    return;
  }
  const { metric, resource, scope } = t;
  t.rows.push({ kind: 'number', metric, resource, scope, ...c, value: v, exemplars: ex });
}

function uint64List(value: unknown, where: string): bigint[] {
  return asArray(value, where).map((item) => asUint64(item, where));
}

export function readHistogramPoint(value: unknown, t: PointTarget): void {
  const o = pointObject(value);
  const ex = exemplars(o);
  if (typeof ex === 'string') {
    t.rejections.add(metricReason(ex, t.metric.name));
    return;
  }
  const { metric, resource, scope } = t;
  t.rows.push({
    kind: 'histogram', metric, resource, scope, ...common(o),
    count: asUint64(o.count, 'dataPoint.count'),
    sum: asOptionalDouble(o.sum, 'dataPoint.sum'),
    min: asOptionalDouble(o.min, 'dataPoint.min'),
    max: asOptionalDouble(o.max, 'dataPoint.max'),
    bucketCounts: uint64List(field(o, 'bucketCounts', 'bucket_counts'), 'dataPoint.bucketCounts'),
    explicitBounds: asArray(field(o, 'explicitBounds', 'explicit_bounds'), 'dataPoint.explicitBounds').map((b) => asDouble(b, 'dataPoint.explicitBounds')),
    exemplars: ex,
  });
}

function buckets(value: unknown, where: string): ExponentialBuckets {
  const o = asObject(value, where);
  if (o === undefined) return { offset: 0, bucketCounts: NO_ITEMS };
  return {
    offset: asInt32(o.offset, `${where}.offset`),
    bucketCounts: uint64List(field(o, 'bucketCounts', 'bucket_counts'), `${where}.bucketCounts`),
  };
}

export function readExponentialHistogramPoint(value: unknown, t: PointTarget): void {
  const o = pointObject(value);
  const ex = exemplars(o);
  if (typeof ex === 'string') {
    t.rejections.add(metricReason(ex, t.metric.name));
    return;
  }
  const { metric, resource, scope } = t;
  t.rows.push({
    kind: 'exponential_histogram', metric, resource, scope, ...common(o),
    count: asUint64(o.count, 'dataPoint.count'),
    sum: asOptionalDouble(o.sum, 'dataPoint.sum'),
    min: asOptionalDouble(o.min, 'dataPoint.min'),
    max: asOptionalDouble(o.max, 'dataPoint.max'),
    scale: asInt32(o.scale, 'dataPoint.scale'),
    zeroCount: asUint64(field(o, 'zeroCount', 'zero_count'), 'dataPoint.zeroCount'),
    zeroThreshold: asDouble(field(o, 'zeroThreshold', 'zero_threshold'), 'dataPoint.zeroThreshold'),
    positive: buckets(o.positive, 'dataPoint.positive'),
    negative: buckets(o.negative, 'dataPoint.negative'),
    exemplars: ex,
  });
}

export function readSummaryPoint(value: unknown, t: PointTarget): void {
  const o = pointObject(value);
  const quantileValues = asArray(field(o, 'quantileValues', 'quantile_values'), 'dataPoint.quantileValues').map((item) => {
    const q = asObject(item, 'quantileValue');
    if (q === undefined) throw jsonError('quantileValues must not contain null');
    return { quantile: asDouble(q.quantile, 'quantileValue.quantile'), value: asDouble(q.value, 'quantileValue.value') };
  });
  const { metric, resource, scope } = t;
  t.rows.push({
    kind: 'summary', metric, resource, scope, ...common(o),
    count: asUint64(o.count, 'dataPoint.count'),
    sum: asDouble(o.sum, 'dataPoint.sum'),
    quantileValues,
  });
}
