import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The least severe level written (top-level `logLevel` of the config). */
export const logLevelSchema = z.enum(LOG_LEVELS).default('info');

/** Sightline measuring itself: its own metrics (and optionally logs) written into its own store. */
export const selfMonitoringConfigSchema = z
  .object({
    /** Write the process's own metrics into the store (the /metrics endpoint works either way). */
    enabled: z.boolean().default(true),
    intervalSeconds: z.coerce.number().int().min(1).max(3600).default(15),
    /** Also write the process's own log lines into the logs table (service.name `sightline`). */
    logsToStore: z.boolean().default(false),
    /** `service.instance.id` of the own telemetry; default: the host name and API port (set by main). */
    instanceId: z.string().min(1).max(256).optional(),
    /** How far back the newest-row age looks; older data reads as "no recent rows" (bounds the query to recent partitions). */
    newestRowLookbackHours: z.coerce.number().int().min(1).max(24 * 31).default(24),
  })
  .strict();

export type SelfMonitoringConfig = z.infer<typeof selfMonitoringConfigSchema>;
