import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { ExportResultCode } from '@opentelemetry/core';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { LogRecord, LogSearchRequest } from '@sightline/contract';
import { SdkApi, type MsRange } from '../support/sdk-api.ts';
import { expectedLog } from '../support/sdk-expect.ts';
import { BODIES, buildLogScenario, HOSTILE_TEXT, useSyncContextManager } from '../support/sdk-log-scenario.ts';
import { captureSdkWarnings, describeResult, exportThrough, SDK_TRANSPORTS } from '../support/sdk-transports.ts';
import { serverForSuite } from '../support/server-process.ts';

/** A record without its server-derived id (checked to be one), to compare with the SDK's record. */
const withoutId = ({ id, ...rest }: LogRecord): Omit<LogRecord, 'id'> => {
  assert.match(id, /^\d+$/);
  return rest;
};

const indexOf = (log: LogRecord): number => {
  const value = log.attributes['log.index'];
  return value !== undefined && 'intValue' in value ? Number(value.intValue) : -1;
};

describe('log records from the OpenTelemetry JS SDK come back exactly, over every OTLP transport', () => {
  useSyncContextManager();
  const server = serverForSuite('sdk-logs');
  const warnings = captureSdkWarnings();
  const testStart = Date.now();
  let api: SdkApi;
  const range = (): MsRange => ({ start: testStart - 120_000, end: Date.now() + 60_000 });
  const scenarios = SDK_TRANSPORTS.map((transport) => ({ transport, scenario: buildLogScenario(`sdk-logs-${transport.id}`) }));

  before(() => {
    api = new SdkApi(server().ports.api);
  });
  after(() => warnings.stop());

  for (const { transport, scenario } of scenarios) {
    describe(`over ${transport.protocol}`, () => {
      const { records, service } = scenario;
      const hostile = records[scenario.hostileIndex]!;
      /** One page holding every match, in the server's order. */
      const searchInOrder = async (filters: Partial<LogSearchRequest> = {}): Promise<LogRecord[]> => {
        const response = await api.searchLogs({ ...range(), service, order: 'asc', limit: 100, ...filters });
        assert.equal(response.nextCursor, null);
        return response.logs;
      };
      /** Every match in emit order (records sharing a timestamp come back in a stable but arbitrary order). */
      const search = async (filters: Partial<LogSearchRequest> = {}): Promise<Omit<LogRecord, 'id'>[]> =>
        (await searchInOrder(filters)).sort((a, b) => indexOf(a) - indexOf(b)).map(withoutId);
      const expected = (subset: ReadableLogRecord[]): Omit<LogRecord, 'id'>[] => subset.map(expectedLog);
      const traced = records.filter((record) => record.spanContext !== undefined);

      it('exports every record with SUCCESS and no warning from the SDK', async () => {
        // The scenario exercises what it claims to (guards the expectations below).
        assert.equal(records.length, BODIES.length + 4);
        assert.equal(traced.length, Math.ceil(BODIES.length / 2) + 1);
        assert.ok(traced.every((record) => record.spanContext?.traceId === scenario.traceId && record.spanContext.spanId === scenario.spanId));
        assert.deepEqual(records.map((record) => record.droppedAttributesCount).filter((count) => count > 0), [4]);
        assert.ok(records.some((record) => typeof record.attributes['exception.stacktrace'] === 'string'));
        assert.ok(records.some((record) => record.eventName !== undefined));

        const warningsBefore = warnings.messages.length;
        const exporter = transport.logExporter(server().ports);
        try {
          const result = await exportThrough(exporter, records);
          assert.equal(result.code, ExportResultCode.SUCCESS, describeResult(result));
        } finally {
          await exporter.shutdown();
        }
        assert.deepEqual(warnings.messages.slice(warningsBefore), [], 'no partial success or other warning while exporting');
      });

      it('returns every record of the service, oldest first, each field equal to the SDK record', async () => {
        const logs = await searchInOrder();
        assert.equal(logs.length, records.length);
        assert.deepEqual(new Set(logs.map(indexOf)), new Set(records.map((_, i) => i)));
        for (const log of logs) assert.deepEqual(withoutId(log), expectedLog(records[indexOf(log)]!), `record ${indexOf(log)} (${BODIES[indexOf(log)]?.kind ?? 'extra'})`);
        const times = logs.map((log) => BigInt(log.timestampUnixNano));
        assert.deepEqual(times, [...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        assert.ok(new Set(times).size < times.length, 'some records share a timestamp');
        assert.deepEqual(await searchInOrder({ order: 'desc' }), [...logs].reverse());
      });

      it('pages through every record by cursor, in both orders, across timestamp ties', async () => {
        for (const order of ['asc', 'desc'] as const) {
          const paged: LogRecord[] = [];
          let cursor: string | undefined;
          for (let page = 0; page < 20; page++) {
            const response = await api.searchLogs({ ...range(), service, order, limit: 2, ...(cursor === undefined ? {} : { cursor }) });
            paged.push(...response.logs);
            if (response.nextCursor === null) break;
            cursor = response.nextCursor;
          }
          assert.deepEqual(paged, await searchInOrder({ order }), order);
        }
      });

      it('keeps hostile text verbatim in body, attribute, key and severity text, and the tables intact', async () => {
        assert.deepEqual(await search({ bodyContains: 'drop table LOGS' }), expected([hostile]));
        assert.deepEqual(await search({ bodyContains: "'; -- )" }), expected([hostile]));
        assert.deepEqual(await search({ bodyContains: '\\\\slash' }), expected([hostile]), 'backslashes and LIKE wildcards are literal');
        assert.deepEqual(await search({ bodyContains: '%_ ' }), expected([hostile]));
        assert.deepEqual(await search({ attributes: [{ key: 'user.input', op: 'equals', value: HOSTILE_TEXT }] }), expected([hostile]));
        assert.deepEqual(await search({ attributes: [{ key: `key ${HOSTILE_TEXT}`, op: 'exists' }] }), expected([hostile]));
        const [stored] = await search({ attributes: [{ key: 'user.input', op: 'contains', value: '\n\nDROP TABLE logs\n\n' }] });
        assert.deepEqual(stored?.body, { stringValue: HOSTILE_TEXT });
        assert.equal(stored?.severityText, "WARN'; --");
        assert.equal((await search()).length, records.length, 'every record still there');
      });

      it('filters by trace, span, severity, attributes and body text', async () => {
        assert.deepEqual(await search({ traceId: scenario.traceId.toUpperCase() }), expected(traced));
        assert.deepEqual(await search({ spanId: scenario.spanId }), expected(traced));
        const inBand = (record: ReadableLogRecord): boolean => (record.severityNumber ?? 0) >= SeverityNumber.INFO && (record.severityNumber ?? 0) <= SeverityNumber.WARN4;
        assert.deepEqual(await search({ severityMin: SeverityNumber.INFO, severityMax: SeverityNumber.WARN4 }), expected(records.filter(inBand)));
        const kvlist = records.filter((record) => record.attributes['body.kind'] === 'kvlist');
        assert.equal(kvlist.length, 1);
        assert.deepEqual(await search({ attributes: [{ key: 'body.kind', op: 'equals', value: 'kvlist' }] }), expected(kvlist));
        assert.deepEqual(await search({ attributes: [{ key: 'retry', op: 'equals', value: 'true' }, { key: 'ratio', op: 'equals', value: '0.125' }] }), expected(records.filter((record) => record.attributes.retry === true)));
        assert.deepEqual(await search({ attributes: [{ key: 'nested.map', op: 'exists' }] }), expected(records.filter((record) => 'nested.map' in record.attributes)));
        assert.deepEqual(await search({ bodyContains: 'PAYMENT DECLINED' }), expected(records.filter((record) => record.body === BODIES[0]!.body)));
        assert.deepEqual(await search({ resourceAttributes: [{ key: 'host.cores', op: 'equals', value: '8' }] }), expected(records));
      });
    });
  }

  it('keeps the transports apart and every table usable after the hostile records', async () => {
    for (const { transport, scenario } of scenarios) {
      const { logs } = await api.searchLogs({ ...range(), service: scenario.service, limit: 100 });
      assert.equal(logs.length, scenario.records.length, transport.protocol);
    }
    const everything = await api.searchLogs({ ...range(), limit: 1000 });
    const ours = everything.logs.filter((log) => log.serviceName.startsWith('sdk-logs-'));
    assert.equal(ours.length, scenarios.reduce((sum, { scenario }) => sum + scenario.records.length, 0));
    assert.equal((await fetch(`http://127.0.0.1:${server().ports.api}/healthz`)).status, 200);
  });
});
