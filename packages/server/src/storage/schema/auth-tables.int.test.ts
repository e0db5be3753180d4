import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { sql, trustedSql } from '../sql.ts';
import { AUTH_TABLES } from './auth-tables.ts';
import { migrate } from './migrations.ts';
import { DEFAULT_RETENTION } from './retention.ts';

describe('migration 7: access-control tables', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  const createQueries = async (): Promise<Map<string, string>> => {
    const rows = await temp.store.query<{ name: string; q: string }>(
      sql`SELECT name, create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name IN ${AUTH_TABLES.map((table) => table.name)}`,
    );
    return new Map(rows.map((row) => [row.name, row.q]));
  };

  it('upgrades a version 6 database: the tables and their fixed lifetimes', async () => {
    for (const table of AUTH_TABLES) await temp.store.command(trustedSql(`DROP TABLE ${table.name}`));
    await temp.store.command(trustedSql('ALTER TABLE schema_migrations DELETE WHERE version = 7 SETTINGS mutations_sync = 1'));
    assert.equal((await createQueries()).size, 0);

    assert.deepEqual(await migrate(temp.store, DEFAULT_RETENTION), [7]);
    assert.deepEqual(await migrate(temp.store, DEFAULT_RETENTION), []);
    const created = await createQueries();
    assert.deepEqual([...created.keys()].sort(), AUTH_TABLES.map((table) => table.name).sort());
    assert.match(created.get('audit_log') ?? '', /TTL toDateTime\(at\) \+ toIntervalDay\(365\)/);
    assert.match(created.get('audit_log') ?? '', /ttl_only_drop_parts = 1/);
    assert.match(created.get('auth_sessions') ?? '', /TTL toDateTime\(expires_at\) \+ toIntervalDay\(1\)/);
    assert.match(created.get('auth_activity') ?? '', /TTL toDateTime\(at\) \+ toIntervalDay\(400\)/);
    assert.doesNotMatch(created.get('auth_users') ?? '', /TTL/);
  });
});
