import { z } from 'zod';
import { attributeFiltersSchema } from './filters.ts';
import { logFilterFields } from './logs.ts';
import { labelFilterSchema, metricSeriesSchema } from './metrics.ts';
import { requireOrderedRange, timeSchema } from './time.ts';

/**
 * Alert rules: a query giving one series per group, a condition over an evaluation window with one or
 * more thresholds (by severity), a `for` duration before firing, labels, templated texts and the
 * channels to notify.
 */

export const alertSeverities = ['critical', 'warning', 'info'] as const;
export const alertSeveritySchema = z.enum(alertSeverities);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

const LABEL_KEY = /^[A-Za-z_][A-Za-z0-9_.]{0,99}$/;

/** A metric series with aggregation (the dashboards' panel query fields). */
export const metricAlertQuerySchema = z.object({
  kind: z.literal('metric'),
  metric: z.string().min(1).max(512),
  filters: z.array(labelFilterSchema).max(16).default([]),
  groupBy: z.array(z.string().min(1)).max(8).default([]),
  aggregation: z.enum(['sum', 'avg', 'min', 'max', 'count']).default('sum'),
  function: z.enum(['rate', 'increase']).optional(),
  quantile: z.number().min(0).max(1).optional(),
});

/** Log records matching the filters, counted per step. `groupBy` takes `service`, `severity` or attribute keys (`resource.` prefix for resource attributes). */
export const logsAlertQuerySchema = z.object({
  kind: z.literal('logs'),
  service: logFilterFields.service,
  severityMin: logFilterFields.severityMin,
  bodyContains: logFilterFields.bodyContains,
  attributes: attributeFiltersSchema.optional(),
  resourceAttributes: attributeFiltersSchema.optional(),
  groupBy: z.array(z.string().min(1)).max(4).default([]),
});

export const apmAlertMeasures = [
  'request_rate',
  'span_count',
  'error_count',
  'error_rate',
  'latency_avg',
  'latency_p50',
  'latency_p95',
  'latency_p99',
] as const;

/**
 * Span measures of a service or one operation from the APM aggregates: rates per second, error rate
 * as a percentage (0–100), latencies in milliseconds. Without `service` every service is a group.
 */
export const apmAlertQuerySchema = z.object({
  kind: z.literal('apm'),
  measure: z.enum(apmAlertMeasures),
  service: z.string().min(1).optional(),
  operation: z.string().min(1).optional(),
  /** Deployment environment (`deployment.environment[.name]`); all when absent. */
  environment: z.string().min(1).optional(),
  groupBy: z
    .array(z.enum(['service', 'operation']))
    .max(2)
    .default([]),
});

/** Exceptions recorded on spans (APM exceptions), counted per step. */
export const exceptionsAlertQuerySchema = z.object({
  kind: z.literal('exceptions'),
  service: z.string().min(1).optional(),
  exceptionType: z.string().min(1).optional(),
  groupBy: z
    .array(z.enum(['service', 'exception_type']))
    .max(2)
    .default([]),
});

export const alertQuerySchema = z.discriminatedUnion('kind', [metricAlertQuerySchema, logsAlertQuerySchema, apmAlertQuerySchema, exceptionsAlertQuerySchema]);
export type AlertQuery = z.output<typeof alertQuerySchema>;
export type MetricAlertQuery = z.output<typeof metricAlertQuerySchema>;
export type LogsAlertQuery = z.output<typeof logsAlertQuerySchema>;
export type ApmAlertQuery = z.output<typeof apmAlertQuerySchema>;
export type ExceptionsAlertQuery = z.output<typeof exceptionsAlertQuerySchema>;

export const alertComparisons = ['above', 'above_or_equal', 'below', 'below_or_equal', 'equal', 'not_equal'] as const;

/**
 * How the window's points are reduced before comparing: `at_least_once` (any point breaches),
 * `all_the_time` (every point breaches), `on_average` (their mean), `in_total` (their sum), `last`
 * (the newest point).
 */
export const alertMatchTypes = ['at_least_once', 'all_the_time', 'on_average', 'in_total', 'last'] as const;

