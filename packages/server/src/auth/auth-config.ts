import { z } from 'zod';

const minutes = z.coerce.number().int().positive();

/**
 * Access control (top-level `auth` of the config). Off by default until every route enforces it.
 * The first admin's password may come from the environment variable SIGHTLINE_ADMIN_PASSWORD (read by
 * main); without it a one-time setup token is printed in the log. There is never a default password.
 */
export const authConfigSchema = z
  .object({
    /** Require authentication on the UI and API (everything but /healthz, /readyz and OTLP). */
    enabled: z.boolean().default(false),
    /** With auth enabled, `/metrics` also needs a principal (e.g. an API key as Bearer); off: Prometheus scrapes it freely. */
    metricsRequireKey: z.boolean().default(false),
    session: z
      .object({
        /** A session unused this long ends. */
        idleTimeoutMinutes: minutes.default(12 * 60),
        /** A session ends this long after login, used or not. */
        absoluteTimeoutMinutes: minutes.default(7 * 24 * 60),
      })
      .strict()
      .prefault({}),
    lockout: z
      .object({
        /** Failed logins (per username and per client address) within the window that lock it. */
        maxFailures: z.coerce.number().int().min(1).max(1000).default(5),
        windowMinutes: minutes.default(15),
        /** The first lockout; each further one doubles, up to the maximum. */
        initialLockSeconds: z.coerce.number().int().positive().default(60),
        maxLockSeconds: z.coerce.number().int().positive().default(3600),
      })
      .strict()
      .prefault({}),
    password: z
      .object({
        minLength: z.coerce.number().int().min(8).max(256).default(12),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type AuthConfig = z.infer<typeof authConfigSchema>;
export type LockoutConfig = AuthConfig['lockout'];
export type SessionConfig = AuthConfig['session'];

/** Name of the environment variable main reads for the first admin's password. */
export const ADMIN_PASSWORD_ENV = 'SIGHTLINE_ADMIN_PASSWORD';
