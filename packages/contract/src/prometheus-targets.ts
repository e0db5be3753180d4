import { z } from 'zod';

/** `host`, `host:port` or `[v6]:port`: what Prometheus calls a target address. */
const TARGET_ADDRESS = /^(?:\[[0-9a-fA-F:.]+\]|[^\s/:@?#[\]]+)(?::\d{1,5})?$/;

/** A Prometheus duration (`15s`, `1m`, `1m30s`, `500ms`) or a number of seconds; seconds after parsing. */
export const scrapeIntervalSchema = z.union([z.number().positive(), z.string()]).transform((value, context) => {
  if (typeof value === 'number') return value;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(value);
  const seconds = match === null ? 0 : Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) + Number(match[4] ?? 0) / 1000;
  if (seconds <= 0) {
    context.addIssue({ code: 'custom', message: `invalid interval '${value}' (e.g. "15s", "1m")` });
    return z.NEVER;
  }
  return seconds;
});

/** The smallest and largest scrape interval a runtime target may ask for. */
export const MIN_SCRAPE_INTERVAL_SECONDS = 1;
export const MAX_SCRAPE_INTERVAL_SECONDS = 3600;

/** `POST /api/v1/prometheus/targets` body (Prometheus-style snake_case `metrics_path`). */
export const prometheusTargetCreateSchema = z
  .object({
    job: z.string().trim().min(1).max(200),
    /** `host:port` of the exporter. */
    target: z.string().regex(TARGET_ADDRESS, 'expected host:port'),
    labels: z
      .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'invalid label name').refine((name) => !name.startsWith('__'), 'names starting with __ are reserved'), z.string().max(1000))
      .default({}),
    metrics_path: z.string().startsWith('/').max(1000).default('/metrics'),
    scheme: z.enum(['http', 'https']).default('http'),
    interval: scrapeIntervalSchema
      .refine((seconds) => seconds >= MIN_SCRAPE_INTERVAL_SECONDS && seconds <= MAX_SCRAPE_INTERVAL_SECONDS, {
        message: `interval must be between ${MIN_SCRAPE_INTERVAL_SECONDS}s and ${MAX_SCRAPE_INTERVAL_SECONDS}s`,
      })
      .optional(),
  })
  .strict();
export type PrometheusTargetCreate = z.input<typeof prometheusTargetCreateSchema>;
export type PrometheusTargetCreateParams = z.output<typeof prometheusTargetCreateSchema>;

export const prometheusTargetSchema = z.object({
  id: z.string(),
  job: z.string(),
  /** The URL scraped (scheme, address, metrics path, parameters). */
  url: z.string(),
  /** The target's labels (`job`, `instance`, static and API labels). */
  labels: z.record(z.string(), z.string()),
  /** `config` targets come from the configuration file and cannot be deleted through the API. */
  source: z.enum(['config', 'api']),
  health: z.enum(['up', 'down', 'unknown']),
  /** Seconds between scrapes, when known. */
  intervalSeconds: z.number().nullable(),
  /** Unix milliseconds of the last scrape's start. */
  lastScrapeMs: z.number().nullable(),
  lastDurationMs: z.number().nullable(),
  lastError: z.string().nullable(),
  /** Samples the last scrape stored. */
  samples: z.number().nullable(),
});
export type PrometheusTarget = z.infer<typeof prometheusTargetSchema>;

export const prometheusTargetsResponseSchema = z.object({
  targets: z.array(prometheusTargetSchema),
});
export type PrometheusTargetsResponse = z.infer<typeof prometheusTargetsResponseSchema>;
