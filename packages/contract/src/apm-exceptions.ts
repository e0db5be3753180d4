import { z } from 'zod';
import { apmQuery, apmRangeFields, seriesStepsSchema } from './apm-common.ts';
import { requireOrderedRange } from './time.ts';

/**
 * `GET /api/v1/apm/exceptions`: span `exception` events grouped by service, exception type and
 * message pattern (the message with numbers, ids, hex and quoted values replaced).
 */
export const apmExceptionsQuerySchema = apmQuery(
  z
    .object({ ...apmRangeFields, service: z.string().min(1).optional(), limit: z.number().int().positive().max(500).default(100) })
    .superRefine(requireOrderedRange),
  ['limit'],
);
export type ApmExceptionsQuery = z.input<typeof apmExceptionsQuerySchema>;

export const apmExceptionSampleSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  /** Unix nanoseconds as decimal text. */
  timeNs: z.string().regex(/^\d+$/),
});

export const apmExceptionGroupSchema = z.object({
  service: z.string(),
  type: z.string(),
  messagePattern: z.string(),
  /** One message as sent (the newest). */
  message: z.string(),
  count: z.number().int().positive(),
  firstSeenNs: z.string().regex(/^\d+$/),
  lastSeenNs: z.string().regex(/^\d+$/),
  /** Occurrences per step over the range. */
  trend: seriesStepsSchema.extend({ counts: z.array(z.number().int().nonnegative()) }),
  /** The newest occurrence's stack trace. */
  stacktrace: z.string(),
  /** Newest first, a few. */
  samples: z.array(apmExceptionSampleSchema),
});
export type ApmExceptionGroup = z.infer<typeof apmExceptionGroupSchema>;

export const apmExceptionsResponseSchema = z.object({
  /** Sorted by count, most first. */
  groups: z.array(apmExceptionGroupSchema),
});
export type ApmExceptionsResponse = z.infer<typeof apmExceptionsResponseSchema>;
