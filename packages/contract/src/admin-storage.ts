import { z } from 'zod';

const bytes = z.number().int().nonnegative();

/** The groups tables are reported under: each signal's raw and derived tables, and the metadata tables. */
export const storageSignalSchema = z.enum(['traces', 'logs', 'metrics', 'metadata']);

export const storageTableUsageSchema = z.object({
  table: z.string(),
  bytesOnDisk: bytes.describe('compressed bytes of the active parts'),
  rows: z.number().int().nonnegative(),
  parts: z.number().int().nonnegative(),
});

export const storageSignalUsageSchema = z.object({
  signal: storageSignalSchema,
  bytesOnDisk: bytes,
  rows: z.number().int().nonnegative(),
  /** Largest first. */
  tables: z.array(storageTableUsageSchema),
});

/** The filesystem that holds the data directory. */
export const storageVolumeSchema = z.object({
  path: z.string(),
  totalBytes: bytes,
  /** Bytes an unprivileged writer can still use. */
  freeBytes: bytes,
  usedBytes: bytes,
  /** used / (used + free) × 100, as `df` reports it. */
  usedPercent: z.number().min(0).max(100),
});

/** ok: below the soft mark; soft: warning (and oldest days dropped if configured); hard: new ingest refused. */
export const watermarkStateSchema = z.enum(['ok', 'soft', 'hard']);

export const storageWatermarkSchema = z.object({
  state: watermarkStateSchema,
  softPercent: z.number(),
  hardPercent: z.number(),
  /** Whether new ingest is refused now (state hard). */
  intakePaused: z.boolean(),
  dropOldestAboveSoft: z.boolean(),
  /** Unix ms of the last completed check; null before the first. */
  checkedAtMs: z.number().nullable(),
  /** Day partitions dropped to free space since the server started. */
  droppedPartitions: z.array(z.object({ signal: storageSignalSchema, day: z.string(), bytes, atMs: z.number() })),
});

/** Volume and watermark, as the disk monitor sees them. */
export const storageDiskStatusSchema = z.object({
  volume: storageVolumeSchema.nullable(),
  watermark: storageWatermarkSchema,
});

/** `GET /api/v1/admin/storage`: bytes per table grouped by signal, the data volume and the watermark state. */
export const adminStorageResponseSchema = z.object({
  signals: z.array(storageSignalUsageSchema),
  totalBytesOnDisk: bytes,
  /** Null when the server runs without disk monitoring. */
  volume: storageVolumeSchema.nullable(),
  watermark: storageWatermarkSchema.nullable(),
});

/** `GET /readyz`: 200 ready, or 503 with the reasons. */
export const readyzResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready') }),
  z.object({ status: z.literal('not_ready'), reasons: z.array(z.string()).min(1) }),
]);

export type StorageSignal = z.infer<typeof storageSignalSchema>;
export type StorageTableUsage = z.infer<typeof storageTableUsageSchema>;
export type StorageSignalUsage = z.infer<typeof storageSignalUsageSchema>;
export type StorageVolume = z.infer<typeof storageVolumeSchema>;
export type WatermarkState = z.infer<typeof watermarkStateSchema>;
export type StorageWatermark = z.infer<typeof storageWatermarkSchema>;
export type StorageDiskStatus = z.infer<typeof storageDiskStatusSchema>;
export type AdminStorageResponse = z.infer<typeof adminStorageResponseSchema>;
export type ReadyzResponse = z.infer<typeof readyzResponseSchema>;
