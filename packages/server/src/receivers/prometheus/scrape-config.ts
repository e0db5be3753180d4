import { z } from 'zod';
import { anchoredRegex, RELABEL_ACTIONS } from './relabel.ts';

/** A Prometheus duration (`15s`, `1m30s`, `500ms`, `1h`) in milliseconds; undefined when malformed. */
export function parseDurationMs(text: string): number | undefined {
  const match = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text);
  if (match === null || text === '') return undefined;
  const units = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];
  return units.reduce((total, unit, index) => total + Number(match[index + 1] ?? 0) * unit, 0);
}

/** A duration as Prometheus users write it, or a number of seconds; milliseconds after parsing. */
export const durationSchema = z.union([z.string(), z.number().positive()]).transform((value, context) => {
  const ms = typeof value === 'number' ? Math.round(value * 1000) : parseDurationMs(value);
  if (ms === undefined || ms <= 0) {
    context.addIssue({ code: 'custom', message: `invalid duration '${String(value)}' (e.g. "15s", "1m", "500ms")` });
    return z.NEVER;
  }
  return ms;
});

const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'invalid label name');

/** `host`, `host:port` or `[v6]:port`. */
export const TARGET_ADDRESS = /^(?:\[[0-9a-fA-F:.]+\]|[^\s/:@?#[\]]+)(?::\d{1,5})?$/;

const regexSchema = z.string().refine(
  (pattern) => {
    try {
      anchoredRegex(pattern);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'invalid regular expression' },
);

export const relabelConfigSchema = z
  .object({
    source_labels: z.array(labelName).default([]),
    separator: z.string().default(';'),
    regex: regexSchema.default('(.*)'),
    target_label: z.string().optional(),
    replacement: z.string().default('$1'),
    action: z.enum(RELABEL_ACTIONS).default('replace'),
  })
  .strict()
  .refine((rule) => !['replace', 'lowercase', 'uppercase'].includes(rule.action) || (rule.target_label ?? '') !== '', {
    message: 'target_label is required for replace, lowercase and uppercase',
    path: ['target_label'],
  });

export const scrapeJobSchema = z
  .object({
    job_name: z.string().min(1),
    /** Defaults to global.scrape_interval. */
    scrape_interval: durationSchema.optional(),
    /** Defaults to global.scrape_timeout, at most the interval. */
    scrape_timeout: durationSchema.optional(),
    metrics_path: z.string().startsWith('/').default('/metrics'),
    scheme: z.enum(['http', 'https']).default('http'),
    /** URL query parameters (Prometheus writes each as a list of values). */
    params: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
    basic_auth: z.object({ username: z.string(), password: z.string().default('') }).strict().optional(),
    bearer_token: z.string().min(1).optional(),
    honor_labels: z.boolean().default(false),
    static_configs: z
      .array(
        z
          .object({
            targets: z.array(z.string().regex(TARGET_ADDRESS, 'expected host:port')).default([]),
            labels: z.record(labelName, z.string()).default({}),
          })
          .strict(),
      )
      .default([]),
    relabel_configs: z.array(relabelConfigSchema).default([]),
    metric_relabel_configs: z.array(relabelConfigSchema).default([]),
  })
  .strict()
  .refine((job) => job.basic_auth === undefined || job.bearer_token === undefined, {
    message: 'at most one of basic_auth and bearer_token',
    path: ['bearer_token'],
  });

/**
 * The Prometheus scrape section, in the shape Prometheus users write (snake_case keys):
 * `{ global: { scrape_interval: '30s', scrape_timeout: '10s' }, scrape_configs: [ … ] }`.
 */
export const prometheusScrapeConfigSchema = z
  .object({
    global: z
      .object({
        scrape_interval: durationSchema.default(30_000),
        scrape_timeout: durationSchema.default(10_000),
      })
      .strict()
      .prefault({}),
    scrape_configs: z.array(scrapeJobSchema).default([]),
  })
  .strict()
  .superRefine((config, context) => {
    const names = new Set<string>();
    config.scrape_configs.forEach((job, index) => {
      if (names.has(job.job_name)) context.addIssue({ code: 'custom', message: `duplicate job_name '${job.job_name}'`, path: ['scrape_configs', index, 'job_name'] });
      names.add(job.job_name);
      const interval = job.scrape_interval ?? config.global.scrape_interval;
      if (job.scrape_timeout !== undefined && job.scrape_timeout > interval) {
        context.addIssue({ code: 'custom', message: 'scrape_timeout is longer than scrape_interval', path: ['scrape_configs', index, 'scrape_timeout'] });
      }
    });
  });

export type PrometheusScrapeConfig = z.output<typeof prometheusScrapeConfigSchema>;
export type PrometheusScrapeConfigInput = z.input<typeof prometheusScrapeConfigSchema>;
export type ScrapeJobConfig = z.output<typeof scrapeJobSchema>;
export type GlobalScrapeConfig = PrometheusScrapeConfig['global'];
