import { z } from 'zod';

/** Lower-case HTTP header / gRPC metadata name (gRPC metadata keys are lower case on the wire). */
const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name')
  .refine((name) => !name.toLowerCase().endsWith('-bin'), 'binary gRPC metadata ("-bin") cannot carry a key')
  .transform((name) => name.toLowerCase());

export const staticIngestKeySchema = z
  .object({
    /** Shown in logs and metrics instead of the key itself. */
    name: z.string().min(1),
    key: z.string().min(24, 'ingest keys must be at least 24 characters').regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
    /** When set, data sent with this key is tagged `deployment.environment.name` (unless it already carries an environment). */
    environment: z.string().min(1).optional(),
  })
  .strict();

/**
 * `otlp.auth`: ingest keys for both OTLP receivers. With `required: false` (the default) nothing
 * is refused; a valid key still tags its data with the key's environment.
 */
export const ingestAuthConfigSchema = z
  .object({
    required: z.boolean().default(false),
    /** `authorization` takes `Bearer <key>` or the bare key; any other header takes the bare key. */
    header: headerName.default('authorization'),
    /** Static keys from the config file (keys created through the API are checked by another verifier). */
    keys: z.array(staticIngestKeySchema).default([]),
  })
  .strict()
  .superRefine((config, context) => {
    const names = new Set<string>();
    const keys = new Set<string>();
    config.keys.forEach((entry, index) => {
      if (names.has(entry.name)) context.addIssue({ code: 'custom', path: ['keys', index, 'name'], message: `duplicate key name "${entry.name}"` });
      if (keys.has(entry.key)) context.addIssue({ code: 'custom', path: ['keys', index, 'key'], message: 'the same key is listed twice' });
      names.add(entry.name);
      keys.add(entry.key);
    });
  });

export type IngestAuthConfig = z.infer<typeof ingestAuthConfigSchema>;
export type StaticIngestKey = z.infer<typeof staticIngestKeySchema>;
