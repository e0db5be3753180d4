import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { BackupManifest } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../errors.ts';
import { identifier, sql, trustedSql } from '../sql.ts';
import type { Store } from '../store.ts';
import { createTableSql } from '../schema/ddl.ts';
import { schemaMigrationsTable } from '../schema/meta-tables.ts';
import { MIGRATIONS, migrate } from '../schema/migrations.ts';
import type { Retention } from '../schema/retention.ts';
import { BACKUP_TABLES_DIR, readManifest } from './backup-layout.ts';
import { listEngineTables } from './engine-tables.ts';
import { listParts } from './part-files.ts';

export type RestoreEvent =
  | { readonly type: 'manifest'; readonly manifest: BackupManifest }
  | { readonly type: 'schema'; readonly version: number }
  | { readonly type: 'table'; readonly table: string; readonly parts: number; readonly rows: number; readonly done: number; readonly total: number }
  | { readonly type: 'verified'; readonly table: string; readonly expectedRows: number; readonly rows: number }
  | { readonly type: 'migrated'; readonly versions: readonly number[] };

export interface RestoreOptions {
  readonly dir: string;
  /** Retention for the tables created here (the server applies its configured one when it starts). */
  readonly retention: Retention;
  readonly onProgress: (event: RestoreEvent) => void;
}

export interface RestoreReport {
  readonly manifest: BackupManifest;
  readonly migrated: readonly number[];
}

/** The schema exactly as it was at `version`: parts attach only to tables of their own layout. */
async function createSchemaAt(store: Store, version: number, retention: Retention): Promise<void> {
  await store.command(trustedSql(createTableSql(schemaMigrationsTable, retention)));
  for (const migration of MIGRATIONS) {
    if (migration.version > version) break;
    for (const statement of migration.statements(retention)) await store.command(trustedSql(statement));
  }
}

/**
 * Restores a backup into a store opened on an EMPTY data directory, offline: creates the schema of
 * the backup's version, copies each table's parts into its `detached/` folder and attaches them
 * (ATTACH PART does not run materialized views, so view targets get exactly their backed-up rows,
 * never a second copy), checks every table's row count against the manifest with merges stopped
 * (merges of aggregating tables would change counts), then runs the migrations newer than the backup.
 */
export async function restoreBackup(store: Store, options: RestoreOptions): Promise<RestoreReport> {
  const manifest = await readManifest(options.dir);
  options.onProgress({ type: 'manifest', manifest });
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (manifest.schemaVersion > latest) {
    throw new AppError(ErrorCodes.CONFLICT, `the backup has schema version ${manifest.schemaVersion}; this server knows up to ${latest}: restore with a newer Sightline`);
  }
  if ((await listEngineTables(store)).length > 0) throw new AppError(ErrorCodes.CONFLICT, 'the store to restore into already has tables');
  await createSchemaAt(store, manifest.schemaVersion, options.retention);
  options.onProgress({ type: 'schema', version: manifest.schemaVersion });
  const tables = new Map((await listEngineTables(store)).map((table) => [table.name, table]));
  const unknown = manifest.tables.filter((table) => !tables.has(table.name)).map((table) => table.name);
  if (unknown.length > 0) throw new AppError(ErrorCodes.CONFLICT, `tables in the backup that schema version ${manifest.schemaVersion} does not have: ${unknown.join(', ')}`);

  await store.command(sql`SYSTEM STOP MERGES`);
  try {
    let done = 0;
    for (const entry of manifest.tables) {
      const table = tables.get(entry.name)!;
      const source = path.join(options.dir, BACKUP_TABLES_DIR, entry.name);
      const parts = await listParts(source);
      for (const part of parts) {
        await cp(path.join(source, part.name), path.join(table.dataPath, 'detached', part.name), { recursive: true, errorOnExist: true, force: false });
        await store.command(sql`ALTER TABLE ${identifier(entry.name)} ATTACH PART ${part.name}`);
      }
      done++;
      options.onProgress({ type: 'table', table: entry.name, parts: parts.length, rows: entry.rows, done, total: manifest.tables.length });
    }
    const mismatches: string[] = [];
    for (const entry of manifest.tables) {
      const rows = await store.query<{ rows: string }>(sql`SELECT count() AS rows FROM ${identifier(entry.name)}`);
      const count = Number(rows[0]?.rows ?? 0);
      options.onProgress({ type: 'verified', table: entry.name, expectedRows: entry.rows, rows: count });
      if (count !== entry.rows) mismatches.push(`${entry.name}: ${count} rows, the backup has ${entry.rows}`);
    }
    if (mismatches.length > 0) throw new AppError(ErrorCodes.STORE_FAILED, `restore verification failed: ${mismatches.join('; ')}`);
  } finally {
    await store.command(sql`SYSTEM START MERGES`);
  }
  const migrated = await migrate(store, options.retention);
  options.onProgress({ type: 'migrated', versions: migrated });
  return { manifest, migrated };
}
