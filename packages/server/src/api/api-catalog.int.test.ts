import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { AttributeKeysResponse, AttributeValuesResponse, OperationsResponse, ServicesResponse } from '@sightline/contract';
import type { AnyValue } from '../signals/any-value.ts';
import { call, ms, testApp, getOk } from '../../test/support/api-app.ts';
import { insertLogs, insertSpans } from '../../test/support/api-insert.ts';
import { allLogs } from '../../test/support/api-log-data.ts';
import { allSpans } from '../../test/support/api-trace-data.ts';
import { BASE_TIME_NS, idBytes, sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const HOUR_MS = 3_600_000;
const range = `start=${ms(BASE_TIME_NS) - HOUR_MS}&end=${ms(BASE_TIME_NS) + HOUR_MS}`;
/** Two hours before the fixture: only the `legacy` spans. */
const OLD_NS = BASE_TIME_NS - 7_200_000_000_000n;
const oldRange = `start=${ms(OLD_NS) - 60_000}&end=${ms(OLD_NS) + 60_000}`;

const legacySpan = (index: number, mixed: AnyValue) =>
  sampleSpan({
    traceId: idBytes(`e${index}`.padEnd(32, '0')),
    spanId: idBytes(`e${index}`.padEnd(16, '0')),
    name: 'old-op',
    startTimeUnixNano: OLD_NS + BigInt(index),
    endTimeUnixNano: OLD_NS + BigInt(index) + 1_000n,
    attributes: [{ key: 'mixed', value: mixed }],
    resource: { attributes: [{ key: 'service.name', value: { kind: 'string', value: 'legacy' } }], droppedAttributesCount: 0, schemaUrl: '' },
  });

describe('catalog API: services, operations, attribute keys and values', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertSpans(temp.store, allSpans);
    await insertSpans(temp.store, [legacySpan(1, { kind: 'string', value: 'a' }), legacySpan(2, { kind: 'int', value: 7n }), legacySpan(3, { kind: 'string', value: 'a' })]);
    await insertLogs(temp.store, allLogs);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const get = <T>(url: string): Promise<T> => getOk<T>(app, url);

  it('lists the services with spans or logs in the range, sorted', async () => {
    assert.deepEqual(await get<ServicesResponse>(`/api/v1/services?${range}`), { services: ['batch', 'checkout', 'payments'] });
    assert.deepEqual(await get<ServicesResponse>(`/api/v1/services?signal=traces&${range}`), { services: ['batch', 'checkout', 'payments'] });
    assert.deepEqual(await get<ServicesResponse>(`/api/v1/services?signal=logs&${range}`), { services: ['checkout', 'payments'] });
    assert.deepEqual(await get<ServicesResponse>(`/api/v1/services?${oldRange}`), { services: ['legacy'] });
    assert.deepEqual(await get<ServicesResponse>(`/api/v1/services?signal=logs&${oldRange}`), { services: [] });
  });

  it('lists the operations in the range, of one service or of all', async () => {
    assert.deepEqual(await get<OperationsResponse>(`/api/v1/operations?service=checkout&${range}`), { operations: ['GET /cart', 'SELECT cart'] });
    assert.deepEqual(await get<OperationsResponse>(`/api/v1/operations?${range}`), {
      operations: ['GET /cart', 'POST /pay', 'SELECT cart', 'charge', 'job-0', 'job-1', 'job-2'],
    });
    assert.deepEqual(await get<OperationsResponse>(`/api/v1/operations?service=nobody&${range}`), { operations: [] });
    assert.deepEqual(await get<OperationsResponse>(`/api/v1/operations?service=legacy&${oldRange}`), { operations: ['old-op'] });
  });

  it('suggests attribute keys with their types, by prefix, for spans, logs and resources', async () => {
    assert.deepEqual(await get<AttributeKeysResponse>(`/api/v1/attributes/keys?signal=traces&scope=span&${range}`), {
      keys: [
        { key: 'amount', type: 'int' },
        { key: 'blob', type: 'other' },
        { key: 'cache.hit', type: 'bool' },
        { key: 'code', type: 'string' },
        { key: 'customer', type: 'string' },
        { key: 'db.system', type: 'string' },
        { key: 'http.request.method', type: 'string' },
        { key: 'http.response.status_code', type: 'int' },
        { key: 'http.route', type: 'string' },
        { key: 'meta', type: 'other' },
        { key: 'note', type: 'string' },
        { key: 'nothing', type: 'other' },
        { key: 'ratio', type: 'float' },
        { key: 'tags', type: 'other' },
        { key: 'weird', type: 'float' },
      ],
    });
    assert.deepEqual(await get<AttributeKeysResponse>(`/api/v1/attributes/keys?${range}&prefix=HTTP.R`), {
      keys: [
        { key: 'http.request.method', type: 'string' },
        { key: 'http.response.status_code', type: 'int' },
        { key: 'http.route', type: 'string' },
      ],
    });
    assert.deepEqual(await get<AttributeKeysResponse>(`/api/v1/attributes/keys?scope=resource&${range}`), {
      keys: [
        { key: 'host.name', type: 'string' },
        { key: 'process.pid', type: 'int' },
        { key: 'service.name', type: 'string' },
      ],
    });
    assert.deepEqual(await get<AttributeKeysResponse>(`/api/v1/attributes/keys?signal=logs&scope=span&${range}`), {
      keys: [
        { key: 'attempt', type: 'int' },
        { key: 'user.id', type: 'string' },
      ],
    });
    // A key stored with several types is listed once, with its most frequent type.
    assert.deepEqual(await get<AttributeKeysResponse>(`/api/v1/attributes/keys?${oldRange}`), { keys: [{ key: 'mixed', type: 'string' }] });
    // `%` and `_` in a prefix are literal.
    assert.deepEqual(await get<AttributeKeysResponse>(`/api/v1/attributes/keys?${range}&prefix=${encodeURIComponent('%')}`), { keys: [] });
    assert.deepEqual(await get<AttributeKeysResponse>(`/api/v1/attributes/keys?${range}&prefix=${encodeURIComponent('http_')}`), { keys: [] });
  });

  it('suggests values as text, most frequent first, by prefix', async () => {
    const values = (query: string) => get<AttributeValuesResponse>(`/api/v1/attributes/values?${query}`);
    assert.deepEqual(await values(`key=http.request.method&${range}`), { values: ['GET', 'POST'] });
    assert.deepEqual(await values(`key=http.response.status_code&${range}`), { values: ['200', '201'] });
    assert.deepEqual(await values(`key=ratio&${range}`), { values: ['0.25'] });
    assert.deepEqual(await values(`key=cache.hit&${range}`), { values: ['true'] });
    assert.deepEqual(await values(`key=blob&${range}`), { values: [] }, 'bytes, arrays and maps do not compare as text');
    assert.deepEqual(await values(`key=service.name&scope=resource&${range}`), { values: ['batch', 'checkout', 'payments'] });
    assert.deepEqual(await values(`key=service.name&scope=resource&signal=logs&${range}`), { values: ['checkout', 'payments'] });
    assert.deepEqual(await values(`key=service.name&scope=resource&${range}&prefix=CH`), { values: ['checkout'] });
    assert.deepEqual(await values(`key=user.id&signal=logs&${range}`), { values: ['u1', 'u2'] });
    assert.deepEqual(await values(`key=mixed&${oldRange}`), { values: ['a', '7'] });
  });

  it('rejects invalid requests naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/v1/services?signal=metrics&start=1&end=2', 'signal: Invalid option: expected one of "traces"|"logs"'],
      ['/api/v1/services?end=2', 'start: is required'],
      ['/api/v1/operations?start=5&end=2', 'end: must be after start'],
      ['/api/v1/attributes/keys?scope=scope&start=1&end=2', 'scope: Invalid option: expected one of "span"|"resource"'],
      ['/api/v1/attributes/values?start=1&end=2', 'key: Invalid input: expected string, received undefined'],
    ];
    for (const [url, message] of cases) {
      assert.deepEqual(await call(app, 'GET', url), { status: 400, body: { error: { code: 'QUERY_INVALID', message } } }, url);
    }
  });
});
