import { z } from 'zod';

/** The smallest and largest retention (days) the API accepts for a signal. */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export const retentionSignalSchema = z.enum(['traces', 'logs', 'metrics']);
export type RetentionSignalName = z.infer<typeof retentionSignalSchema>;

const days = z.number().int('must be a whole number of days').min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS);

/**
 * `PUT /api/v1/admin/retention` body. A number stores a runtime setting for that signal (kept across
 * restarts; it wins over the configuration file); `null` removes the runtime setting (the configured
 * value applies again); a missing field leaves that signal as it is.
 */
export const retentionUpdateSchema = z
  .object({
    tracesDays: days.nullable().optional(),
    logsDays: days.nullable().optional(),
    metricsDays: days.nullable().optional(),
  })
  .strict()
  .refine((body) => body.tracesDays !== undefined || body.logsDays !== undefined || body.metricsDays !== undefined, {
    message: 'give at least one of tracesDays, logsDays, metricsDays',
  });
export type RetentionUpdate = z.input<typeof retentionUpdateSchema>;

export const signalRetentionSchema = z.object({
  /** Days data of this signal is kept now. */
  days: z.number().int(),
  /** `runtime`: set through this API (wins over the file); `config`: the configuration file or its default. */
  source: z.enum(['config', 'runtime']),
  /** What the configuration file (or its default) says, shown even while a runtime setting overrides it. */
  configDays: z.number().int(),
});
export type SignalRetention = z.infer<typeof signalRetentionSchema>;

/**
 * The last retention change: `pending` (stored, not yet applied to every table: it is applied at the
 * latest at the next start), `applied`, or `failed` (stored, but changing a table failed: `error`).
 */
export const retentionChangeSchema = z.object({
  state: z.enum(['pending', 'applied', 'failed']),
  /** `api`: a PUT; `startup`: the server applied the stored or configured retention when it started. */
  trigger: z.enum(['api', 'startup']),
  requestedAt: z.string(),
  appliedAt: z.string().nullable(),
  /** Days per signal this change applies. */
  retention: z.object({ traces: z.number().int(), logs: z.number().int(), metrics: z.number().int() }),
  /** Tables whose TTL this change modified (derived APM tables follow the traces retention). */
  tablesChanged: z.array(z.string()),
  error: z.string().nullable(),
});
export type RetentionChange = z.infer<typeof retentionChangeSchema>;

/** `GET` and `PUT /api/v1/admin/retention` response. */
export const retentionResponseSchema = z.object({
  traces: signalRetentionSchema,
  logs: signalRetentionSchema,
  metrics: signalRetentionSchema,
  /** Which setting wins, in words (the runtime setting over the configuration file). */
  precedence: z.string(),
  lastChange: retentionChangeSchema.nullable(),
  /**
   * Tables whose existing parts are still being re-dated to the new retention in the background;
   * data older than the retention is dropped (whole parts where the table drops only whole parts) once done.
   */
  expiryPendingTables: z.array(z.string()),
});
export type RetentionResponse = z.infer<typeof retentionResponseSchema>;
