import { sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { isDayPartitionId } from './drop-day-partition.ts';
import { signalOfTable, type PartitionUsage } from './table-signal.ts';

interface PartitionRow {
  readonly table: string;
  readonly partition_id: string;
  readonly bytes: string;
  readonly rows: string;
  readonly parts: string;
}

/** Bytes on disk and rows of the active parts of this database, per table and partition. */
export async function readPartitionUsage(store: Store): Promise<PartitionUsage[]> {
  const rows = await store.query<PartitionRow>(sql`
    SELECT table, partition_id, toString(sum(bytes_on_disk)) AS bytes, toString(sum(rows)) AS rows, toString(count()) AS parts
    FROM system.parts
    WHERE database = currentDatabase() AND active
    GROUP BY table, partition_id
    ORDER BY table, partition_id`);
  return rows.map((row) => ({
    signal: signalOfTable(row.table),
    table: row.table,
    partitionId: row.partition_id,
    day: isDayPartitionId(row.partition_id) ? `${row.partition_id.slice(0, 4)}-${row.partition_id.slice(4, 6)}-${row.partition_id.slice(6)}` : null,
    bytesOnDisk: Number(row.bytes),
    rows: Number(row.rows),
    parts: Number(row.parts),
  }));
}
