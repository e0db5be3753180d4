import { z } from 'zod';
import { attributesSchema } from './any-value.ts';
import { resourceSchema, scopeSchema } from './resource.ts';
import { nanosSchema, requireOrderedRange, spanIdSchema, timeSchema, traceIdInputSchema, traceIdSchema } from './time.ts';

/** Span kinds as in OTLP: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
export const spanKindSchema = z.number().int().min(0).max(5);
/** Status codes as in OTLP: 0 unset, 1 ok, 2 error. */
export const statusCodeSchema = z.number().int().min(0).max(2);

export const spanEventSchema = z.object({
  timeUnixNano: nanosSchema,
  name: z.string(),
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int().nonnegative(),
});
export type SpanEvent = z.infer<typeof spanEventSchema>;

export const spanLinkSchema = z.object({
  traceId: traceIdSchema,
  spanId: spanIdSchema,
  traceState: z.string(),
  flags: z.number().int().nonnegative(),
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int().nonnegative(),
});
export type SpanLink = z.infer<typeof spanLinkSchema>;

/** A span with every stored field. */
export const spanSchema = z.object({
  traceId: traceIdSchema,
  spanId: spanIdSchema,
  /** Empty for a root span. */
  parentSpanId: spanIdSchema,
  traceState: z.string(),
  flags: z.number().int().nonnegative(),
  name: z.string(),
  kind: spanKindSchema,
  startTimeUnixNano: nanosSchema,
  endTimeUnixNano: nanosSchema,
  durationNs: nanosSchema,
  status: z.object({ code: statusCodeSchema, message: z.string() }),
  serviceName: z.string(),
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int().nonnegative(),
  events: z.array(spanEventSchema),
  droppedEventsCount: z.number().int().nonnegative(),
  links: z.array(spanLinkSchema),
  droppedLinksCount: z.number().int().nonnegative(),
  resource: resourceSchema,
  scope: scopeSchema,
});
export type Span = z.infer<typeof spanSchema>;

/** `GET /api/v1/traces/:traceId` path parameters. */
export const traceParamsSchema = z.object({ traceId: traceIdInputSchema });

/** `GET /api/v1/traces/:traceId` query: an optional time range (both ends or neither) narrowing the spans. */
export const traceQuerySchema = z
  .object({ start: timeSchema.optional(), end: timeSchema.optional() })
  .superRefine((value, ctx) => {
    if ((value.start === undefined) !== (value.end === undefined)) {
      ctx.addIssue({ code: 'custom', path: [value.start === undefined ? 'start' : 'end'], message: 'start and end go together' });
    } else if (value.start !== undefined && value.end !== undefined) {
      requireOrderedRange({ start: value.start, end: value.end }, ctx);
    }
  });
export type TraceQuery = z.input<typeof traceQuerySchema>;

export const traceResponseSchema = z.object({
  traceId: traceIdSchema,
  startTimeUnixNano: nanosSchema,
  endTimeUnixNano: nanosSchema,
  /** Spans the trace has in the store (may exceed `spans.length` when truncated). */
  spanCount: z.number().int().nonnegative(),
  /** True when the trace has more spans than one response carries. */
  truncated: z.boolean(),
  /** Ordered by start time. */
  spans: z.array(spanSchema),
});
export type TraceResponse = z.infer<typeof traceResponseSchema>;