export const alertThresholdSchema = z.object({
  severity: alertSeveritySchema,
  value: z.number().finite(),
});
export type AlertThreshold = z.infer<typeof alertThresholdSchema>;

export const alertConditionSchema = z
  .object({
    comparison: z.enum(alertComparisons),
    match: z.enum(alertMatchTypes).default('at_least_once'),
    /** The evaluation window: points of the last `windowSeconds` are reduced by `match`. */
    windowSeconds: z.number().int().min(60).max(86_400).default(300),
    /** One per severity; the most severe breached threshold sets the instance's severity. */
    thresholds: z.array(alertThresholdSchema).min(1).max(3),
  })
  .superRefine((condition, ctx) => {
    const severities = condition.thresholds.map((threshold) => threshold.severity);
    if (new Set(severities).size !== severities.length)
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds'],
        message: 'one threshold per severity',
      });
  });
export type AlertCondition = z.output<typeof alertConditionSchema>;

export const alertNoDataSchema = z.object({
  /** Fire (as `no_data`) when the query returns no points for `afterSeconds`. */
  enabled: z.boolean().default(false),
  afterSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(600),
  severity: alertSeveritySchema.default('warning'),
});

export const alertNotifySchema = z.object({
  /** Channel ids. */
  channels: z.array(z.string().min(1)).max(20).default([]),
  /** While an instance keeps firing, it is sent again after this long. */
  repeatIntervalSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(4 * 3600),
  /** Also send when an instance resolves. */
  sendResolved: z.boolean().default(true),
});

/**
 * Texts are templates: `{{rule}}`, `{{severity}}`, `{{state}}`, `{{value}}`, `{{threshold}}`,
 * `{{labels.<key>}}` and `{{link}}` (the view of the query in the UI).
 */
export const alertRuleDefinitionSchema = z.object({
  name: z.string().min(1).max(200),
  enabled: z.boolean().default(true),
  query: alertQuerySchema,
  condition: alertConditionSchema,
  /** The condition must hold this long (pending) before the instance fires. */
  forSeconds: z.number().int().min(0).max(86_400).default(0),
  intervalSeconds: z.number().int().min(10).max(3600).default(60),
  noData: alertNoDataSchema.default({
    enabled: false,
    afterSeconds: 600,
    severity: 'warning',
  }),
  labels: z
    .record(z.string().regex(LABEL_KEY), z.string().max(500))
    .refine((labels) => Object.keys(labels).length <= 20, 'at most 20 labels')
    .default({}),
  title: z.string().min(1).max(300).default('{{rule}}: {{severity}}'),
  description: z.string().max(4000).default(''),
  notify: alertNotifySchema.default({
    channels: [],
    repeatIntervalSeconds: 4 * 3600,
    sendResolved: true,
  }),
});
export type AlertRuleDefinition = z.output<typeof alertRuleDefinitionSchema>;
export type AlertRuleDefinitionInput = z.input<typeof alertRuleDefinitionSchema>;

/** `POST /api/v1/alerts/rules` and `PUT /api/v1/alerts/rules/:id`. */
export const alertRuleWriteSchema = alertRuleDefinitionSchema;

/** `POST /api/v1/alerts/rules/preview`: the query over a range, and how the condition judges each group now. */
export const alertPreviewRequestSchema = z
  .object({
    query: alertQuerySchema,
    condition: alertConditionSchema,
    start: timeSchema,
    end: timeSchema,
  })
  .superRefine(requireOrderedRange);
export type AlertPreviewRequest = z.input<typeof alertPreviewRequestSchema>;

export const alertPreviewGroupSchema = z.object({
  labels: z.record(z.string(), z.string()),
  /** The window's reduced value at the range end (null without points in the window). */
  value: z.number().nullable(),
  /** The most severe breached threshold at the range end, if any. */
  severity: alertSeveritySchema.nullable(),
});
export type AlertPreviewGroup = z.infer<typeof alertPreviewGroupSchema>;

export const alertPreviewResponseSchema = z.object({
  stepSeconds: z.number(),
  series: z.array(metricSeriesSchema),
  groups: z.array(alertPreviewGroupSchema),
});
export type AlertPreviewResponse = z.infer<typeof alertPreviewResponseSchema>;
