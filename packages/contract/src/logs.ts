import { z } from 'zod';
import { anyValueSchema, attributesSchema } from './any-value.ts';
import { attributeFiltersSchema, cursorSchema, limitSchema } from './filters.ts';
import { resourceSchema, scopeSchema } from './resource.ts';
import { nanosSchema, requireOrderedRange, spanIdInputSchema, spanIdSchema, timeSchema, traceIdInputSchema, traceIdSchema } from './time.ts';

const severitySchema = z.number().int().min(0).max(24);

/** The record filters shared by log search, histogram and live tail (no time range). */
export const logFilterFields = {
  service: z.string().min(1).optional(),
  severityMin: severitySchema.optional(),
  severityMax: severitySchema.optional(),
  /** Case-insensitive substring of the body (for ASCII letters); `%` and `_` are literal. */
  bodyContains: z.string().min(1).max(1000).optional(),
  attributes: attributeFiltersSchema.optional(),
  resourceAttributes: attributeFiltersSchema.optional(),
  traceId: traceIdInputSchema.optional(),
  spanId: spanIdInputSchema.optional(),
};

/** Checks `severityMax >= severityMin` when both are given (reported on `severityMax`). */
export function requireOrderedSeverity(value: { severityMin?: number | undefined; severityMax?: number | undefined }, ctx: z.RefinementCtx): void {
  if (value.severityMin !== undefined && value.severityMax !== undefined && value.severityMax < value.severityMin) {
    ctx.addIssue({ code: 'custom', path: ['severityMax'], message: 'must not be below severityMin' });
  }
}

/** `POST /api/v1/logs/search` body. */
export const logSearchRequestSchema = z
  .object({
    start: timeSchema,
    end: timeSchema,
    ...logFilterFields,
    /** `desc`: newest first. */
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: limitSchema.optional(),
    cursor: cursorSchema.optional(),
  })
  .superRefine(requireOrderedRange)
  .superRefine(requireOrderedSeverity);
export type LogSearchRequest = z.input<typeof logSearchRequestSchema>;
export type LogSearchParams = z.output<typeof logSearchRequestSchema>;

/** A log record's id: decimal text, stable for the stored record (pass it with its timestamp to the context endpoint). */
export const logIdSchema = z.string().regex(/^\d{1,20}$/, 'expected a log id (decimal digits)');

export const logRecordSchema = z.object({
  /** Stable id of the stored record (a hash of its content); with `timestampUnixNano` it finds the record again. */
  id: logIdSchema,
  /** The record's time, or its observed time when the sender set none. */
  timestampUnixNano: nanosSchema,
  /** The time as sent; "0" when unset. */
  timeUnixNano: nanosSchema,
  observedTimeUnixNano: nanosSchema,
  traceId: traceIdSchema,
  spanId: spanIdSchema,
  flags: z.number().int().nonnegative(),
  severityNumber: z.number().int().nonnegative(),
  severityText: z.string(),
  body: anyValueSchema,
  eventName: z.string(),
  serviceName: z.string(),
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int().nonnegative(),
  resource: resourceSchema,
  scope: scopeSchema,
});
export type LogRecord = z.infer<typeof logRecordSchema>;

export const logSearchResponseSchema = z.object({
  logs: z.array(logRecordSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type LogSearchResponse = z.infer<typeof logSearchResponseSchema>;
