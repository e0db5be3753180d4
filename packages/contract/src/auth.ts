import { z } from 'zod';

/**
 * Access control: users, API keys and the audit log. Roles are ordered viewer < editor < admin; a
 * scope optionally limits a user or key to some services and/or environments (absent = everything).
 */

export const roles = ['viewer', 'editor', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

const scopeValues = z.array(z.string().min(1).max(256)).max(256);
export const accessScopeSchema = z
  .object({
    services: scopeValues.optional(),
    environments: scopeValues.optional(),
  })
  .strict();
export type AccessScope = z.infer<typeof accessScopeSchema>;

export const userSourceSchema = z.enum(['local', 'oidc']);
export type UserSource = z.infer<typeof userSourceSchema>;

/** Letters, digits and `._@-`; compared case-insensitively. */
export const usernameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');

/** A user as the API shows it (never with its password hash). */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  scope: accessScopeSchema,
  disabled: z.boolean(),
  source: userSourceSchema,
  createdMs: z.number(),
  updatedMs: z.number(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().max(200).optional(),
    role: roleSchema,
    scope: accessScopeSchema.default({}),
    password: z.string().max(1024),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: z.string().max(200).optional(),
    role: roleSchema.optional(),
    scope: accessScopeSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserUpdate = z.infer<typeof userUpdateSchema>;

/** `oldPassword` is required when users change their own password; an admin resetting another's omits it. */
export const passwordChangeSchema = z
  .object({
    oldPassword: z.string().max(1024).optional(),
    newPassword: z.string().max(1024),
  })
  .strict();
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const loginRequestSchema = z.object({ username: z.string().max(128), password: z.string().max(1024) }).strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to recognise it; the rest is never shown again. */
  prefix: z.string(),
  role: roleSchema,
  scope: accessScopeSchema,
  expiresMs: z.number().nullable(),
  createdBy: z.string(),
  createdMs: z.number(),
  revoked: z.boolean(),
  lastUsedMs: z.number().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyCreateSchema = z
  .object({
    name: z.string().min(1).max(200),
    role: roleSchema,
    scope: accessScopeSchema.default({}),
    expiresMs: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>;

/** The answer to creating a key: the only time its secret is shown. */
export const apiKeyCreatedSchema = z.object({ key: apiKeySchema, token: z.string() });
export type ApiKeyCreated = z.infer<typeof apiKeyCreatedSchema>;

export const auditOutcomeSchema = z.enum(['success', 'failure', 'denied']);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditActorKindSchema = z.enum(['user', 'api_key', 'anonymous', 'system']);
export type AuditActorKind = z.infer<typeof auditActorKindSchema>;

export const auditEntrySchema = z.object({
  atMs: z.number(),
  actorKind: auditActorKindSchema,
  actorId: z.string(),
  actorName: z.string(),
  /** e.g. `login`, `user.create`, `api_key.revoke`, `retention.update`. */
  action: z.string(),
  target: z.string(),
  outcome: auditOutcomeSchema,
  clientIp: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z
  .object({
    startMs: z.coerce.number().int().nonnegative(),
    endMs: z.coerce.number().int().positive(),
    actor: z.string().max(256).optional(),
    action: z.string().max(128).optional(),
    limit: z.coerce.number().int().positive().max(10_000).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** `POST /api/v1/auth/setup`: the one-time token from the log creates the first admin. */
export const setupRequestSchema = z
  .object({ token: z.string().max(256), username: usernameSchema.optional(), password: z.string().max(1024) })
  .strict();
export type SetupRequest = z.infer<typeof setupRequestSchema>;

/** `GET /api/v1/auth/status` (public): whether the UI shows a login or setup form. */
export const authStatusResponseSchema = z.object({ enabled: z.boolean(), setupRequired: z.boolean(), localLogin: z.boolean() });
export type AuthStatusResponse = z.infer<typeof authStatusResponseSchema>;

/** Login and setup: the user and the CSRF token for cookie-authenticated writes (`x-csrf-token`). */
export const loginResponseSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const principalSchema = z.object({
  kind: z.enum(['user', 'api_key']),
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  scope: accessScopeSchema,
});
export type PrincipalInfo = z.infer<typeof principalSchema>;

/** `GET /api/v1/auth/me`; `csrfToken` is null for API keys (they need none). */
export const meResponseSchema = z.object({ principal: principalSchema, csrfToken: z.string().nullable() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** `POST /api/v1/auth/password` (own password). */
export const ownPasswordChangeSchema = z.object({ oldPassword: z.string().max(1024), newPassword: z.string().max(1024) }).strict();
export type OwnPasswordChange = z.infer<typeof ownPasswordChangeSchema>;

/** `POST /api/v1/admin/users/:id/password` (admin reset). */
export const passwordResetSchema = z.object({ newPassword: z.string().max(1024) }).strict();
export type PasswordReset = z.infer<typeof passwordResetSchema>;

export const userListResponseSchema = z.object({ users: z.array(userSchema) });
export type UserListResponse = z.infer<typeof userListResponseSchema>;

export const apiKeyListResponseSchema = z.object({ keys: z.array(apiKeySchema) });
export type ApiKeyListResponse = z.infer<typeof apiKeyListResponseSchema>;

export const auditFormats = ['json', 'csv', 'jsonl'] as const;

/** `GET /api/v1/admin/audit?start&end[&actor][&action][&limit][&format]`: unix ms; defaults: the last 24 hours, 100 entries, json. */
export const auditRequestSchema = z
  .object({
    start: z.coerce.number().int().nonnegative().optional(),
    end: z.coerce.number().int().positive().optional(),
    actor: z.string().max(256).optional(),
    action: z.string().max(128).optional(),
    limit: z.coerce.number().int().positive().max(10_000).default(100),
    format: z.enum(auditFormats).default('json'),
  })
  .strict();
export type AuditRequest = z.infer<typeof auditRequestSchema>;

/** The JSON answer of the audit route, newest first. */
export const auditListResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
