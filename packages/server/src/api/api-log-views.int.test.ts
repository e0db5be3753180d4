import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { LogContextResponse, LogHistogramRequest, LogHistogramResponse, LogRecord, LogSearchRequest, LogSearchResponse, SeverityCounts } from '@sightline/contract';
import type { ResourceInfo } from '../signals/resource.ts';
import type { LogRow } from '../signals/log-record.ts';
import { call, ms, testApp } from '../../test/support/api-app.ts';
import { insertLogs } from '../../test/support/api-insert.ts';
import { allLogs, log, namedLogs, SECOND } from '../../test/support/api-log-data.ts';
import { paymentsResource } from '../../test/support/api-trace-data.ts';
import { BASE_TIME_NS } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;

const resource = (service: string, host?: string): ResourceInfo => ({
  attributes: [
    { key: 'service.name', value: { kind: 'string', value: service } },
    ...(host === undefined ? [] : [{ key: 'host.name', value: { kind: 'string' as const, value: host } }]),
  ],
  droppedAttributesCount: 0,
  schemaUrl: '',
});

/**
 * Records around the shared fixture (whose checkout records run on host vm-1) for context (hosts,
 * the ±1 h window) and for every severity group.
 */
const extraLogs: Map<string, LogRow> = new Map([
  log('other-host', 4n * SECOND + 500n * 1_000_000n, 9, 'INFO', 'other host line', { resource: resource('checkout', 'vm-2') }),
  log('near-before', 4n * SECOND - 59n * MINUTE, 9, 'INFO', 'near before'),
  log('far-before', 4n * SECOND - HOUR - 1n, 9, 'INFO', 'far before'),
  log('near-after', 4n * SECOND + 59n * MINUTE, 9, 'INFO', 'near after'),
  log('far-after', 4n * SECOND + HOUR + 1n, 9, 'INFO', 'far after'),
  log('payments-2', 8n * SECOND, 9, 'INFO', 'payments on vm-9', { resource: { ...paymentsResource, attributes: [...paymentsResource.attributes, { key: 'host.name', value: { kind: 'string', value: 'vm-9' } }] } }),
  ...[0, 4, 8, 12, 16, 20, 21, 24].map((severity) => log(`sev-${severity}`, 9n * SECOND, severity, '', `severity ${severity}`, { resource: resource('sev') })),
]);

const bodyNames = new Map<string, string>(
  [...namedLogs, ...extraLogs].flatMap(([name, row]) => (row.body.kind === 'string' ? [[row.body.value, name] as const] : [])),
);
const nameOf = (record: LogRecord): string => ('stringValue' in record.body ? (bodyNames.get(record.body.stringValue) ?? '?') : 'structured');

const zero: SeverityCounts = { unset: 0, trace: 0, debug: 0, info: 0, warn: 0, error: 0, fatal: 0 };
const wide = { start: ms(BASE_TIME_NS) - 3 * 3_600_000, end: ms(BASE_TIME_NS) + 3 * 3_600_000 };
const tenSeconds = { start: ms(BASE_TIME_NS), end: ms(BASE_TIME_NS) + 10_000 };

