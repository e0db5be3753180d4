import type { Attributes } from '../../src/signals/any-value.ts';
import type { ExponentialHistogramPoint, HistogramPoint, MetricInfo, MetricPoint, MetricType, NumberPoint, SummaryPoint } from '../../src/signals/metric-point.ts';
import type { ResourceInfo } from '../../src/signals/resource.ts';
import { BASE_TIME_NS, sampleScope } from './sample-rows.ts';

export const SEC = 1_000_000_000n;
/** Start of the queried range: five one-minute steps ending at BASE_TIME_NS. */
export const T0 = BASE_TIME_NS - 300n * SEC;
const LONG_AGO = T0 - 3_600n * SEC;

function info(name: string, type: MetricType, temporality: number, isMonotonic: boolean, unit = '', description = ''): MetricInfo {
  return { name, description, unit, type, temporality, isMonotonic, metadata: [] };
}

function resource(service: string): ResourceInfo {
  return { attributes: [{ key: 'service.name', value: { kind: 'string', value: service } }], droppedAttributesCount: 0, schemaUrl: '' };
}

function labels(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

interface Where {
  readonly service?: string;
  readonly attrs?: Record<string, string>;
  /** Seconds after T0 (negative: before the range). */
  readonly at: number;
  readonly start?: bigint;
}

function common(metric: MetricInfo, where: Where) {
  return {
    metric,
    resource: resource(where.service ?? 'checkout'),
    scope: sampleScope,
    attributes: labels(where.attrs ?? {}),
    startTimeUnixNano: where.start ?? LONG_AGO,
    timeUnixNano: T0 + BigInt(where.at) * SEC,
    flags: 0,
  };
}

function num(metric: MetricInfo, where: Where, value: number): NumberPoint {
  return { ...common(metric, where), kind: 'number', value: Number.isInteger(value) ? { kind: 'int', value: BigInt(value) } : { kind: 'double', value }, exemplars: [] };
}

function hist(metric: MetricInfo, where: Where, bounds: number[], counts: number[]): HistogramPoint {
  const count = counts.reduce((a, b) => a + b, 0);
  return {
    ...common(metric, where),
    kind: 'histogram',
    count: BigInt(count),
    sum: undefined,
    min: undefined,
    max: undefined,
    bucketCounts: counts.map(BigInt),
    explicitBounds: bounds,
    exemplars: [],
  };
}

interface ExpShape {
  readonly scale: number;
  readonly zero?: number;
  readonly positive?: [number, number[]];
  readonly negative?: [number, number[]];
}

function exp(metric: MetricInfo, where: Where, shape: ExpShape): ExponentialHistogramPoint {
  const [posOffset, pos] = shape.positive ?? [0, []];
  const [negOffset, neg] = shape.negative ?? [0, []];
  const count = [...pos, ...neg].reduce((a, b) => a + b, shape.zero ?? 0);
  return {
    ...common(metric, where),
    kind: 'exponential_histogram',
    count: BigInt(count),
    sum: undefined,
    min: undefined,
    max: undefined,
    scale: shape.scale,
    zeroCount: BigInt(shape.zero ?? 0),
    zeroThreshold: 0,
    positive: { offset: posOffset, bucketCounts: pos.map(BigInt) },
    negative: { offset: negOffset, bucketCounts: neg.map(BigInt) },
    exemplars: [],
  };
}

function summary(metric: MetricInfo, where: Where, count: number, quantiles: [number, number][]): SummaryPoint {
  return { ...common(metric, where), kind: 'summary', count: BigInt(count), sum: 0, quantileValues: quantiles.map(([quantile, value]) => ({ quantile, value })) };
}

const gauge = info('cpu.temp', 'gauge', 0, false, 'Cel', 'CPU temperature');
const requests = info('http.requests', 'sum', 2, true, '{request}');
const bytes = info('bytes.sent', 'sum', 1, true, 'By');
const latency = info('latency', 'histogram', 1, false, 'ms');
const latencyCum = info('latency.cum', 'histogram', 2, false, 's');
const expLatency = info('exp.latency', 'exponential_histogram', 1, false, 'ms');
const expCum = info('exp.cum', 'exponential_histogram', 2, false, 'ms');
const rpc = info('rpc.duration', 'summary', 0, false, 'ms');

export const metricPoints: MetricPoint[] = [
  num(gauge, { attrs: { host: 'a' }, at: 10 }, 50),
  num(gauge, { attrs: { host: 'a' }, at: 50 }, 55),
  num(gauge, { attrs: { host: 'a' }, at: 70 }, 60.5),
  num(gauge, { attrs: { host: 'b' }, at: 20 }, 40),
  // Cumulative counter /a: base before the range, a restart (drop) between 70 s and 130 s.
  ...[[-30, 100], [10, 110], [70, 130], [130, 5], [190, 25], [250, 40]].map(([at = 0, value = 0]) => num(requests, { attrs: { route: '/a' }, at }, value)),
  // Counter /b started inside the range: its first value counts as increase.
  num(requests, { service: 'payments', attrs: { route: '/b' }, at: 10, start: T0 + 5n * SEC }, 3),
  num(requests, { service: 'payments', attrs: { route: '/b' }, at: 70, start: T0 + 5n * SEC }, 6),
  num(bytes, { attrs: { peer: 'x' }, at: 10 }, 5),
  num(bytes, { attrs: { peer: 'x' }, at: 20 }, 7),
  num(bytes, { attrs: { peer: 'x' }, at: 70 }, 1),
  num(bytes, { attrs: { peer: 'y' }, at: 15 }, 10),
  hist(latency, { attrs: { route: '/a' }, at: 10 }, [10, 50, 100], [2, 3, 5, 0]),
  hist(latency, { attrs: { route: '/a' }, at: 20 }, [10, 50, 100], [0, 2, 0, 1]),
  hist(latency, { service: 'payments', attrs: { route: '/b' }, at: 30 }, [10, 50, 100], [1, 0, 4, 0]),
  hist(latencyCum, { at: -30 }, [1, 2], [1, 1, 0]),
  hist(latencyCum, { at: 10 }, [1, 2], [3, 2, 0]),
  hist(latencyCum, { at: 70 }, [1, 2], [1, 0, 0]),
  exp(expLatency, { attrs: { pod: '1' }, at: 10 }, { scale: 0, positive: [0, [1, 2, 1]] }),
  exp(expLatency, { attrs: { pod: '2' }, at: 20 }, { scale: 1, positive: [2, [2]] }),
  exp(expLatency, { attrs: { pod: '1' }, at: 70 }, { scale: 0, zero: 2, negative: [0, [2]], positive: [1, [2]] }),
  exp(expCum, { at: -30 }, { scale: 0, positive: [0, [1, 1]] }),
  exp(expCum, { at: 10 }, { scale: 0, positive: [0, [3, 1, 1]] }),
  summary(rpc, { at: 10 }, 100, [[0.5, 10], [0.99, 50]]),
  summary(rpc, { at: 20 }, 120, [[0.5, 12], [0.99, 60]]),
];
