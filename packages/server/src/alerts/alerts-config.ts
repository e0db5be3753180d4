import { z } from 'zod';

/** Alerting (top-level `alerts` of the config). */
export const alertsConfigSchema = z
  .object({
    /** Evaluate rules and send notifications. */
    enabled: z.boolean().default(true),
    /** The UI's address as users reach it, for links in notifications; default `http://<host name>:<api port>`. */
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** How often the evaluator looks for rules that are due (each rule runs on its own interval). */
    tickSeconds: z.coerce.number().int().min(1).max(60).default(5),
    /** Create the built-in rules (disk, ingest refusals, stalled ingest, scrape target down) on first start. */
    builtinRules: z.boolean().default(true),
    delivery: z
      .object({
        /** Attempts per notification, the first included. */
        maxAttempts: z.coerce.number().int().min(1).max(20).default(5),
        /** Wait before the second attempt; doubles each time up to maxBackoffMs. */
        initialBackoffMs: z.coerce.number().int().min(10).max(600_000).default(2000),
        maxBackoffMs: z.coerce.number().int().min(10).max(3_600_000).default(120_000),
        /** One attempt's timeout. */
        timeoutMs: z.coerce.number().int().min(100).max(120_000).default(10_000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
export type DeliveryConfig = AlertsConfig['delivery'];
