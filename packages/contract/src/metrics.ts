import { z } from 'zod';
import { requireOrderedRange, timeSchema } from './time.ts';

export const metricTypeSchema = z.enum(['gauge', 'sum', 'histogram', 'exponential_histogram', 'summary']);
export type MetricType = z.infer<typeof metricTypeSchema>;

const rangeFields = { start: timeSchema, end: timeSchema };

export const metricInfoSchema = z.object({
  name: z.string(),
  type: metricTypeSchema,
  unit: z.string(),
  description: z.string(),
  /** OTLP AggregationTemporality: 0 none (gauge, summary), 1 delta, 2 cumulative. */
  temporality: z.number().int().min(0).max(2),
  monotonic: z.boolean(),
  /**
   * The type its Prometheus source declared when it has no OTLP equivalent (`untyped`, `unknown`,
   * `info`, …; stored as a gauge). Untyped series are often counters: rate and increase accept them.
   */
  prometheusType: z.string().optional(),
});
export type MetricInfo = z.infer<typeof metricInfoSchema>;

/** `GET /api/v1/metrics` query; `prefix` keeps the names that start with it (exporters bring thousands). */
export const metricListQuerySchema = z.object({ ...rangeFields, prefix: z.string().min(1).max(256).optional() }).superRefine(requireOrderedRange);
export const metricListResponseSchema = z.object({ metrics: z.array(metricInfoSchema) });
export type MetricListResponse = z.infer<typeof metricListResponseSchema>;

/** `GET /api/v1/metrics/labels` query; `metric` narrows to one metric's series. */
export const labelKeysQuerySchema = z.object({ ...rangeFields, metric: z.string().min(1).optional() }).superRefine(requireOrderedRange);
export const labelKeysResponseSchema = z.object({ keys: z.array(z.string()) });
export type LabelKeysResponse = z.infer<typeof labelKeysResponseSchema>;

/** `GET /api/v1/metrics/labels/:key/values` path parameters and query. */
export const labelValuesParamsSchema = z.object({ key: z.string().min(1) });
export const labelValuesQuerySchema = labelKeysQuerySchema;
export const labelValuesResponseSchema = z.object({ values: z.array(z.string()) });
export type LabelValuesResponse = z.infer<typeof labelValuesResponseSchema>;

/** A condition on a series label; `regex` is RE2 syntax, anchored at both ends. */
export const labelFilterSchema = z
  .object({
    label: z.string().min(1),
    op: z.enum(['equals', 'not_equals', 'regex', 'exists']),
    value: z.string().optional(),
  })
  .superRefine((filter, ctx) => {
    if (filter.op !== 'exists' && filter.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `is required for ${filter.op}` });
  });
export type LabelFilter = z.infer<typeof labelFilterSchema>;

/** `POST /api/v1/metrics/query` body. */
export const metricQueryRequestSchema = z
  .object({
    name: z.string().min(1),
    ...rangeFields,
    stepSeconds: z.number().positive().max(31 * 24 * 3600),
    filters: z.array(labelFilterSchema).max(32).default([]),
    groupBy: z.array(z.string().min(1)).max(16).default([]),
    /** How the series of one group combine at each step. */
    aggregation: z.enum(['sum', 'avg', 'min', 'max', 'count']).default('sum'),
    /** For counters (monotonic sums; histogram and summary observation counts). */
    function: z.enum(['rate', 'increase']).optional(),
    /** For histograms, exponential histograms and summaries: the quantile to compute, 0..1. */
    quantile: z.number().min(0).max(1).optional(),
  })
  .superRefine(requireOrderedRange);
export type MetricQueryRequest = z.input<typeof metricQueryRequestSchema>;
export type MetricQueryParams = z.output<typeof metricQueryRequestSchema>;

export const metricPointSchema = z.object({
  /** Start of the step, unix milliseconds. */
  t: z.number(),
  v: z.number(),
});
export type MetricPoint = z.infer<typeof metricPointSchema>;

export const metricSeriesSchema = z.object({
  /** The group-by labels of this series (labels a series lacks are left out). */
  labels: z.record(z.string(), z.string()),
  points: z.array(metricPointSchema),
});
export type MetricSeries = z.infer<typeof metricSeriesSchema>;

export const metricQueryResponseSchema = z.object({
  metric: metricInfoSchema,
  stepSeconds: z.number(),
  series: z.array(metricSeriesSchema),
});
export type MetricQueryResponse = z.infer<typeof metricQueryResponseSchema>;
