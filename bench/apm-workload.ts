import type { Attributes, KeyValue } from '../packages/server/src/signals/any-value.ts';
import type { ResourceInfo, ScopeInfo } from '../packages/server/src/signals/resource.ts';
import type { SpanRow } from '../packages/server/src/signals/span.ts';

/**
 * A deterministic APM workload: ~20 services calling each other, ~500 operations, spread evenly over
 * a time window. Each trace is an entry request into a service with an internal step, a database
 * query, and an HTTP call to another service that serves it (5 spans).
 */
export const SPANS_PER_TRACE = 5;
export const SERVICE_COUNT = 20;
const ENTRY_OPERATIONS = 8;
const HOSTS_PER_SERVICE = 2;
const NS_PER_MS = 1_000_000n;

/** A small fast PRNG (mulberry32), so runs generate the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (key: string, value: string): KeyValue => ({ key, value: { kind: 'string', value } });
const int = (key: string, value: number): KeyValue => ({ key, value: { kind: 'int', value: BigInt(value) } });

interface Service {
  readonly name: string;
  readonly resources: readonly ResourceInfo[];
  readonly routes: readonly string[];
  /** Median latency of each entry route, ms. */
  readonly medians: readonly number[];
}

export function serviceName(index: number): string {
  const names = ['frontend', 'checkout', 'cart', 'catalog', 'payments', 'shipping', 'users', 'auth', 'search', 'recommendations'];
  return `${names[index % names.length] as string}${index >= names.length ? '-' + String(Math.floor(index / names.length)) : ''}`;
}

function buildServices(next: () => number): Service[] {
  return Array.from({ length: SERVICE_COUNT }, (_, index) => {
    const name = serviceName(index);
    const resources = Array.from({ length: HOSTS_PER_SERVICE }, (_, host) => ({
      attributes: [
        text('service.name', name),
        text('service.instance.id', `${name}-${host}`),
        text('host.name', `vm-${(index + host) % 8}`),
        text('deployment.environment.name', 'production'),
        text('telemetry.sdk.language', 'nodejs'),
      ],
      droppedAttributesCount: 0,
      schemaUrl: '',
    }));
    const routes = Array.from({ length: ENTRY_OPERATIONS }, (_, op) => `/api/${name}/r${op}/:id`);
    const medians = routes.map(() => 5 + next() * 200);
    return { name, resources, routes, medians };
  });
}

const SCOPE: ScopeInfo = { name: '@opentelemetry/instrumentation-http', version: '0.57.0', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };

function ids(next: () => number, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 4) {
    const value = (next() * 4294967296) >>> 0;
    out[i] = value & 255;
    out[i + 1] = (value >>> 8) & 255;
    out[i + 2] = (value >>> 16) & 255;
    out[i + 3] = value >>> 24;
  }
  out[0] = (out[0] as number) | 1;
  return out;
}

function span(fields: Partial<SpanRow> & Pick<SpanRow, 'traceId' | 'spanId' | 'name' | 'kind' | 'startTimeUnixNano' | 'endTimeUnixNano' | 'resource'>, attributes: Attributes, error: boolean): SpanRow {
  return {
    parentSpanId: new Uint8Array(0),
    traceState: '',
    flags: 1,
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    statusCode: error ? 2 : 0,
    statusMessage: error ? 'request failed' : '',
    scope: SCOPE,
    attributes,
    ...fields,
  };
}

/** Log-normal-ish latency around a median, in ms. */
function latencyMs(next: () => number, median: number): number {
  const z = (next() + next() + next() - 1.5) * 2;
  return median * Math.exp(0.6 * z);
}

export class ApmWorkload {
  private readonly next: () => number;
  private readonly services: Service[];

  constructor(seed = 42) {
    this.next = random(seed);
    this.services = buildServices(this.next);
  }

  /** `count` traces starting at `startMs`, `gapMs` apart. */
  traces(count: number, startMs: number, gapMs: number): SpanRow[] {
    const rows: SpanRow[] = [];
    for (let t = 0; t < count; t++) rows.push(...this.trace(startMs + t * gapMs));
    return rows;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  private trace(startMs: number): SpanRow[] {
    const next = this.next;
    // Skewed towards the first services and routes, as real traffic is.
    const serviceIndex = Math.floor(next() ** 2 * SERVICE_COUNT);
    const service = this.services[serviceIndex] as Service;
    const routeIndex = Math.floor(next() ** 2 * service.routes.length);
    const route = service.routes[routeIndex] as string;
    const total = latencyMs(next, service.medians[routeIndex] as number);
    const error = next() < 0.02;
    const traceId = ids(next, 16);
    const rootId = ids(next, 8);
    const start = BigInt(Math.floor(startMs)) * NS_PER_MS;
    const at = (ms: number): bigint => start + BigInt(Math.floor(ms * 1e6));
    const resource = this.pick(service.resources);
    const callee = this.services[(serviceIndex + 1 + Math.floor(next() * (SERVICE_COUNT - 1))) % SERVICE_COUNT] as Service;
    const calleeRouteIndex = Math.floor(next() * callee.routes.length);
    const calleeRoute = callee.routes[calleeRouteIndex] as string;
    const clientId = ids(next, 8);
    const table = `t${routeIndex}`;
    return [
      span({ traceId, spanId: rootId, name: `GET ${route}`, kind: 2, startTimeUnixNano: start, endTimeUnixNano: at(total), resource },
        [text('http.request.method', 'GET'), text('http.route', route), int('http.response.status_code', error ? 500 : 200)], error),
      span({ traceId, spanId: ids(next, 8), parentSpanId: rootId, name: `validate ${table}`, kind: 1, startTimeUnixNano: at(total * 0.01), endTimeUnixNano: at(total * 0.06), resource }, [], false),
      span({ traceId, spanId: ids(next, 8), parentSpanId: rootId, name: `SELECT ${table}`, kind: 3, startTimeUnixNano: at(total * 0.07), endTimeUnixNano: at(total * 0.27), resource },
        [text('db.system.name', 'postgresql'), text('db.namespace', `${service.name}_db`), text('db.operation.name', 'SELECT'), text('db.query.text', `SELECT * FROM ${table} WHERE id = ${Math.floor(next() * 1000)}`)], false),
      span({ traceId, spanId: clientId, parentSpanId: rootId, name: 'GET', kind: 3, startTimeUnixNano: at(total * 0.3), endTimeUnixNano: at(total * 0.8), resource },
        [text('http.request.method', 'GET'), text('server.address', callee.name), int('server.port', 8080), text('url.full', `http://${callee.name}:8080${calleeRoute.replace(':id', '7')}`), int('http.response.status_code', error ? 500 : 200)], error),
      span({ traceId, spanId: ids(next, 8), parentSpanId: clientId, name: `GET ${calleeRoute}`, kind: 2, startTimeUnixNano: at(total * 0.32), endTimeUnixNano: at(total * 0.78), resource: this.pick(callee.resources) },
        [text('http.request.method', 'GET'), text('http.route', calleeRoute), int('http.response.status_code', error ? 500 : 200)], error),
    ];
  }
}
