import { trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

/**
 * Tables with a `MATERIALIZE TTL` still running (started by applyRetention): their existing parts do
 * not yet expire by the new retention.
 */
export async function tablesRecalculatingTtl(store: Store): Promise<string[]> {
  const rows = await store.query<{ table: string }>(
    trustedSql(`SELECT DISTINCT table FROM system.mutations WHERE database = currentDatabase() AND is_done = 0 AND command LIKE '%MATERIALIZE TTL%' ORDER BY table`),
  );
  return rows.map((row) => row.table);
}
