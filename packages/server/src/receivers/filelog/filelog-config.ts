import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();
const KiB = 1024;

/** The `service.name` of files whose include group sets none. */
export const DEFAULT_FILE_LOG_SERVICE = 'filelog';

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

const globList = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().min(1)));

const multilineSchema = z
  .object({
    /** A record starts at a line matching this regex and takes every following line until the next match. */
    lineStartPattern: z.string().min(1).refine(isValidRegex, { message: 'not a valid regular expression' }),
    /** A pending record with no new line for this long is emitted as it is. */
    flushTimeoutMs: positiveInt.default(1000),
  })
  .strict();

const includeGroupSchema = z
  .object({
    /** Globs of files to follow, e.g. `/var/log/*.log` (relative ones resolve against the working directory). */
    paths: globList.refine((paths) => paths.length > 0, { message: 'at least one glob is needed' }),
    /** Globs of files not to follow even when `paths` match them (e.g. compressed rotations). */
    exclude: globList.default([]),
    /** `service.name` of the records; DEFAULT_FILE_LOG_SERVICE when unset. */
    service: z.string().min(1).optional(),
    multiline: multilineSchema.optional(),
  })
  .strict();

export const fileLogConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    include: z.array(includeGroupSchema).default([]),
    /** How often files are looked for and read. */
    pollIntervalMs: positiveInt.default(1000),
    /** Where files already present at the very first start are read from; files found later are read whole. */
    startAt: z.enum(['end', 'beginning']).default('end'),
    /** Longer lines (and multiline records) are split into pieces of at most this many bytes. */
    maxLineBytes: positiveInt.default(64 * KiB),
  })
  .strict();

export type FileLogConfig = z.infer<typeof fileLogConfigSchema>;
export type FileLogIncludeGroup = FileLogConfig['include'][number];
/** The config as written (defaults not yet applied). */
export type FileLogConfigInput = z.input<typeof fileLogConfigSchema>;
