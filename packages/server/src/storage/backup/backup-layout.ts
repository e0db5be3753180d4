import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { backupManifestSchema, type BackupManifest, type BackupProgressEvent } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../errors.ts';
import { listParts, sumParts } from './part-files.ts';

/**
 * A backup directory: `manifest.json` (written last) and `tables/<table>/<part>/…`, each part a
 * copy of the engine's part folder.
 */
export const BACKUP_MANIFEST_FILE = 'manifest.json';
export const BACKUP_TABLES_DIR = 'tables';

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, BACKUP_MANIFEST_FILE), 'utf8');
  } catch (error) {
    throw new AppError(ErrorCodes.QUERY_INVALID, `no backup in "${dir}": ${BACKUP_MANIFEST_FILE} cannot be read (${(error as Error).message})`);
  }
  const parsed = backupManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError(ErrorCodes.QUERY_INVALID, `"${dir}/${BACKUP_MANIFEST_FILE}" is not a Sightline backup manifest: ${parsed.error.message}`);
  return parsed.data;
}

/** Recounts the rows of every table from the parts in the backup directory against the manifest. */
export async function verifyCopiedTables(dir: string, manifest: BackupManifest, onProgress: (event: BackupProgressEvent) => void): Promise<void> {
  const mismatches: string[] = [];
  for (const table of manifest.tables) {
    const parts = await listParts(path.join(dir, BACKUP_TABLES_DIR, table.name));
    const { rows, bytes } = sumParts(parts);
    onProgress({ type: 'verified', table: table.name, expectedRows: table.rows, rows });
    if (rows !== table.rows || bytes !== table.bytes || parts.length !== table.parts) {
      mismatches.push(`${table.name}: ${rows} rows in ${parts.length} parts (${bytes} B), expected ${table.rows} in ${table.parts} (${table.bytes} B)`);
    }
  }
  if (mismatches.length > 0) throw new AppError(ErrorCodes.STORE_FAILED, `backup verification failed: ${mismatches.join('; ')}`);
}
