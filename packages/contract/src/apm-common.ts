import { z } from 'zod';
import { fromQueryText } from './query-string.ts';
import { requireOrderedRange, timeSchema } from './time.ts';

/**
 * APM answers come from per-minute (and, for long ranges, per-hour) aggregates, so their time
 * resolution is one minute: a range's start is rounded down and its end up to whole minutes
 * (so a range ending now includes the minute in progress). Latency percentiles are
 * within ±1% of the exact value of the same rank (log-scaled buckets); durations in milliseconds.
 */

/** Name under which spans beyond the cardinality caps are aggregated. */
export const APM_OVERFLOW_NAME = '__overflow__';

/** The query every APM endpoint takes: a required range and an optional deployment environment. */
export const apmRangeFields = {
  start: timeSchema,
  end: timeSchema,
  /** `deployment.environment.name` of the resource; all environments when absent. */
  environment: z.string().min(1).optional(),
};

export const apmRangeQuerySchema = z.object(apmRangeFields).superRefine(requireOrderedRange);
export type ApmRangeQuery = z.input<typeof apmRangeQuerySchema>;

/** Rate, errors and latency of a set of spans over the range. Latencies are null without calls. */
export const redStatsSchema = z.object({
  calls: z.number().int().nonnegative(),
  /** Calls per second over the range. */
  rate: z.number().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** errors / calls, 0..1; 0 without calls. */
  errorRate: z.number().min(0).max(1),
  avgMs: z.number().nonnegative().nullable(),
  p50Ms: z.number().nonnegative().nullable(),
  p90Ms: z.number().nonnegative().nullable(),
  p95Ms: z.number().nonnegative().nullable(),
  p99Ms: z.number().nonnegative().nullable(),
  maxMs: z.number().nonnegative().nullable(),
});
export type RedStats = z.infer<typeof redStatsSchema>;

/** Names that went past a cardinality cap in the range (the data is under `__overflow__`). */
export const overflowNoticeSchema = z.object({
  /** The service whose operations overflowed, or `__overflow__` when services themselves did. */
  service: z.string(),
  dimension: z.enum(['service', 'operation', 'dependency']),
  /** First and last minute with overflowed spans in the range, unix ms. */
  firstSeenMs: z.number(),
  lastSeenMs: z.number(),
  /** Spans aggregated under the overflow name in the range. */
  spans: z.number().int().nonnegative(),
  /** The configured cap that was reached. */
  limit: z.number().int().positive(),
});
export type OverflowNotice = z.infer<typeof overflowNoticeSchema>;

/** A chart series step: `stepSeconds` apart from `startMs`; one value per step (null: no data). */
export const seriesStepsSchema = z.object({
  startMs: z.number(),
  stepSeconds: z.number().int().positive(),
});

/**
 * The text parameters of an APM GET converted to JSON before validation. Typed as the inner
 * schema, so clients see the real parameter types (the conversion only accepts text forms too).
 */
export function apmQuery<T extends z.ZodType>(schema: T, numbers: readonly string[] = []): z.ZodType<z.output<T>, z.input<T>> {
  return fromQueryText({ numbers: ['start', 'end', ...numbers] }, schema) as unknown as z.ZodType<z.output<T>, z.input<T>>;
}
