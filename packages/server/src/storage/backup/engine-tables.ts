import { sql } from '../sql.ts';
import type { Store } from '../store.ts';

/** A table that stores parts on disk (every MergeTree family table; views and others hold none). */
export interface EngineTable {
  readonly name: string;
  readonly engine: string;
  /** Absolute folder of the table's parts, ending in `/`. */
  readonly dataPath: string;
}

interface TableRow {
  readonly name: string;
  readonly engine: string;
  readonly data_paths: string[];
}

export async function listEngineTables(store: Store): Promise<EngineTable[]> {
  const rows = await store.query<TableRow>(
    sql`SELECT name, engine, data_paths FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree' ORDER BY name`,
  );
  return rows.map((row) => {
    const dataPath = row.data_paths[0];
    if (dataPath === undefined) throw new Error(`table ${row.name} has no data path`);
    return { name: row.name, engine: row.engine, dataPath };
  });
}

/** The engine's data directory (where `store/`, `shadow/` live), ending in `/`. */
export async function engineRoot(store: Store): Promise<string> {
  const rows = await store.query<{ data_path: string }>(sql`SELECT data_path FROM system.databases WHERE name = currentDatabase()`);
  const root = rows[0]?.data_path;
  if (root === undefined) throw new Error('the current database has no data path');
  return root;
}

export async function schemaVersion(store: Store): Promise<number> {
  const rows = await store.query<{ version: string | number }>(sql`SELECT max(version) AS version FROM schema_migrations`);
  return Number(rows[0]?.version ?? 0);
}
