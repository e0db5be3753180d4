/**
 * Test helper run as its own process by backup-restore.int.test.ts (the engine allows one data
 * directory per process): fills a fresh store with spans and logs, backs it up into argv[2] and
 * prints the live row count of every table as JSON.
 */
import { insertLogs, insertSpans } from '../../../test/support/api-insert.ts';
import { openTempStore } from '../../../test/support/temp-store.ts';
import { idBytes, sampleLog, sampleSpan } from '../../../test/support/sample-rows.ts';
import { sql, identifier } from '../sql.ts';
import { createBackup } from './create-backup.ts';
import { listEngineTables } from './engine-tables.ts';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: backup-fixture-child <backup dir>');
const temp = await openTempStore();
try {
  for (let batch = 0; batch < 3; batch++) {
    const traceId = idBytes(`ab${String(batch).padStart(30, '0')}`);
    await insertSpans(temp.store, [0, 1].map((index) => sampleSpan({ traceId, spanId: idBytes(`00000000000000${batch}${index}`) })));
    await insertLogs(temp.store, [sampleLog(`fixture log ${batch}`), sampleLog(`fixture log ${batch}b`)]);
  }
  await temp.store.command(sql`INSERT INTO settings (key, value, version) VALUES (${'fixture.key'}, ${'fixture value'}, 1)`);
  const counts: Record<string, number> = {};
  for (const table of await listEngineTables(temp.store)) {
    const rows = await temp.store.query<{ rows: string }>(sql`SELECT count() AS rows FROM ${identifier(table.name)}`);
    counts[table.name] = Number(rows[0]?.rows);
  }
  await createBackup(temp.store, { dir, serverVersion: 'fixture', onProgress: () => undefined });
  process.stdout.write(JSON.stringify(counts));
} finally {
  await temp.dispose();
}