describe('log histogram, context and ids', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  before(async () => {
    temp = await openTempStore();
    await insertLogs(temp.store, [...allLogs, ...extraLogs.values()]);
    app = testApp(temp.store);
  });
  after(async () => {
    await app.close();
    await temp.dispose();
  });

  const search = async (body: Partial<LogSearchRequest>): Promise<LogRecord[]> => {
    const reply = await call<LogSearchResponse>(app, 'POST', '/api/v1/logs/search', { ...wide, limit: 1000, ...body });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.logs;
  };
  const histogram = async (body: Partial<LogHistogramRequest>): Promise<LogHistogramResponse> => {
    const reply = await call<LogHistogramResponse>(app, 'POST', '/api/v1/logs/histogram', { ...tenSeconds, ...body });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body;
  };
  /** One-second buckets from BASE_TIME_NS with the given counts (others zero). */
  const seconds = (counts: Record<number, Partial<SeverityCounts>>) =>
    Array.from({ length: 10 }, (_, second) => ({ t: ms(BASE_TIME_NS) + second * 1000, counts: { ...zero, ...counts[second] } }));

  it('gives every record a stable, distinct id', async () => {
    const first = await search({});
    assert.equal(first.length, namedLogs.size + extraLogs.size);
    assert.ok(first.every((record) => /^\d{1,20}$/.test(record.id)));
    assert.equal(new Set(first.map((record) => record.id)).size, first.length);
    const again = await search({ order: 'asc' });
    assert.deepEqual(again.map((record) => record.id), first.map((record) => record.id).reverse());
  });

  it('counts records per severity group in one-second buckets, empty buckets included', async () => {
    assert.deepEqual(await histogram({}), {
      stepSeconds: 1,
      buckets: seconds({
        1: { info: 1 },
        2: { error: 1 },
        3: { warn: 1 },
        4: { debug: 2, info: 1 },
        5: { trace: 10 },
        6: { info: 1 },
        7: { warn: 1 },
        8: { info: 1 },
        9: { unset: 1, trace: 1, debug: 1, info: 1, warn: 1, error: 1, fatal: 2 },
      }),
    });
  });

  it('applies the log search filters', async () => {
    assert.deepEqual((await histogram({ service: 'payments' })).buckets, seconds({ 3: { warn: 1 }, 8: { info: 1 } }));
    assert.deepEqual((await histogram({ severityMin: 13, severityMax: 20 })).buckets, seconds({ 2: { error: 1 }, 3: { warn: 1 }, 7: { warn: 1 }, 9: { warn: 1, error: 1 } }));
    assert.deepEqual((await histogram({ bodyContains: 'TICK' })).buckets, seconds({ 5: { trace: 10 } }));
    assert.deepEqual((await histogram({ resourceAttributes: [{ key: 'host.name', op: 'equals', value: 'vm-2' }] })).buckets, seconds({ 4: { info: 1 } }));
    assert.deepEqual((await histogram({ attributes: [{ key: 'user.id', op: 'exists' }] })).buckets, seconds({ 1: { info: 1 }, 7: { warn: 1 } }));
  });

  it('takes a step, aligns buckets to it, and picks one giving at most ~120 buckets by default', async () => {
    const halves = await histogram({ stepSeconds: 0.5 });
    assert.equal(halves.stepSeconds, 0.5);
    assert.equal(halves.buckets.length, 20);
    assert.deepEqual(halves.buckets[9], { t: ms(BASE_TIME_NS) + 4_500, counts: { ...zero, info: 1 } });
    assert.deepEqual(halves.buckets[8], { t: ms(BASE_TIME_NS) + 4_000, counts: { ...zero, debug: 2 } });
    // Two hours from an hour boundary: one-minute buckets, exactly 120.
    const hourStart = ms(BASE_TIME_NS) - (ms(BASE_TIME_NS) % 3_600_000);
    const hours = await histogram({ start: hourStart, end: hourStart + 7_200_000 });
    assert.equal(hours.stepSeconds, 60);
    assert.deepEqual(hours.buckets.map((bucket) => bucket.t), Array.from({ length: 120 }, (_, index) => hourStart + index * 60_000));
    const total = (buckets: LogHistogramResponse['buckets']): number => buckets.reduce((sum, bucket) => sum + Object.values(bucket.counts).reduce((a, b) => a + b, 0), 0);
    const inRange = await search({ start: hourStart, end: hourStart + 7_200_000 });
    assert.equal(total(hours.buckets), inRange.length);
  });

  it('rejects invalid histograms naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...tenSeconds, stepSeconds: 0 }, 'stepSeconds: Too small: expected number to be >=0.001'],
      [{ start: tenSeconds.start, end: tenSeconds.start + 3_600_000, stepSeconds: 0.1 }, 'stepSeconds: the range would have 36000 buckets; at most 11000 (use a larger step)'],
      [{ ...tenSeconds, severityMin: 9, severityMax: 1 }, 'severityMax: must not be below severityMin'],
      [{ end: tenSeconds.end }, 'start: is required'],
    ];
    for (const [body, message] of cases) {
      assert.deepEqual(await call(app, 'POST', '/api/v1/logs/histogram', body), { status: 400, body: { error: { code: 'QUERY_INVALID', message } } }, JSON.stringify(body));
    }
  });

  const record = async (name: string): Promise<LogRecord> => {
    const found = (await search({})).find((candidate) => nameOf(candidate) === name);
    assert.ok(found, name);
    return found;
  };
  const context = (anchor: LogRecord, extra = '') =>
    call<LogContextResponse>(app, 'GET', `/api/v1/logs/context?id=${anchor.id}&timestampUnixNano=${anchor.timestampUnixNano}${extra}`);

  it('shows the records of the same service and host around a record, within an hour, oldest first', async () => {
    const anchor = await record('underscore');
    const reply = await context(anchor);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.anchor, anchor);
    const ticks = (await search({ bodyContains: 'tick', order: 'asc' })).map(nameOf);
    assert.deepEqual(reply.body.before.map(nameOf), ['near-before', 'login', 'disk-percent']);
    assert.deepEqual(reply.body.after.map(nameOf), ['no-underscore', ...ticks, 'structured', 'failed', 'near-after']);
    // Same records, field for field, as search returns them.
    const checkout = await search({ service: 'checkout', order: 'asc' });
    assert.deepEqual(reply.body.after[0], checkout.find((candidate) => nameOf(candidate) === 'no-underscore'));

    const narrow = await context(anchor, '&before=2&after=1');
    assert.deepEqual([narrow.body.before.map(nameOf), narrow.body.after.map(nameOf)], [['login', 'disk-percent'], ['no-underscore']]);
    const none = await context(anchor, '&before=0&after=0');
    assert.deepEqual([none.body.before, none.body.after], [[], []]);
  });

  it('uses the service alone when the record names no host', async () => {
    const reply = await context(await record('disk-x'));
    assert.deepEqual([reply.body.before.map(nameOf), nameOf(reply.body.anchor), reply.body.after.map(nameOf)], [[], 'disk-x', ['payments-2']]);
  });

  it('answers 404 for an unknown record and 400 for a malformed request', async () => {
    const anchor = await record('underscore');
    const notFound = (id: string) => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: `log record ${id} not found` } } });
    assert.deepEqual(await context({ ...anchor, id: '12345' }), notFound('12345'));
    assert.deepEqual(await context({ ...anchor, timestampUnixNano: (BigInt(anchor.timestampUnixNano) + 1n).toString() }), notFound(anchor.id));
    assert.deepEqual(await context({ ...anchor, id: '99999999999999999999' }), notFound('99999999999999999999'));
    const invalid = (message: string) => ({ status: 400, body: { error: { code: 'QUERY_INVALID', message } } });
    assert.deepEqual(await context({ ...anchor, id: 'abc' }), invalid('id: expected a log id (decimal digits)'));
    assert.deepEqual(await context(anchor, '&before=501'), invalid('before: Too big: expected number to be <=500'));
    assert.deepEqual(await call(app, 'GET', `/api/v1/logs/context?id=${anchor.id}`), invalid('timestampUnixNano: Invalid input: expected string, received undefined'));
  });
});
