import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertLogs } from '../../../test/support/api-insert.ts';
import { sampleLog } from '../../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { sql, trustedSql } from '../sql.ts';
import { logsTable } from './logs-table.ts';
import { migrate } from './migrations.ts';
import { DEFAULT_RETENTION } from './retention.ts';

describe('migration 2: logs.ingested_at', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  const ingestedAt = async (): Promise<Map<string, string>> => {
    const rows = await temp.store.query<{ body: string; at: string }>(sql`SELECT body, toString(ingested_at) AS at FROM logs`);
    return new Map(rows.map((row) => [row.body, row.at]));
  };

  it('upgrades a database made before it: the column, its index, and a fixed time for existing rows', async () => {
    // Back to the version 1 schema, with rows stored under it.
    for (const statement of [
      'ALTER TABLE logs DROP INDEX idx_ingested_at',
      'ALTER TABLE logs DROP COLUMN ingested_at',
      'ALTER TABLE schema_migrations DELETE WHERE version = 2 SETTINGS mutations_sync = 1',
    ]) {
      await temp.store.command(trustedSql(statement));
    }
    await insertLogs(temp.store, [sampleLog('before the upgrade')]);

    assert.deepEqual(await migrate(temp.store, DEFAULT_RETENTION), [2]);
    assert.deepEqual(await migrate(temp.store, DEFAULT_RETENTION), []);
    const columns = await temp.store.query<{ name: string; type: string }>(
      sql`SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'logs' ORDER BY position`,
    );
    assert.deepEqual(
      columns.map((column) => `${column.name} ${column.type}`),
      logsTable.columns.map((column) => `${column.name} ${column.type}`),
    );
    const indexes = await temp.store.query<{ name: string; type: string }>(
      sql`SELECT name, type FROM system.data_skipping_indices WHERE database = currentDatabase() AND table = 'logs' AND name = 'idx_ingested_at'`,
    );
    assert.deepEqual(indexes, [{ name: 'idx_ingested_at', type: 'minmax' }]);

    // Once the rewrite ran, an old row keeps one time instead of reading the default ("now") anew.
    const deadline = Date.now() + 10_000;
    while ((await temp.store.query(sql`SELECT 1 FROM system.mutations WHERE database = currentDatabase() AND table = 'logs' AND NOT is_done`)).length > 0) {
      assert.ok(Date.now() < deadline, 'the mutations finish');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const first = (await ingestedAt()).get('before the upgrade');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await ingestedAt()).get('before the upgrade'), first);

    await insertLogs(temp.store, [sampleLog('after the upgrade')]);
    const times = await ingestedAt();
    assert.ok((times.get('after the upgrade') ?? '') > (first ?? ''), JSON.stringify([...times]));
  });
});
