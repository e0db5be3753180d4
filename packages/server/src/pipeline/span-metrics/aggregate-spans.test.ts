import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_TIME_NS, idBytes, sampleResource, sampleSpan } from '../../../test/support/sample-rows.ts';
import type { Attributes } from '../../signals/any-value.ts';
import { latencyBucketOf } from '../../signals/latency-buckets.ts';
import type { ResourceInfo } from '../../signals/resource.ts';
import { SpanKind, StatusCode, type SpanRow } from '../../signals/span.ts';
import { aggregateSpans } from './aggregate-spans.ts';
import { UNKNOWN_SERVICE } from './span-facts.ts';

const MINUTE_NS = 60_000_000_000n;
const MINUTE_START_NS = BASE_TIME_NS - (BASE_TIME_NS % MINUTE_NS);
const MINUTE_S = Number(MINUTE_START_NS / 1_000_000_000n);

function strings(entries: Record<string, string>): Attributes {
  return Object.entries(entries).map(([key, value]) => ({ key, value: { kind: 'string', value } }));
}

let nextId = 1;
/** A span starting `offsetMs` into the test minute and lasting `durationMs`. */
function timedSpan(offsetMs: number, durationMs: number, overrides: Partial<SpanRow> = {}): SpanRow {
  const startTimeUnixNano = MINUTE_START_NS + BigInt(offsetMs) * 1_000_000n;
  return sampleSpan({
    spanId: idBytes((nextId++).toString(16).padStart(16, '0')),
    startTimeUnixNano,
    endTimeUnixNano: startTimeUnixNano + BigInt(durationMs) * 1_000_000n,
    ...overrides,
  });
}

describe('aggregateSpans', () => {
  it('counts calls, errors, durations and latency buckets per service and operation', () => {
    const spans = [
      timedSpan(0, 10),
      timedSpan(1000, 20, { statusCode: StatusCode.ERROR }),
      timedSpan(2000, 30, { statusCode: StatusCode.OK }),
      timedSpan(3000, 500, { name: 'GET /health' }),
    ];
    const digest = aggregateSpans(spans, { normalizeSpanNames: true });
    assert.equal(digest.spans.length, 2);
    const cart = digest.spans.find((group) => group.operation === 'GET /cart');
    assert.ok(cart);
    assert.deepEqual(
      { minute: cart.minute, service: cart.service, spanKind: cart.spanKind, isEntry: cart.isEntry, environment: cart.environment },
      { minute: MINUTE_S, service: 'checkout', spanKind: SpanKind.SERVER, isEntry: true, environment: '' },
    );
    assert.equal(cart.calls, 3);
    assert.equal(cart.errors, 1);
    assert.equal(cart.durationSumNs, 60_000_000);
    assert.equal(cart.durationMinNs, 10_000_000);
    assert.equal(cart.durationMaxNs, 30_000_000);
    assert.deepEqual(
      cart.latency,
      new Map([
        [latencyBucketOf(10_000_000), 1],
        [latencyBucketOf(20_000_000), 1],
        [latencyBucketOf(30_000_000), 1],
      ]),
    );
    assert.equal(new Set(cart.latency.keys()).size, 3);
    // The failed span's bucket, again, for apdex.
    assert.deepEqual(cart.errorLatency, new Map([[latencyBucketOf(20_000_000), 1]]));
    assert.equal(digest.dependencies.length, 0);
  });

  it('splits groups by minute, kind, entry-ness and environment', () => {
    const production: ResourceInfo = { ...sampleResource, attributes: [...sampleResource.attributes, ...strings({ 'deployment.environment.name': 'production' })] };
    const root = timedSpan(0, 5);
    const spans = [
      root,
      timedSpan(61_000, 5),
      timedSpan(1000, 5, { resource: production }),
      timedSpan(2000, 5, { kind: SpanKind.INTERNAL, parentSpanId: root.spanId }),
    ];
    const digest = aggregateSpans(spans, { normalizeSpanNames: true });
    const keys = digest.spans.map((group) => `${group.minute - MINUTE_S} ${group.spanKind} ${group.isEntry} ${group.environment || '-'} ${group.calls}`).sort();
    assert.deepEqual(keys, ['0 1 false - 1', '0 2 true - 1', '0 2 true production 1', '60 2 true - 1']);
  });

  it('aggregates normalized names of HTTP spans without a route; raw names stay on the rows', () => {
    const spans = [timedSpan(0, 5, { name: 'GET /users/1' }), timedSpan(10, 5, { name: 'GET /users/2' }), timedSpan(20, 5, { name: 'GET /users/3' })];
    assert.deepEqual(
      aggregateSpans(spans, { normalizeSpanNames: true }).spans.map((group) => [group.operation, group.calls]),
      [['GET /users/{id}', 3]],
    );
    assert.deepEqual(aggregateSpans(spans, { normalizeSpanNames: false }).spans.map((group) => group.operation).sort(), ['GET /users/1', 'GET /users/2', 'GET /users/3']);
    assert.equal(spans[0]?.name, 'GET /users/1');
  });

  it('uses the SDK default service name when the resource has none', () => {
    const anonymous: ResourceInfo = { attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
    assert.equal(aggregateSpans([timedSpan(0, 1, { resource: anonymous })], { normalizeSpanNames: true }).spans[0]?.service, UNKNOWN_SERVICE);
  });

  it('aggregates dependency calls beside the span groups', () => {
    const query = { kind: SpanKind.CLIENT, attributes: strings({ 'db.system.name': 'postgresql', 'db.namespace': 'shop', 'db.query.text': 'SELECT * FROM carts' }) };
    const spans = [
      timedSpan(0, 4, { ...query, name: 'SELECT shop.carts' }),
      timedSpan(10, 6, { ...query, name: 'SELECT shop.carts', statusCode: StatusCode.ERROR }),
      timedSpan(20, 1, { kind: SpanKind.CLIENT, name: 'pg-pool.connect', attributes: strings({ 'db.system': 'postgresql' }) }),
      timedSpan(30, 8, { kind: SpanKind.CLIENT, name: 'GET', attributes: strings({ 'http.request.method': 'GET', 'server.address': 'pay.example.com' }) }),
    ];
    const digest = aggregateSpans(spans, { normalizeSpanNames: true });
    assert.equal(digest.spans.reduce((sum, group) => sum + group.calls, 0), 4);
    const dependencies = digest.dependencies.map((group) => ({
      type: group.dependencyType,
      system: group.system,
      target: group.target,
      operation: group.operation,
      calls: group.calls,
      errors: group.errors,
      durationSumNs: group.durationSumNs,
      service: group.service,
      minute: group.minute,
    }));
    assert.deepEqual(dependencies, [
      { type: 'db', system: 'postgresql', target: 'shop', operation: 'SELECT', calls: 2, errors: 1, durationSumNs: 10_000_000, service: 'checkout', minute: MINUTE_S },
      { type: 'external', system: 'http', target: 'pay.example.com', operation: 'GET', calls: 1, errors: 0, durationSumNs: 8_000_000, service: 'checkout', minute: MINUTE_S },
    ]);
  });

  it('counts a span that ends before it starts as zero long', () => {
    const span = timedSpan(0, 0, { endTimeUnixNano: MINUTE_START_NS - 1n });
    const group = aggregateSpans([span], { normalizeSpanNames: true }).spans[0];
    assert.equal(group?.durationMaxNs, 0);
    assert.deepEqual(group?.latency, new Map([[0, 1]]));
  });
});
