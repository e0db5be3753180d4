import { z } from 'zod';
import { cursorSchema, limitSchema } from './filters.ts';
import { spanConditionFields } from './span-search.ts';
import { nanosSchema, requireOrderedRange, traceIdSchema } from './time.ts';

/** A span status by name: OTLP codes 0 unset, 1 ok, 2 error. */
export const spanStatusNameSchema = z.enum(['unset', 'ok', 'error']);
export type SpanStatusName = z.infer<typeof spanStatusNameSchema>;

/** Conditions on spans: a trace matches when one of its spans in the range meets all of them. */
const traceFilterFields = {
  ...spanConditionFields,
  status: spanStatusNameSchema.optional(),
};

/**
 * `POST /api/v1/traces/search` body. Traces are ordered by their matching spans: `start` by the
 * earliest matching span's start, `duration` by the longest matching span's duration (without
 * span filters, or when the root span matches, that is the trace's own start or duration).
 */
export const traceSearchRequestSchema = z
  .object({
    ...traceFilterFields,
    sort: z.enum(['start', 'duration']).default('start'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: limitSchema.optional(),
    cursor: cursorSchema.optional(),
  })
  .superRefine(requireOrderedRange);
export type TraceSearchRequest = z.input<typeof traceSearchRequestSchema>;
export type TraceSearchParams = z.output<typeof traceSearchRequestSchema>;

/** One trace: start, duration and names from its root span (its earliest span when it has no root). */
export const traceSummarySchema = z.object({
  traceId: traceIdSchema,
  startTimeUnixNano: nanosSchema,
  durationNs: nanosSchema,
  rootServiceName: z.string(),
  rootName: z.string(),
  /** All spans of the trace in the store (not only those in the range). */
  spanCount: z.number().int().nonnegative(),
  /** Spans with status error. */
  errorCount: z.number().int().nonnegative(),
  /** Services with spans in the trace, sorted. */
  serviceNames: z.array(z.string()),
});
export type TraceSummary = z.infer<typeof traceSummarySchema>;

export const traceSearchResponseSchema = z.object({
  traces: z.array(traceSummarySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TraceSearchResponse = z.infer<typeof traceSearchResponseSchema>;

/** `POST /api/v1/traces/scatter` body: the trace search filters. */
export const traceScatterRequestSchema = z.object(traceFilterFields).superRefine(requireOrderedRange);
export type TraceScatterRequest = z.input<typeof traceScatterRequestSchema>;
export type TraceScatterParams = z.output<typeof traceScatterRequestSchema>;

/** Most points one scatter response carries. */
export const MAX_SCATTER_POINTS = 2000;

export const scatterPointSchema = z.object({
  traceId: traceIdSchema,
  /** The trace's root span (its earliest span when it has no root). */
  startTimeUnixNano: nanosSchema,
  durationNs: nanosSchema,
  /** True when any span of the trace has status error. */
  error: z.boolean(),
});
export type ScatterPoint = z.infer<typeof scatterPointSchema>;

export const traceScatterResponseSchema = z.object({
  /** One per matching trace, ordered by start time. */
  points: z.array(scatterPointSchema).max(MAX_SCATTER_POINTS),
  /** True when more traces matched than the response holds: the slowest were kept. */
  truncated: z.boolean(),
});
export type TraceScatterResponse = z.infer<typeof traceScatterResponseSchema>;
