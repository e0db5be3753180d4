import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ApmInstancesResponse, ApmRecentErrorsResponse } from '@sightline/contract';
import type { Attributes } from '../signals/any-value.ts';
import type { SpanRow } from '../signals/span.ts';
import { call, testApp, getOk } from '../../test/support/api-app.ts';
import { insertSpans } from '../../test/support/api-insert.ts';
import { BASE_TIME_NS, idBytes, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const S = (value: string) => ({ kind: 'string', value }) as const;
const MINUTE_NS = 60_000_000_000n;
/** A whole minute a little before the fixture's base time. */
const T0 = (BASE_TIME_NS / MINUTE_NS - 5n) * MINUTE_NS;

function resource(instance: string, host: string, environment: string): SpanRow['resource'] {
  const attributes: Attributes = [
    { key: 'service.name', value: S('checkout') },
    { key: 'service.instance.id', value: S(instance) },
    { key: 'host.name', value: S(host) },
    { key: 'deployment.environment.name', value: S(environment) },
  ];
  return { attributes, droppedAttributesCount: 0, schemaUrl: '' };
}

let nextId = 1;
function span(offsetMs: number, durationMs: number, where: SpanRow['resource'], overrides: Partial<SpanRow> = {}): SpanRow {
  const id = (nextId++).toString(16).padStart(4, '0');
  const start = T0 + BigInt(offsetMs) * 1_000_000n;
  return sampleSpan({
    traceId: idBytes(`${id}`.padEnd(32, 'a')),
    spanId: idBytes(`${id}`.padEnd(16, 'b')),
    startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(durationMs) * 1_000_000n,
    resource: where,
    attributes: [],
    ...overrides,
  });
}

const exceptionEvent = (type: string, message: string) => ({
  timeUnixNano: T0,
  name: 'exception',
  attributes: [
    { key: 'exception.type', value: S(type) },
    { key: 'exception.message', value: S(message) },
  ],
  droppedAttributesCount: 0,
});

const co1 = resource('co-1', 'vm-1', 'prod');
const co2 = resource('co-2', 'vm-2', 'prod');
const staging = resource('co-3', 'vm-3', 'staging');
const failed = { statusCode: 2 };
const fixture: SpanRow[] = [
  span(1_000, 10, co1),
  span(2_000, 20, co1, { ...failed, name: 'POST /pay', statusMessage: 'boom', attributes: [{ key: 'http.response.status_code', value: { kind: 'int', value: 503n } }] }),
  span(3_000, 30, co1, {
    ...failed,
    name: 'GET /cart',
    events: [{ timeUnixNano: T0, name: 'log', attributes: [], droppedAttributesCount: 0 }, exceptionEvent('TypeError', 'x is undefined'), exceptionEvent('Other', 'second')],
  }),
  span(4_000, 40, co2),
  span(65_000, 50, co2, { ...failed, name: 'late' }),
  span(5_000, 5, staging, { ...failed, name: 'staging-op' }),
  // Two hours before the ranges below, so outside even the hours (instances' resolution) they touch.
  span(-2 * 3_600_000, 5, co1, failed),
];

describe('APM instances and recent errors (from raw spans)', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertSpans(temp.store, fixture);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const get = <T>(url: string): Promise<T> => getOk<T>(app, url);
  const t0ms = Number(T0 / 1_000_000n);
  const range = `start=${t0ms}&end=${t0ms + 2 * 60_000}`;

  it('lists the instances that served the service, busiest first, per environment', async () => {
    const { instances } = await get<ApmInstancesResponse>(`/api/v1/apm/services/checkout/instances?${range}`);
    assert.deepEqual(
      instances.map((i) => [i.instanceId, i.hostName, i.environment, i.spans, i.errors]),
      [['co-1', 'vm-1', 'prod', 3, 2], ['co-2', 'vm-2', 'prod', 2, 1], ['co-3', 'vm-3', 'staging', 1, 1]],
    );
    const co2Row = instances.find((i) => i.instanceId === 'co-2');
    assert.deepEqual([co2Row?.firstSeenMs, co2Row?.lastSeenMs], [t0ms + 4_000, t0ms + 65_000]);
    const stagingOnly = await get<ApmInstancesResponse>(`/api/v1/apm/services/checkout/instances?${range}&environment=staging`);
    assert.deepEqual(stagingOnly.instances.map((i) => i.instanceId), ['co-3']);
    assert.deepEqual((await get<ApmInstancesResponse>(`/api/v1/apm/services/nobody/instances?${range}`)).instances, []);
  });

  it('lists the newest error spans with status, HTTP code and the first exception event', async () => {
    const { errors } = await get<ApmRecentErrorsResponse>(`/api/v1/apm/services/checkout/errors?${range}`);
    assert.deepEqual(
      errors.map((e) => [e.operation, e.durationMs, e.statusMessage, e.httpStatusCode, e.exceptionType, e.exceptionMessage]),
      [
        ['late', 50, '', 0, '', ''],
        ['staging-op', 5, '', 0, '', ''],
        ['GET /cart', 30, '', 0, 'TypeError', 'x is undefined'],
        ['POST /pay', 20, 'boom', 503, '', ''],
      ],
    );
    const [late] = errors;
    assert.equal(late?.timeNs, (T0 + 65_000_000_000n).toString());
    assert.match(late?.traceId ?? '', /^[0-9a-f]{32}$/);
    assert.match(late?.spanId ?? '', /^[0-9a-f]{16}$/);
  });

  it('limits the errors and filters them by environment', async () => {
    const limited = await get<ApmRecentErrorsResponse>(`/api/v1/apm/services/checkout/errors?${range}&limit=2`);
    assert.deepEqual(limited.errors.map((e) => e.operation), ['late', 'staging-op']);
    const prod = await get<ApmRecentErrorsResponse>(`/api/v1/apm/services/checkout/errors?${range}&environment=prod`);
    assert.deepEqual(prod.errors.map((e) => e.operation), ['late', 'GET /cart', 'POST /pay']);
    const threeHours = `start=${t0ms - 3 * 3_600_000}&end=${t0ms + 2 * 60_000}`;
    const wide = await get<ApmRecentErrorsResponse>(`/api/v1/apm/services/checkout/errors?${threeHours}&limit=5`);
    const offsetsMs = [65_000, 5_000, 3_000, 2_000, -2 * 3_600_000];
    assert.deepEqual(wide.errors.map((e) => e.timeNs), offsetsMs.map((offset) => (T0 + BigInt(offset) * 1_000_000n).toString()));
    const bad = await call(app, 'GET', `/api/v1/apm/services/checkout/errors?${range}&limit=500`);
    assert.equal(bad.status, 400);
  });
});
