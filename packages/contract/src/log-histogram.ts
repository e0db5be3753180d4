import { z } from 'zod';
import { logFilterFields, requireOrderedSeverity } from './logs.ts';
import { requireOrderedRange, timeSchema } from './time.ts';

/** Most buckets one histogram may have. */
export const MAX_HISTOGRAM_BUCKETS = 11_000;

/** `POST /api/v1/logs/histogram` body: the log search filters (no order, limit or cursor) and a bucket width. */
export const logHistogramRequestSchema = z
  .object({
    start: timeSchema,
    end: timeSchema,
    ...logFilterFields,
    /** Bucket width (whole milliseconds); by default one that gives at most ~120 buckets. */
    stepSeconds: z.number().min(0.001).max(366 * 24 * 3600).optional(),
  })
  .superRefine(requireOrderedRange)
  .superRefine(requireOrderedSeverity);
export type LogHistogramRequest = z.input<typeof logHistogramRequestSchema>;
export type LogHistogramParams = z.output<typeof logHistogramRequestSchema>;

/**
 * Records per OTLP severity group: 0 unset, 1–4 trace, 5–8 debug, 9–12 info, 13–16 warn,
 * 17–20 error, 21–24 fatal.
 */
export const severityCountsSchema = z.object({
  unset: z.number().int().nonnegative(),
  trace: z.number().int().nonnegative(),
  debug: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
  warn: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  fatal: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof severityCountsSchema>;
export type SeverityGroup = keyof SeverityCounts;

export const logHistogramBucketSchema = z.object({
  /** Start of the bucket, unix milliseconds (a multiple of the step since the epoch). */
  t: z.number(),
  counts: severityCountsSchema,
});
export type LogHistogramBucket = z.infer<typeof logHistogramBucketSchema>;

export const logHistogramResponseSchema = z.object({
  stepSeconds: z.number(),
  /** Every bucket overlapping the range, oldest first, empty ones included (the first and last may be partial). */
  buckets: z.array(logHistogramBucketSchema),
});
export type LogHistogramResponse = z.infer<typeof logHistogramResponseSchema>;
