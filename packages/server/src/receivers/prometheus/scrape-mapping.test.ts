import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringAttribute, type Attributes } from '../../signals/any-value.ts';
import type { HistogramPoint, MetricPoint, NumberPoint, SummaryPoint } from '../../signals/metric-point.ts';
import { parseExposition } from './parse-exposition.ts';
import { labelFamilies } from './sample-labels.ts';
import { familiesToPoints } from './scrape-mapping.ts';

const T1 = 1_700_000_000_000_000_000n;
const TARGET = new Map([
  ['job', 'node'],
  ['instance', 'db-1:9100'],
]);

function map(text: string, format: 'prometheus-text' | 'openmetrics', timeNs = T1) {
  const labeled = labelFamilies(parseExposition(text, format).families, TARGET, false, []);
  const result = familiesToPoints(labeled.families, { timeNs, scheme: 'http' });
  return result;
}

function point<K extends MetricPoint['kind']>(points: MetricPoint[], name: string, kind: K): Extract<MetricPoint, { kind: K }> {
  const found = points.find((p) => p.metric.name === name);
  assert.ok(found, `${name} in ${points.map((p) => p.metric.name).join(', ')}`);
  assert.equal(found.kind, kind);
  return found as Extract<MetricPoint, { kind: K }>;
}

function attrs(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(attributes.map((a) => [a.key, a.value.kind === 'int' ? Number(a.value.value) : (a.value as { value: unknown }).value]));
}

