import { z } from 'zod';
import { attributeFiltersSchema, cursorSchema, limitSchema } from './filters.ts';
import { fromQueryText } from './query-string.ts';
import { spanKindSchema, statusCodeSchema } from './traces.ts';
import { nanosSchema, requireOrderedRange, spanIdSchema, timeSchema, traceIdInputSchema, traceIdSchema } from './time.ts';

/** A duration in nanoseconds: a JSON number or decimal text. */
export const durationSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'expected nanoseconds as digits')])
  .transform((value) => BigInt(value));

/** Conditions on spans shared by span search and trace search (which adds its own status filter). */
export const spanConditionFields = {
  start: timeSchema,
  end: timeSchema,
  service: z.string().min(1).optional(),
  /** The span name. */
  operation: z.string().min(1).optional(),
  minDurationNs: durationSchema.optional(),
  maxDurationNs: durationSchema.optional(),
  kind: spanKindSchema.optional(),
  attributes: attributeFiltersSchema.optional(),
  resourceAttributes: attributeFiltersSchema.optional(),
};

const spanSearchFields = {
  ...spanConditionFields,
  statusCode: statusCodeSchema.optional(),
  rootOnly: z.boolean().optional(),
  traceId: traceIdInputSchema.optional(),
  sort: z.enum(['timestamp', 'duration']).default('timestamp'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: limitSchema.optional(),
  cursor: cursorSchema.optional(),
};

/** `POST /api/v1/spans/search` body. */
export const spanSearchRequestSchema = z.object(spanSearchFields).superRefine(requireOrderedRange);
export type SpanSearchRequest = z.input<typeof spanSearchRequestSchema>;
export type SpanSearchParams = z.output<typeof spanSearchRequestSchema>;

/**
 * `GET /api/v1/spans/search` query string: the same fields as text; `attributes` and
 * `resourceAttributes` are JSON-encoded filter lists.
 */
export const spanSearchQuerySchema = fromQueryText(
  { numbers: ['statusCode', 'kind', 'limit'], booleans: ['rootOnly'], json: ['attributes', 'resourceAttributes'] },
  spanSearchRequestSchema,
);

export const spanSummarySchema = z.object({
  traceId: traceIdSchema,
  spanId: spanIdSchema,
  parentSpanId: spanIdSchema,
  serviceName: z.string(),
  name: z.string(),
  kind: spanKindSchema,
  startTimeUnixNano: nanosSchema,
  durationNs: nanosSchema,
  statusCode: statusCodeSchema,
  httpMethod: z.string(),
  httpRoute: z.string(),
  /** 0 when the span has none. */
  httpStatusCode: z.number().int().nonnegative(),
});
export type SpanSummary = z.infer<typeof spanSummarySchema>;

export const spanSearchResponseSchema = z.object({
  spans: z.array(spanSummarySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SpanSearchResponse = z.infer<typeof spanSearchResponseSchema>;
