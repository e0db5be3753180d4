import type { Store } from '../store.ts';
import { identifier, sql, trustedSql } from '../sql.ts';
import { ttlSql } from './ddl.ts';
import type { Retention } from './retention.ts';
import { ALL_TABLES } from './tables.ts';

/**
 * Makes each table's TTL match the retention. Only metadata changes: existing parts are not rewritten
 * (materialize_ttl_after_modify = 0). Parts keep the expiry computed when they were written, though, so
 * each changed table also gets a background `MATERIALIZE TTL` that only recalculates that expiry
 * (`materialize_ttl_recalculate_only`: reads the TTL column, writes no data); afterwards parts past the new
 * retention are dropped (whole parts where the table has `ttl_only_drop_parts`). Returns the changed tables.
 */
export async function applyRetention(store: Store, retention: Retention): Promise<string[]> {
  const rows = await store.query<{ name: string; create_table_query: string }>(
    sql`SELECT name, create_table_query FROM system.tables WHERE database = currentDatabase()`,
  );
  const current = new Map(rows.map((row) => [row.name, row.create_table_query]));
  const changed: string[] = [];
  for (const table of ALL_TABLES) {
    const ttl = ttlSql(table, retention);
    const created = current.get(table.name);
    if (ttl === undefined || created === undefined || created.includes(`TTL ${ttl}`)) continue;
    const name = identifier(table.name);
    await store.command(sql`ALTER TABLE ${name} MODIFY TTL ${trustedSql(ttl)} SETTINGS materialize_ttl_after_modify = 0`);
    await store.command(sql`ALTER TABLE ${name} MODIFY SETTING materialize_ttl_recalculate_only = 1`);
    await store.command(sql`ALTER TABLE ${name} MATERIALIZE TTL SETTINGS mutations_sync = 0`);
    changed.push(table.name);
  }
  return changed;
}