describe('exposition → metric points', () => {
  it('maps a counter to a monotonic cumulative sum with job/instance attributes and the Prometheus resource', () => {
    const { points } = map('# HELP reqs_total Requests.\n# TYPE reqs_total counter\nreqs_total{code="200"} 10\n', 'prometheus-text');
    const p = point(points, 'reqs_total', 'number');
    assert.deepEqual(
      { type: p.metric.type, temporality: p.metric.temporality, monotonic: p.metric.isMonotonic, description: p.metric.description },
      { type: 'sum', temporality: 2, monotonic: true, description: 'Requests.' },
    );
    assert.deepEqual(p.value, { kind: 'double', value: 10 });
    assert.deepEqual(attrs(p.attributes), { code: '200', job: 'node', instance: 'db-1:9100' });
    assert.deepEqual(attrs(p.resource.attributes), {
      'service.name': 'node',
      'service.instance.id': 'db-1:9100',
      'server.address': 'db-1',
      'server.port': 9100,
      'url.scheme': 'http',
    });
    assert.equal(p.scope.name, 'sightline/prometheus-scrape');
    assert.equal(p.timeUnixNano, T1);
    assert.equal(p.startTimeUnixNano, 0n, 'no _created: start unknown');
  });

  it('takes the start time from _created and the sample timestamp when given (OpenMetrics)', () => {
    const { points } = map('# TYPE c counter\n# UNIT c seconds\nc_total 4 1700000001.5\nc_created 1699999000.25\n# EOF\n', 'openmetrics');
    const p = point(points, 'c_total', 'number');
    assert.equal(p.startTimeUnixNano, 1_699_999_000_250_000_000n);
    assert.equal(p.timeUnixNano, 1_700_000_001_500_000_000n);
    assert.equal(p.metric.unit, 'seconds');
    assert.equal(points.length, 1, 'no separate _created series');
  });

  it('maps gauges, untyped and the tolerated OpenMetrics types to gauges, keeping NaN and infinities', () => {
    const { points } = map(
      '# TYPE g gauge\ng NaN\ng{x="1"} -Inf\nbare 3\n# TYPE b info\nb_info{v="1"} 1\n# TYPE s stateset\ns{s="a"} 1\n# EOF\n',
      'openmetrics',
    );
    const gauges = points.filter((p): p is NumberPoint => p.kind === 'number');
    assert.deepEqual(
      gauges.map((p) => [p.metric.name, p.metric.type, p.metric.metadata.map((m) => stringAttribute([m], 'prometheus.type'))[0] ?? '']),
      [
        ['g', 'gauge', ''],
        ['g', 'gauge', ''],
        ['bare', 'gauge', 'unknown'],
        ['b_info', 'gauge', 'info'],
        ['s', 'gauge', 'stateset'],
      ],
    );
    assert.ok(Number.isNaN(gauges[0]!.value.value));
    assert.equal(gauges[1]!.value.value, Number.NEGATIVE_INFINITY);
    assert.equal(gauges[0]!.startTimeUnixNano, T1);
  });

  it('turns cumulative buckets into per-bucket counts with bounds without +Inf, one point per series', () => {
    const text = [
      '# HELP lat Latency.',
      '# TYPE lat histogram',
      'lat_bucket{path="/a",le="0.1"} 2',
      'lat_bucket{path="/a",le="0.5"} 5',
      'lat_bucket{path="/a",le="1"} 9',
      'lat_bucket{path="/a",le="+Inf"} 10',
      'lat_sum{path="/a"} 4.5',
      'lat_count{path="/a"} 10',
      'lat_bucket{path="/b",le="0.1"} 0',
      'lat_bucket{path="/b",le="0.5"} 0',
      'lat_bucket{path="/b",le="1"} 0',
      'lat_bucket{path="/b",le="+Inf"} 1',
      'lat_sum{path="/b"} 7',
      'lat_count{path="/b"} 1',
    ].join('\n');
    const { points, issues } = map(`${text}\n`, 'prometheus-text');
    const hist = points.filter((p): p is HistogramPoint => p.kind === 'histogram');
    assert.equal(hist.length, 2);
    const a = hist.find((p) => stringAttribute(p.attributes, 'path') === '/a')!;
    assert.deepEqual([...a.explicitBounds], [0.1, 0.5, 1]);
    assert.deepEqual([...a.bucketCounts], [2n, 3n, 4n, 1n]);
    assert.equal(a.count, 10n);
    assert.equal(a.sum, 4.5);
    assert.equal(a.metric.temporality, 2);
    assert.equal(a.metric.description, 'Latency.');
    assert.deepEqual(attrs(a.attributes), { path: '/a', job: 'node', instance: 'db-1:9100' }, 'no le attribute');
    const b = hist.find((p) => stringAttribute(p.attributes, 'path') === '/b')!;
    assert.deepEqual([...b.bucketCounts], [0n, 0n, 0n, 1n]);
    assert.deepEqual(issues, []);
  });

  it('keeps exemplars of buckets, with trace and span ids as bytes', () => {
    const text = [
      '# TYPE h histogram',
      'h_bucket{le="1"} 1 # {trace_id="0102030405060708090a0b0c0d0e0f10",span_id="1112131415161718",user="u"} 0.5 1700000000.25',
      'h_bucket{le="+Inf"} 1',
      'h_count 1',
      'h_sum 0.5',
      'h_created 1690000000',
      '# EOF',
    ].join('\n');
    const h = point(map(`${text}\n`, 'openmetrics').points, 'h', 'histogram');
    assert.equal(h.exemplars.length, 1);
    const exemplar = h.exemplars[0]!;
    assert.equal(Buffer.from(exemplar.traceId).toString('hex'), '0102030405060708090a0b0c0d0e0f10');
    assert.equal(Buffer.from(exemplar.spanId).toString('hex'), '1112131415161718');
    assert.deepEqual(attrs(exemplar.filteredAttributes), { user: 'u' });
    assert.equal(exemplar.timeUnixNano, 1_700_000_000_250_000_000n);
    assert.equal(h.startTimeUnixNano, 1_690_000_000_000_000_000n);
  });

  it('reports inconsistent buckets instead of storing negative counts', () => {
    const { points, issues } = map('# TYPE h histogram\nh_bucket{le="1"} 5\nh_bucket{le="2"} 3\nh_bucket{le="+Inf"} 6\nh_count 6\nh_sum 1\n', 'prometheus-text');
    assert.deepEqual([...point(points, 'h', 'histogram').bucketCounts], [5n, 0n, 1n]);
    assert.match(issues[0] ?? '', /bucket le=2 holds fewer than the bucket below it/);
  });

  it('maps a summary to quantiles, sum and count', () => {
    const text = '# TYPE rpc summary\nrpc{quantile="0.99"} 9\nrpc{quantile="0.5"} 4\nrpc_sum 100.5\nrpc_count 20\n';
    const s: SummaryPoint = point(map(text, 'prometheus-text').points, 'rpc', 'summary');
    assert.deepEqual(s.quantileValues, [
      { quantile: 0.5, value: 4 },
      { quantile: 0.99, value: 9 },
    ]);
    assert.equal(s.sum, 100.5);
    assert.equal(s.count, 20n);
    assert.equal(s.metric.temporality, 0);
    assert.deepEqual(attrs(s.attributes), { job: 'node', instance: 'db-1:9100' });
  });
});
