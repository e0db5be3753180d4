import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { BASE_TIME_NS, sampleLog, sampleSpan } from '../../../test/support/sample-rows.ts';
import { isAppError } from '../../errors.ts';
import { encodeLogs, encodeTraces } from '../encode/encode-signals.ts';
import { insertTarget } from '../encode/encode-rows.ts';
import { logsTable } from '../schema/logs-table.ts';
import { spansTable } from '../schema/spans-table.ts';
import { ALL_TABLES } from '../schema/tables.ts';
import { sql } from '../sql.ts';

describe('embedded store', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('creates every table of the schema module with exactly its columns', async () => {
    for (const table of ALL_TABLES) {
      const rows = await temp.store.query<{ name: string; type: string }>(
        sql`SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = ${table.name} ORDER BY position`,
      );
      assert.deepEqual(
        rows.map((row) => `${row.name} ${row.type}`),
        table.columns.map((column) => `${column.name} ${column.type}`),
        `columns of ${table.name}`,
      );
    }
  });

  it('stores a span with nanosecond times and derives promoted columns and the trace index', async () => {
    const batch = encodeTraces({ rows: [sampleSpan()], rejected: 0, rejectionMessage: '' });
    await temp.store.insertRowBinary(insertTarget(spansTable), batch.chunks.map((chunk) => chunk.data));
    const rows = await temp.store.query<Record<string, string>>(
      sql`SELECT toString(toUnixTimestamp64Nano(timestamp)) AS start, duration_ns, service_name, http_method, hex(trace_id) AS trace_id
          FROM spans WHERE trace_id = unhex(${'0102030405060708090a0b0c0d0e0f10'})`,
    );
    assert.deepEqual(rows, [
      { start: (BASE_TIME_NS + 123_456_789n).toString(), duration_ns: '100000000', service_name: 'checkout', http_method: 'GET', trace_id: '0102030405060708090A0B0C0D0E0F10' },
    ]);
    const index = await temp.store.query<{ spans: string }>(sql`SELECT sum(span_count) AS spans FROM trace_index`);
    assert.deepEqual(index, [{ spans: '1' }]);
  });

  it('stores blank lines, quotes and SQL in values verbatim and executes nothing', async () => {
    const hostile = "a\n\nDROP TABLE spans\n\n'; DROP TABLE logs; --\\ \"q\"";
    const batch = encodeLogs({
      rows: [sampleLog(hostile, [{ key: 'k\n\nDROP TABLE logs', value: { kind: 'string', value: hostile } }])],
      rejected: 0,
      rejectionMessage: '',
    });
    await temp.store.insertRowBinary(insertTarget(logsTable), batch.chunks.map((chunk) => chunk.data));
    const rows = await temp.store.query<{ body: string; value: string }>(
      sql`SELECT body, attributes_string[${'k\n\nDROP TABLE logs'}] AS value FROM logs WHERE body = ${hostile}`,
    );
    assert.deepEqual(rows, [{ body: hostile, value: hostile }]);
    const tables = await temp.store.query<{ name: string }>(sql`SELECT name FROM system.tables WHERE database = currentDatabase() AND name IN ('spans', 'logs') ORDER BY name`);
    assert.deepEqual(tables.map((table) => table.name), ['logs', 'spans']);
  });

  it('turns a query over its memory limit into a coded error and keeps serving', async () => {
    await assert.rejects(
      temp.store.query(sql`SELECT number % 5000000 AS k, count() FROM numbers(20000000) GROUP BY k ORDER BY k LIMIT 1`, { maxMemoryBytes: 10_000_000 }),
      (error: unknown) => isAppError(error) && error.code === 'QUERY_MEMORY_LIMIT',
    );
    assert.deepEqual(await temp.store.query(sql`SELECT 1 AS one`), [{ one: 1 }]);
  });
});
