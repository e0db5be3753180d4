import { z } from 'zod';

/** `POST /api/v1/admin/backup`: where the server writes the snapshot (absolute; empty or new). */
export const adminBackupRequestSchema = z.object({ dir: z.string().min(1) }).strict();

/** Rows and bytes of one table in a backup. */
export const backupTableSchema = z.object({
  name: z.string(),
  engine: z.string(),
  parts: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});

/** `manifest.json` at the top of a backup directory. */
export const backupManifestSchema = z.object({
  format: z.literal('sightline-backup'),
  formatVersion: z.literal(1),
  /** Highest applied migration (`schema_migrations`) when the snapshot was taken. */
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.string(),
  serverVersion: z.string(),
  tables: z.array(backupTableSchema),
});

/**
 * The response body of the backup route: one JSON object per line (NDJSON), sent as the work
 * progresses. The last line is `done` or `error`.
 */
export const backupProgressEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), tables: z.number().int(), parts: z.number().int(), bytes: z.number().int() }),
  z.object({ type: z.literal('table'), table: z.string(), parts: z.number().int(), rows: z.number().int(), bytes: z.number().int(), copiedBytes: z.number().int(), totalBytes: z.number().int() }),
  z.object({ type: z.literal('verified'), table: z.string(), expectedRows: z.number().int(), rows: z.number().int() }),
  z.object({ type: z.literal('done'), dir: z.string(), manifest: backupManifestSchema }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);

export type AdminBackupRequest = z.infer<typeof adminBackupRequestSchema>;
export type BackupTable = z.infer<typeof backupTableSchema>;
export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type BackupProgressEvent = z.infer<typeof backupProgressEventSchema>;
