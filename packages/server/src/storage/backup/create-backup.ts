import { mkdir, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { BackupManifest, BackupProgressEvent, BackupTable } from '@sightline/contract';
import { checkEmptyOrNewDir } from './backup-dir.ts';
import { engineRoot, listEngineTables, schemaVersion } from './engine-tables.ts';
import { copyTree, listParts, sumParts } from './part-files.ts';
import { takeSnapshot } from './snapshot.ts';
import type { Store } from '../store.ts';
import { BACKUP_MANIFEST_FILE, BACKUP_TABLES_DIR, verifyCopiedTables } from './backup-layout.ts';

export interface CreateBackupOptions {
  /** Absolute; must not exist or be empty. */
  readonly dir: string;
  readonly serverVersion: string;
  readonly onProgress: (event: BackupProgressEvent) => void;
  readonly now?: () => Date;
}

/**
 * Why frozen parts rather than BACKUP or a per-table export: BACKUP needs `backups.allowed_path` in
 * the engine's start-up arguments, which a running server cannot change; a per-table
 * `INSERT INTO FUNCTION file()` export re-encodes every row (hours of CPU on a large store while
 * ingest goes on), gives each table its own moment (a view's target and its source disagree) and
 * on restore re-inserts rows, merging aggregate rows and firing views. Frozen parts are hard links
 * (instant, one consistent moment for all tables), copied as files, and attached on restore as they
 * were: same rows, same counts, no view runs.
 */
export async function createBackup(store: Store, options: CreateBackupOptions): Promise<BackupManifest> {
  const dir = checkEmptyOrNewDir(options.dir, 'backup directory');
  await mkdir(dir, { recursive: true });
  const version = await schemaVersion(store);
  const root = await engineRoot(store);
  const tables = await listEngineTables(store);
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  const snapshot = await takeSnapshot(store, root, tables);
  const manifestTables: BackupTable[] = [];
  try {
    const frozen = await Promise.all(tables.map(async (table) => ({ table, parts: await listParts(snapshot.folderOf(table)) })));
    const totalBytes = frozen.reduce((sum, entry) => sum + sumParts(entry.parts).bytes, 0);
    const totalParts = frozen.reduce((sum, entry) => sum + entry.parts.length, 0);
    options.onProgress({ type: 'snapshot', tables: tables.length, parts: totalParts, bytes: totalBytes });
    let copiedBytes = 0;
    for (const { table, parts } of frozen) {
      const target = path.join(dir, BACKUP_TABLES_DIR, table.name);
      await mkdir(target, { recursive: true });
      for (const part of parts) {
        await copyTree(path.join(snapshot.folderOf(table), part.name), path.join(target, part.name), (bytes) => {
          copiedBytes += bytes;
        });
      }
      const { rows, bytes } = sumParts(parts);
      manifestTables.push({ name: table.name, engine: table.engine, parts: parts.length, rows, bytes });
      options.onProgress({ type: 'table', table: table.name, parts: parts.length, rows, bytes, copiedBytes, totalBytes });
    }
  } finally {
    await snapshot.release();
  }
  const manifest: BackupManifest = {
    format: 'sightline-backup',
    formatVersion: 1,
    schemaVersion: version,
    createdAt,
    serverVersion: options.serverVersion,
    tables: manifestTables,
  };
  await verifyCopiedTables(dir, manifest, options.onProgress);
  // Written last, then renamed into place: a directory with a manifest holds a complete backup.
  const manifestPath = path.join(dir, BACKUP_MANIFEST_FILE);
  await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${manifestPath}.tmp`, manifestPath);
  options.onProgress({ type: 'done', dir, manifest });
  return manifest;
}
