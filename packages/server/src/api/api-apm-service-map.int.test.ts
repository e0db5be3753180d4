import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ApmServiceMapResponse, ServiceMapEdge, ServiceMapNode } from '@sightline/contract';
import type { AnyValue } from '../signals/any-value.ts';
import type { SpanRow } from '../signals/span.ts';
import { call, testApp } from '../../test/support/api-app.ts';
import { insertSpans } from '../../test/support/api-insert.ts';
import { dependencyGroup, insertDependencyMetrics } from '../../test/support/apm-dependency-rows.ts';
import { assertClose, insertSpanMetrics, metricGroup, nearestRank } from '../../test/support/apm-metric-rows.ts';
import { idBytes, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

/** Five whole minutes ago. The range is the hour before it and 4 minutes after; the join window its newest 30 minutes. */
const T = Math.floor(Date.now() / 60_000) * 60 - 300;
const RANGE = { startS: T - 3600, endS: T + 240 };
const WINDOW = { startS: RANGE.endS - 1800, endS: RANGE.endS };
const RANGE_SECONDS = RANGE.endS - RANGE.startS;
const QUERY = `start=${RANGE.startS * 1000}&end=${RANGE.endS * 1000}`;

// ---- Span metrics: the services' requests (entry spans), and a non-entry operation that must not count.
const ENTRY = {
  frontend: { durations: [20, 25, 30, 35, 400], errors: 1 },
  checkout: { durations: [10, 12, 14, 16, 18, 20, 300], errors: 2 },
  payments: { durations: [50, 60], errors: 0 },
  shipping: { durations: [5, 6, 7], errors: 0 },
};
const SPAN_METRICS = [
  ...Object.entries(ENTRY).map(([service, { durations, errors }]) => metricGroup({ minute: T, service, operation: 'request' }, durations, errors)),
  metricGroup({ minute: T, service: 'checkout', operation: 'SELECT', spanKind: 3, isEntry: false }, [1, 2, 3]),
  metricGroup({ minute: T, service: 'admin', operation: 'nightly job', spanKind: 1, isEntry: false }, [1000]),
];

// ---- Dependency metrics over the range.
const PG_DURATIONS = { select: [1, 2, 3, 4, 5, 6, 7, 8], insert: [30, 40] };
const dep = dependencyGroup;
const DEPENDENCY_METRICS = [
  dep({ minute: T, service: 'checkout', type: 'db', system: 'postgresql', target: 'orders', operation: 'SELECT' }, PG_DURATIONS.select, 1),
  dep({ minute: T - 1200, service: 'checkout', type: 'db', system: 'postgresql', target: 'orders', operation: 'INSERT' }, PG_DURATIONS.insert, 1),
  dep({ minute: T, service: 'checkout', type: 'external', system: 'http', target: 'api.stripe.com:443', operation: 'POST' }, [100, 200, 300]),
  dep({ minute: T, service: 'checkout', type: 'external', system: 'http', target: 'payments', operation: 'POST' }, [50, 60]),
  dep({ minute: T, service: 'frontend', type: 'external', system: 'http', target: 'checkout:8080', operation: 'POST' }, [30, 40, 50, 60]),
  dep({ minute: T, service: 'checkout', type: 'messaging', system: 'kafka', target: 'orders', operation: 'publish', spanKind: 4 }, [1, 1, 2]),
  dep({ minute: T, service: 'shipping', type: 'messaging', system: 'kafka', target: 'orders', operation: 'process', spanKind: 5 }, [5, 6, 7]),
  // admin called checkout's host long before the join window: drawn to the service, measured over the range.
  dep({ minute: T - 3000, service: 'admin', type: 'external', system: 'http', target: 'checkout:8080', operation: 'GET' }, [9, 11], 1),
];

// ---- Raw spans for the service → service join.
const str = (value: string): AnyValue => ({ kind: 'string', value });
const int = (value: bigint): AnyValue => ({ kind: 'int', value });
let next = 0;

interface Hop {
  readonly caller: string;
  readonly callee?: string;
  readonly callerKind?: number;
  readonly calleeKind?: number;
  readonly attributes: Record<string, AnyValue>;
  readonly durationMs: number;
  readonly error?: boolean;
  /** Seconds after T. */
  readonly at?: number;
}

function resource(service: string) {
  return { attributes: [{ key: 'service.name', value: str(service) }], droppedAttributesCount: 0, schemaUrl: '' };
}

/** A client (or producer) span and, when `callee` is set, its server (or consumer) child span. */
function hop(h: Hop): SpanRow[] {
  next++;
  const traceId = idBytes(next.toString(16).padStart(32, 'c'));
  const clientId = idBytes(next.toString(16).padStart(16, 'd'));
  const start = BigInt(T + (h.at ?? 10)) * 1_000_000_000n + BigInt(next) * 1_000_000n;
  const end = start + BigInt(h.durationMs * 1_000_000);
  const client = sampleSpan({
    traceId,
    spanId: clientId,
    parentSpanId: idBytes('00000000000000ff'),
    kind: h.callerKind ?? 3,
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    attributes: Object.entries(h.attributes).map(([key, value]) => ({ key, value })),
    statusCode: h.error === true ? 2 : 0,
    resource: resource(h.caller),
  });
  if (h.callee === undefined) return [client];
  const server = sampleSpan({
    traceId,
    spanId: idBytes(next.toString(16).padStart(16, 'e')),
    parentSpanId: clientId,
    kind: h.calleeKind ?? 2,
    startTimeUnixNano: start + 1_000_000n,
    endTimeUnixNano: end - 1_000_000n,
    resource: resource(h.callee),
  });
  return [client, server];
}

const toCheckout = { 'http.request.method': str('POST'), 'server.address': str('checkout'), 'server.port': int(8080n) };
const FRONTEND_TO_CHECKOUT = [30, 40, 50, 60];
const CHECKOUT_TO_PAYMENTS = [50, 60];
const RAW_SPANS = [
  ...FRONTEND_TO_CHECKOUT.flatMap((ms, i) => hop({ caller: 'frontend', callee: 'checkout', attributes: toCheckout, durationMs: ms, error: i === 0 })),
  ...CHECKOUT_TO_PAYMENTS.flatMap((ms) => hop({ caller: 'checkout', callee: 'payments', attributes: { 'peer.service': str('payments') }, durationMs: ms })),
  // A message: drawn through the kafka node, not as checkout → shipping.
  ...hop({ caller: 'checkout', callee: 'shipping', callerKind: 4, calleeKind: 5, attributes: { 'messaging.system': str('kafka') }, durationMs: 2 }),
  // No instrumented service behind it.
  ...hop({ caller: 'checkout', attributes: { 'server.address': str('api.stripe.com'), 'server.port': int(443n) }, durationMs: 100 }),
  // Within one service: not an edge.
  ...hop({ caller: 'checkout', callee: 'checkout', attributes: toCheckout, durationMs: 5 }),
  // Before the join window (but in the range).
  ...hop({ caller: 'frontend', callee: 'checkout', attributes: toCheckout, durationMs: 70, at: -2400 }),
];

const ORDER = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
const serviceNode = (name: string, durations: readonly number[], errors: number): ServiceMapNode => ({
  id: `service:${name}`,
  kind: 'service',
  name,
  system: '',
  calls: durations.length,
  errorRate: durations.length === 0 ? 0 : errors / durations.length,
  p99Ms: durations.length === 0 ? null : nearestRank(durations, 0.99),
});

const otherNode = (id: string, kind: ServiceMapNode['kind'], name: string, system: string): ServiceMapNode => ({
  id,
  kind,
  name,
  system,
  calls: null,
  errorRate: null,
  p99Ms: null,
});

const EXPECTED_NODES: ServiceMapNode[] = [
  serviceNode('admin', [], 0),
  serviceNode('checkout', ENTRY.checkout.durations, ENTRY.checkout.errors),
  serviceNode('frontend', ENTRY.frontend.durations, ENTRY.frontend.errors),
  serviceNode('payments', ENTRY.payments.durations, ENTRY.payments.errors),
  serviceNode('shipping', ENTRY.shipping.durations, ENTRY.shipping.errors),
  otherNode('database:postgresql/orders', 'database', 'orders', 'postgresql'),
  otherNode('messaging:kafka/orders', 'messaging', 'orders', 'kafka'),
  otherNode('external:api.stripe.com:443', 'external', 'api.stripe.com:443', ''),
].sort(ORDER);

function edge(source: string, target: string, durations: readonly number[], errors: number, seconds: number): ServiceMapEdge {
  return { source, target, calls: durations.length, rate: durations.length / seconds, errors, errorRate: errors / durations.length, p99Ms: nearestRank(durations, 0.99) };
}

const EXPECTED_EDGES: ServiceMapEdge[] = [
  edge('messaging:kafka/orders', 'service:shipping', [5, 6, 7], 0, RANGE_SECONDS),
  edge('service:admin', 'service:checkout', [9, 11], 1, RANGE_SECONDS),
  edge('service:checkout', 'database:postgresql/orders', [...PG_DURATIONS.select, ...PG_DURATIONS.insert], 2, RANGE_SECONDS),
  edge('service:checkout', 'external:api.stripe.com:443', [100, 200, 300], 0, RANGE_SECONDS),
  edge('service:checkout', 'messaging:kafka/orders', [1, 1, 2], 0, RANGE_SECONDS),
  edge('service:checkout', 'service:payments', CHECKOUT_TO_PAYMENTS, 0, WINDOW.endS - WINDOW.startS),
  edge('service:frontend', 'service:checkout', FRONTEND_TO_CHECKOUT, 1, WINDOW.endS - WINDOW.startS),
];

/** Equal apart from p99, which must be within 1% of the exact nearest-rank value. */
function assertSameWithP99<T extends { p99Ms: number | null }>(actual: readonly T[], expected: readonly T[], what: string): void {
  assert.deepEqual(
    actual.map((item) => ({ ...item, p99Ms: null })),
    expected.map((item) => ({ ...item, p99Ms: null })),
    what,
  );
  expected.forEach((item, index) => {
    if (item.p99Ms === null) assert.equal(actual[index]?.p99Ms, null, `${what} ${index} p99`);
    else assertClose(actual[index]?.p99Ms ?? null, item.p99Ms, `${what} ${index} p99`);
  });
}

describe('APM service map API: nodes from the aggregates, service edges from joined spans', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertSpanMetrics(temp.store, SPAN_METRICS);
    await insertDependencyMetrics(temp.store, DEPENDENCY_METRICS);
    await insertSpans(temp.store, RAW_SPANS);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const get = async (target: FastifyInstance, query: string): Promise<ApmServiceMapResponse> => {
    const reply = await call<ApmServiceMapResponse>(target, 'GET', `/api/v1/apm/service-map?${query}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body;
  };

  it('draws services, the database, the kafka destination and the unmatched external host, with their edges', async () => {
    const map = await get(app, QUERY);
    assertSameWithP99(map.nodes, EXPECTED_NODES, 'nodes');
    assertSameWithP99(map.edges, EXPECTED_EDGES, 'edges');
    assert.deepEqual(map.serviceEdgesWindow, { startMs: WINDOW.startS * 1000, endMs: WINDOW.endS * 1000 });
  });

  it('draws no external node for hosts the join matched to services', async () => {
    const map = await get(app, QUERY);
    assert.deepEqual(
      map.nodes.filter((node) => node.kind === 'external').map((node) => node.id),
      ['external:api.stripe.com:443'],
    );
  });

  it('joins over the configured window only', async () => {
    const wide = testApp(temp.store, {}, undefined, { apm: { serviceMapWindowMinutes: 120 } });
    try {
      const map = await get(wide, QUERY);
      assert.deepEqual(map.serviceEdgesWindow, { startMs: RANGE.startS * 1000, endMs: RANGE.endS * 1000 });
      const frontend = map.edges.find((e) => e.source === 'service:frontend' && e.target === 'service:checkout');
      assert.equal(frontend?.calls, FRONTEND_TO_CHECKOUT.length + 1);
      assert.equal(frontend?.rate, (FRONTEND_TO_CHECKOUT.length + 1) / RANGE_SECONDS);
    } finally {
      await wide.close();
    }
  });

  it('keeps one environment', async () => {
    assert.deepEqual(await get(app, `${QUERY}&environment=nowhere`), {
      nodes: [],
      edges: [],
      serviceEdgesWindow: { startMs: WINDOW.startS * 1000, endMs: WINDOW.endS * 1000 },
    });
  });

  it('rejects a missing or reversed range with 400', async () => {
    for (const bad of [`start=${RANGE.startS * 1000}`, `start=${RANGE.endS * 1000}&end=${RANGE.startS * 1000}`, `${QUERY}&environment=`]) {
      const reply = await call(app, 'GET', `/api/v1/apm/service-map?${bad}`);
      assert.equal(reply.status, 400, bad);
    }
  });
});
