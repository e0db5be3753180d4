import { z } from 'zod';

const MiB = 1024 * 1024;
const bytes = z.coerce.number().int().positive();

/** Configuration of the Prometheus remote-write receiver (served on the API port at /api/v1/prom/write). */
export const remoteWriteConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Largest request body as sent (snappy-compressed). */
    maxBodyBytes: bytes.default(16 * MiB),
    /** Largest body once inflated, checked against the snappy header before inflating. */
    maxDecompressedBytes: bytes.default(64 * MiB),
    /** Metric families whose metadata (type, help, unit) is remembered across requests. */
    maxMetadataFamilies: z.coerce.number().int().positive().default(10_000),
  })
  .strict()
  .prefault({});

export type RemoteWriteConfig = z.infer<typeof remoteWriteConfigSchema>;
