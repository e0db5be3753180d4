import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LogRow } from '../../signals/log-record.ts';
import { sql } from '../../storage/sql.ts';
import { diskConfigSchema } from '../../selfmon/disk/disk-config.ts';
import { DiskMonitor } from '../../selfmon/disk/disk-monitor.ts';
import { insertLogs, insertSpans } from '../../../test/support/api-insert.ts';
import { BASE_TIME_NS, sampleLog, sampleSpan } from '../../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { dropDayPartition } from './drop-day-partition.ts';
import { readPartitionUsage } from './partition-usage.ts';

const DAY_NS = 86_400n * 1_000_000_000n;

function logOnDay(daysAgo: bigint, body: string): LogRow {
  const row = sampleLog(body);
  return { ...row, timeUnixNano: row.timeUnixNano - daysAgo * DAY_NS };
}

const dayOf = (ns: bigint): string => new Date(Number(ns / 1_000_000n)).toISOString().slice(0, 10);

describe('storage usage against the embedded store', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(() => temp.dispose());

  it('drops the oldest days of the largest signal until below the soft mark, keeping the newest day and other signals', async () => {
    for (const daysAgo of [0n, 1n, 2n]) await insertLogs(temp.store, Array.from({ length: 50 }, (_, i) => logOnDay(daysAgo, `day -${daysAgo} line ${i}`)));
    await insertSpans(temp.store, [sampleSpan()]);
    const before = await readPartitionUsage(temp.store);
    const logDays = before.filter((p) => p.table === 'logs').map((p) => p.day);
    assert.deepEqual(logDays, [2n, 1n, 0n].map((d) => dayOf(BASE_TIME_NS - d * DAY_NS)));

    // A soft mark below this filesystem's real use: the monitor keeps dropping and must stop at the newest day.
    const lines: string[] = [];
    const monitor = new DiskMonitor(diskConfigSchema.parse({ softWatermarkPercent: 0.001, hardWatermarkPercent: 100, hysteresisPercent: 0, dropOldestAboveSoft: true }), {
      dataDir: temp.dataDir,
      readPartitions: () => readPartitionUsage(temp.store),
      dropPartition: (table, id) => dropDayPartition(temp.store, table, id),
      log: (_level, message) => lines.push(message),
    });
    await monitor.check();
    const remaining = await temp.store.query<{ day: string; n: string }>(sql`SELECT toString(toDate(timestamp)) AS day, toString(count()) AS n FROM logs GROUP BY day`);
    assert.deepEqual(remaining, [{ day: dayOf(BASE_TIME_NS), n: '50' }]);
    const spans = await temp.store.query<{ n: string }>(sql`SELECT toString(count()) AS n FROM spans`);
    assert.deepEqual(spans, [{ n: '1' }]);
    assert.deepEqual(monitor.status().watermark.droppedPartitions.map((d) => [d.signal, d.day]), [
      ['logs', dayOf(BASE_TIME_NS - 2n * DAY_NS)],
      ['logs', dayOf(BASE_TIME_NS - DAY_NS)],
    ]);
    assert.ok(lines.some((line) => line.includes('no day is left to drop')), lines.join('\n'));
  });

  it('refuses partition ids that are not days, before any SQL runs', async () => {
    await assert.rejects(dropDayPartition(temp.store, 'logs', "20240101' OR 1"), /not a day partition id/);
    await assert.rejects(dropDayPartition(temp.store, 'logs', 'all'), /not a day partition id/);
    await assert.rejects(dropDayPartition(temp.store, 'logs; DROP TABLE logs', '20240101'), /invalid SQL identifier/);
  });

  it('the engine keeps no system log tables that could grow without bound', async () => {
    // Work that would fill query_log, part_log, trace_log, text_log… if they were enabled.
    await insertLogs(temp.store, Array.from({ length: 20 }, (_, i) => sampleLog(`more ${i}`)));
    await temp.store.query(sql`SELECT count() FROM logs`);
    await temp.store.command(sql`OPTIMIZE TABLE logs FINAL`);
    await temp.store.command(sql`SYSTEM FLUSH LOGS`);
    const logTables = await temp.store.query<{ name: string; create: string }>(
      sql`SELECT name, create_table_query AS create FROM system.tables WHERE database = 'system' AND (name LIKE '%\\_log' OR name LIKE '%\\_log\\_%')`,
    );
    // Any log table the engine has must carry a TTL; in chDB 3.4 there are none (checked with names).
    for (const table of logTables) assert.match(table.create, /\bTTL\b/, `system.${table.name} has no TTL`);
    assert.deepEqual(logTables.map((t) => t.name), []);
    for (const name of ['query_log', 'part_log', 'trace_log', 'text_log', 'metric_log', 'asynchronous_metric_log', 'query_thread_log', 'processors_profile_log']) {
      const found = await temp.store.query(sql`SELECT name FROM system.tables WHERE database = 'system' AND name = ${name}`);
      assert.deepEqual(found, [], `system.${name} exists`);
    }
  });
});
