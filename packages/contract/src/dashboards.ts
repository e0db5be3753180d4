import { z } from 'zod';
import { labelFilterSchema, metricSeriesSchema } from './metrics.ts';
import { requireOrderedRange, timeSchema } from './time.ts';

/**
 * Dashboards are data: panels hold metric queries (the metrics query API's fields without the time
 * range), a chart type and a unit. Prebuilt dashboards ship with the server (read-only, `builtin`);
 * users clone them and edit the clones, which are stored in the metadata tables.
 */

const QUERY_ID = /^[a-z][a-z0-9_]{0,31}$/;

/** `$name` in a filter value is replaced by the dashboard variable `name`'s selected value. */
export const panelQuerySchema = z.object({
  /** Referenced by the panel's formula. */
  id: z.string().regex(QUERY_ID),
  metric: z.string().min(1).max(512),
  filters: z.array(labelFilterSchema).max(16).default([]),
  groupBy: z.array(z.string().min(1)).max(8).default([]),
  aggregation: z.enum(['sum', 'avg', 'min', 'max', 'count']).default('sum'),
  /** For counters (and Prometheus untyped series). */
  function: z.enum(['rate', 'increase']).optional(),
  quantile: z.number().min(0).max(1).optional(),
  /** Only an input of the formula, not drawn itself. */
  hidden: z.boolean().default(false),
  /** Series name; `{{label}}` takes a group-by label's value. */
  legend: z.string().max(200).optional(),
});
export type PanelQuery = z.output<typeof panelQuerySchema>;

export const panelUnitSchema = z.enum(['none', 'percent', 'ratio', 'bytes', 'bytes_per_second', 'per_second', 'seconds', 'milliseconds', 'count']);
export type PanelUnit = z.infer<typeof panelUnitSchema>;

export const panelSchema = z.object({
  id: z.string().regex(QUERY_ID),
  title: z.string().min(1).max(200),
  description: z.string().max(1000).default(''),
  /** `apm_db_calls`: the APM DB calls of `dbSystem` (span-derived), beside exporter panels. */
  type: z.enum(['timeseries', 'stat', 'apm_db_calls']),
  unit: panelUnitSchema.default('none'),
  queries: z.array(panelQuerySchema).max(8).default([]),
  /**
   * Arithmetic over query ids (`+ - * /`, parentheses, numbers), evaluated per step on series with
   * the same group-by labels, e.g. `hit / (hit + read)`. Without it, the visible queries are drawn.
   */
  formula: z.string().max(300).optional(),
  /** Name of the formula's series; `{{label}}` as in query legends (default: the group labels, or the title). */
  formulaLegend: z.string().max(200).optional(),
  /** Grid width in twelfths of the row. */
  width: z.number().int().min(3).max(12).default(6),
  /** For `apm_db_calls`: the `db.system` value (postgresql, mysql, …). */
  dbSystem: z.string().max(100).optional(),
});
export type Panel = z.output<typeof panelSchema>;

/** A selector at the top of a dashboard: the values of `label` among `metric`'s series. */
export const dashboardVariableSchema = z.object({
  name: z.string().regex(QUERY_ID),
  label: z.string().min(1).max(100),
  metric: z.string().min(1),
  labelKey: z.string().min(1),
});
export type DashboardVariable = z.infer<typeof dashboardVariableSchema>;

export const dashboardDefinitionSchema = z.object({
  title: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  tags: z.array(z.string().max(50)).max(20).default([]),
  variables: z.array(dashboardVariableSchema).max(8).default([]),
  panels: z.array(panelSchema).max(60),
});
export type DashboardDefinition = z.output<typeof dashboardDefinitionSchema>;
export type DashboardDefinitionInput = z.input<typeof dashboardDefinitionSchema>;

export const dashboardSchema = dashboardDefinitionSchema.extend({
  id: z.string(),
  /** Shipped with the server: read-only, clone it to change it. */
  builtin: z.boolean(),
  /** Unix milliseconds of the last change (0 for built-in ones). */
  updatedMs: z.number(),
});
export type Dashboard = z.output<typeof dashboardSchema>;

/** `GET /api/v1/dashboards`: built-in and stored dashboards, without their panels. */
export const dashboardSummarySchema = dashboardSchema.omit({ panels: true, variables: true }).extend({ panelCount: z.number().int() });
export const dashboardListResponseSchema = z.object({ dashboards: z.array(dashboardSummarySchema) });
export type DashboardListResponse = z.infer<typeof dashboardListResponseSchema>;

/** `POST /api/v1/dashboards` (create), `PUT /api/v1/dashboards/:id` (replace): a definition. */
export const dashboardWriteSchema = dashboardDefinitionSchema;

/** `POST /api/v1/dashboards/:id/clone`: the copy's title (default "<title> (copy)"). */
export const dashboardCloneSchema = z.object({ title: z.string().min(1).max(200).optional() });

/** `POST /api/v1/dashboards/panels/query`: one panel evaluated over a range. */
export const panelQueryRequestSchema = z
  .object({
    panel: panelSchema,
    start: timeSchema,
    end: timeSchema,
    stepSeconds: z.number().positive().max(31 * 24 * 3600).optional(),
    /** Selected variable values, by variable name. */
    variables: z.record(z.string(), z.string()).default({}),
  })
  .superRefine(requireOrderedRange);
export type PanelQueryRequest = z.input<typeof panelQueryRequestSchema>;

export const panelSeriesSchema = metricSeriesSchema.extend({
  /** The legend-resolved name of the series. */
  name: z.string(),
});

export const panelQueryResponseSchema = z.object({
  stepSeconds: z.number(),
  series: z.array(panelSeriesSchema),
  /** Queries whose metric has no series in the range ("no data" is then shown with this list). */
  missingMetrics: z.array(z.string()),
});
export type PanelQueryResponse = z.infer<typeof panelQueryResponseSchema>;
