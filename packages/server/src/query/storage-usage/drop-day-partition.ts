import { identifier, sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

/** Partition id of a `toDate(…)`-partitioned table: the day as YYYYMMDD. */
const DAY_PARTITION_ID = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

export function isDayPartitionId(id: string): boolean {
  return DAY_PARTITION_ID.test(id);
}

/**
 * Drops one day partition of a table. ClickHouse takes no query parameter in `DROP PARTITION ID`, so
 * the id is spliced only after it has matched the strict day pattern (ids come from system.parts).
 */
export async function dropDayPartition(store: Store, table: string, partitionId: string): Promise<void> {
  if (!isDayPartitionId(partitionId)) throw new Error(`not a day partition id: ${JSON.stringify(partitionId)}`);
  await store.command(sql`ALTER TABLE ${identifier(table)} DROP PARTITION ID ${trustedSql(`'${partitionId}'`)}`);
}
