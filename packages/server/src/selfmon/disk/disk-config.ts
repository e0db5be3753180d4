import { z } from 'zod';

const percent = z.coerce.number().gt(0).max(100);

/**
 * Disk protection (`disk.*`): usage of the data directory's filesystem is checked on an interval.
 * Above the soft mark a warning (and, if enabled, the oldest day of the largest signal is dropped);
 * above the hard mark new ingest is refused with a retryable error until usage falls below
 * `hardWatermarkPercent - hysteresisPercent`.
 */
export const diskConfigSchema = z
  .object({
    softWatermarkPercent: percent.default(80),
    hardWatermarkPercent: percent.default(92),
    /** A state is left only once usage is this far below its mark, so it does not flap at the edge. */
    hysteresisPercent: z.coerce.number().min(0).max(50).default(2),
    checkIntervalSeconds: z.coerce.number().int().positive().default(10),
    /** Above the soft mark, drop the oldest day partition of the largest signal until usage is below it (never the newest day). */
    dropOldestAboveSoft: z.boolean().default(false),
  })
  .strict()
  .refine((disk) => disk.softWatermarkPercent < disk.hardWatermarkPercent, {
    message: 'softWatermarkPercent must be below hardWatermarkPercent',
    path: ['softWatermarkPercent'],
  })
  .refine((disk) => disk.hysteresisPercent < disk.softWatermarkPercent, {
    message: 'hysteresisPercent must be below softWatermarkPercent',
    path: ['hysteresisPercent'],
  });

export type DiskConfig = z.infer<typeof diskConfigSchema>;
