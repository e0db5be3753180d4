import { z } from 'zod';
import { apmQuery, apmRangeFields, overflowNoticeSchema, redStatsSchema, seriesStepsSchema } from './apm-common.ts';
import { requireOrderedRange } from './time.ts';

/** `GET /api/v1/apm/services`: every service's requests (its entry-point spans) over the range. */
export const apmServicesQuerySchema = apmQuery(z.object(apmRangeFields).superRefine(requireOrderedRange));
export type ApmServicesQuery = z.input<typeof apmServicesQuerySchema>;

export const apmServiceSummarySchema = redStatsSchema.extend({
  name: z.string(),
  /** False when the service sent nothing in the range but did within the retention period. */
  active: z.boolean(),
  apdexThresholdMs: z.number().positive(),
  /** (satisfied + tolerating/2) / calls, 0..1; null without calls. */
  apdex: z.number().min(0).max(1).nullable(),
  /** Requests and errors per step over the range, for sparklines. */
  sparkline: seriesStepsSchema.extend({ calls: z.array(z.number().int().nonnegative()), errors: z.array(z.number().int().nonnegative()) }),
});
export type ApmServiceSummary = z.infer<typeof apmServiceSummarySchema>;

export const apmServicesResponseSchema = z.object({
  /** Sorted by name; the client sorts by any column. */
  services: z.array(apmServiceSummarySchema),
  overflow: z.array(overflowNoticeSchema),
});
export type ApmServicesResponse = z.infer<typeof apmServicesResponseSchema>;

/**
 * `GET /api/v1/apm/services/:service/series`: charts of the service's requests (entry-point spans),
 * or of one operation's spans when `operation` is given. `step` (seconds) is a wish: the server
 * rounds it to a whole number of minutes (hours for long ranges) and caps the number of points.
 */
export const apmServiceSeriesQuerySchema = apmQuery(
  z
    .object({ ...apmRangeFields, operation: z.string().min(1).optional(), step: z.number().int().positive().optional() })
    .superRefine(requireOrderedRange),
  ['step'],
);
export type ApmServiceSeriesQuery = z.input<typeof apmServiceSeriesQuerySchema>;

const nullableNumbers = z.array(z.number().nullable());

export const apmServiceSeriesResponseSchema = seriesStepsSchema.extend({
  service: z.string(),
  operation: z.string().nullable(),
  apdexThresholdMs: z.number().positive(),
  calls: z.array(z.number().int().nonnegative()),
  /** Calls per second in each step. */
  rate: z.array(z.number().nonnegative()),
  errors: z.array(z.number().int().nonnegative()),
  /** 0..1; null for steps without calls (as are the latencies and apdex). */
  errorRate: nullableNumbers,
  p50Ms: nullableNumbers,
  p90Ms: nullableNumbers,
  p99Ms: nullableNumbers,
  apdex: nullableNumbers,
});
export type ApmServiceSeriesResponse = z.infer<typeof apmServiceSeriesResponseSchema>;

/** `GET /api/v1/apm/services/:service/operations`: every operation (span name) of the service. */
export const apmOperationsQuerySchema = apmQuery(z.object(apmRangeFields).superRefine(requireOrderedRange));
export type ApmOperationsQuery = z.input<typeof apmOperationsQuerySchema>;

export const apmOperationSchema = redStatsSchema.extend({
  name: z.string(),
  /** OTLP span kind number (1 internal, 2 server, 3 client, 4 producer, 5 consumer; 0 unspecified). */
  spanKind: z.number().int().min(0).max(5),
  /** True when these spans are requests of the service (entry points). */
  entryPoint: z.boolean(),
});
export type ApmOperation = z.infer<typeof apmOperationSchema>;

export const apmOperationsResponseSchema = z.object({
  service: z.string(),
  /** Sorted by calls, most first. */
  operations: z.array(apmOperationSchema),
  overflow: z.array(overflowNoticeSchema),
});
export type ApmOperationsResponse = z.infer<typeof apmOperationsResponseSchema>;

/** `GET /api/v1/apm/services/:service/instances`: the instances and hosts that served it. */
export const apmInstancesQuerySchema = apmQuery(z.object(apmRangeFields).superRefine(requireOrderedRange));
export type ApmInstancesQuery = z.input<typeof apmInstancesQuerySchema>;

export const apmInstancesResponseSchema = z.object({
  instances: z.array(
    z.object({
      /** `service.instance.id`; '' when the resource has none. */
      instanceId: z.string(),
      /** `host.name`; '' when the resource has none. */
      hostName: z.string(),
      environment: z.string(),
      spans: z.number().int().nonnegative(),
      errors: z.number().int().nonnegative(),
      firstSeenMs: z.number(),
      lastSeenMs: z.number(),
    }),
  ),
});
export type ApmInstancesResponse = z.infer<typeof apmInstancesResponseSchema>;

/** `GET /api/v1/apm/services/:service/errors`: the newest spans with status ERROR. */
export const apmRecentErrorsQuerySchema = apmQuery(
  z.object({ ...apmRangeFields, limit: z.number().int().positive().max(200).default(20) }).superRefine(requireOrderedRange),
  ['limit'],
);
export type ApmRecentErrorsQuery = z.input<typeof apmRecentErrorsQuerySchema>;

export const apmRecentErrorsResponseSchema = z.object({
  errors: z.array(
    z.object({
      /** Unix nanoseconds as decimal text. */
      timeNs: z.string().regex(/^\d+$/),
      traceId: z.string(),
      spanId: z.string(),
      operation: z.string(),
      durationMs: z.number().nonnegative(),
      statusMessage: z.string(),
      /** From the span's first `exception` event; '' without one. */
      exceptionType: z.string(),
      exceptionMessage: z.string(),
      httpStatusCode: z.number().int().nonnegative(),
    }),
  ),
});
export type ApmRecentErrorsResponse = z.infer<typeof apmRecentErrorsResponseSchema>;

/** `GET /api/v1/apm/apdex`: the default threshold and the per-service ones that were set. */
export const apmApdexSettingsResponseSchema = z.object({
  defaultThresholdMs: z.number().positive(),
  services: z.record(z.string(), z.number().positive()),
});
export type ApmApdexSettingsResponse = z.infer<typeof apmApdexSettingsResponseSchema>;

/**
 * `PUT /api/v1/apm/services/:service/apdex` body; `thresholdMs: null` returns to the default.
 * Answered with the settings after the change (`apmApdexSettingsResponseSchema`, as `GET /api/v1/apm/apdex`).
 */
export const apmApdexUpdateSchema = z.object({ thresholdMs: z.number().positive().max(600_000).nullable() });
export type ApmApdexUpdate = z.infer<typeof apmApdexUpdateSchema>;
