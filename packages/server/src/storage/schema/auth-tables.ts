import type { TableDef } from './table-def.ts';

/**
 * Access-control metadata. Users, sessions and API keys are small ReplacingMergeTree tables (newest
 * `version` of a key wins, a `deleted` row hides it; read with FINAL). Secrets are never stored: sessions
 * and keys by SHA-256 of their token, passwords as a scrypt hash.
 *
 * Activity (session last seen, key last used) is a table of its own so that a throttled "touch" can never
 * write back a stale copy of a session or key and undo a revocation made meanwhile.
 *
 * The TableDef TTL follows a signal's retention (changed at runtime); these tables have fixed lifetimes
 * instead, set by migration 7 with `AUTH_TTL_STATEMENTS`.
 */

export const authUsersTable: TableDef<never> = {
  name: 'auth_users',
  columns: [
    { name: 'id', type: 'String' },
    { name: 'username', type: 'String' },
    /** Lower-cased username: the unique key of a user. */
    { name: 'username_key', type: 'String' },
    { name: 'display_name', type: 'String' },
    { name: 'role', type: 'LowCardinality(String)' },
    /** Contract `accessScopeSchema` as JSON. */
    { name: 'scope', type: 'String' },
    { name: 'disabled', type: 'UInt8' },
    { name: 'source', type: 'LowCardinality(String)' },
    /** Encoded scrypt hash (password-hash.ts); empty for users without a local password. */
    { name: 'password_hash', type: 'String' },
    { name: 'created_at', type: 'DateTime64(3)' },
    { name: 'updated_at', type: 'DateTime64(3)' },
    { name: 'version', type: 'UInt64' },
    { name: 'deleted', type: 'UInt8', default: '0' },
  ],
  engine: 'ReplacingMergeTree(version, deleted)',
  orderBy: 'id',
};

export const authSessionsTable: TableDef<never> = {
  name: 'auth_sessions',
  columns: [
    /** Hex SHA-256 of the session id (the id itself only lives in the cookie). */
    { name: 'id_hash', type: 'String' },
    { name: 'user_id', type: 'String' },
    { name: 'csrf_token', type: 'String' },
    { name: 'created_at', type: 'DateTime64(3)' },
    /** Absolute expiry. */
    { name: 'expires_at', type: 'DateTime64(3)' },
    { name: 'version', type: 'UInt64' },
    { name: 'deleted', type: 'UInt8', default: '0' },
  ],
  engine: 'ReplacingMergeTree(version, deleted)',
  orderBy: 'id_hash',
};

export const authApiKeysTable: TableDef<never> = {
  name: 'auth_api_keys',
  columns: [
    { name: 'id', type: 'String' },
    { name: 'name', type: 'String' },
    { name: 'prefix', type: 'String' },
    /** Hex SHA-256 of the whole key. */
    { name: 'token_hash', type: 'String' },
    { name: 'role', type: 'LowCardinality(String)' },
    { name: 'scope', type: 'String' },
    { name: 'expires_at', type: 'Nullable(DateTime64(3))' },
    { name: 'created_by', type: 'String' },
    { name: 'created_at', type: 'DateTime64(3)' },
    { name: 'revoked', type: 'UInt8' },
    { name: 'version', type: 'UInt64' },
    { name: 'deleted', type: 'UInt8', default: '0' },
  ],
  engine: 'ReplacingMergeTree(version, deleted)',
  orderBy: 'id',
};

/** Last activity of a session (`kind` = 'session', id = its hash) or an API key (`kind` = 'api_key'). */
export const authActivityTable: TableDef<never> = {
  name: 'auth_activity',
  columns: [
    { name: 'kind', type: 'LowCardinality(String)' },
    { name: 'id', type: 'String' },
    { name: 'at', type: 'DateTime64(3)' },
  ],
  engine: 'ReplacingMergeTree(at)',
  orderBy: '(kind, id)',
};

export const auditLogTable: TableDef<never> = {
  name: 'audit_log',
  columns: [
    { name: 'at', type: 'DateTime64(3)' },
    { name: 'actor_kind', type: 'LowCardinality(String)' },
    { name: 'actor_id', type: 'String' },
    { name: 'actor_name', type: 'String' },
    { name: 'action', type: 'LowCardinality(String)' },
    { name: 'target', type: 'String' },
    { name: 'outcome', type: 'LowCardinality(String)' },
    { name: 'client_ip', type: 'String' },
    /** JSON object. */
    { name: 'details', type: 'String' },
  ],
  engine: 'MergeTree',
  partitionBy: 'toYYYYMM(at)',
  orderBy: 'at',
};

/** Audit entries are kept a year whatever the signal retention is: they are evidence, not telemetry. */
export const AUDIT_RETENTION_DAYS = 365;
/** Activity rows outlive any session; an API key unused for this long shows as never used. */
export const ACTIVITY_RETENTION_DAYS = 400;

export const AUTH_TABLES: readonly TableDef<never>[] = [authUsersTable, authSessionsTable, authApiKeysTable, authActivityTable, auditLogTable];

/** Fixed TTLs (idempotent): whole monthly parts of the audit log expire; sessions a day after their absolute expiry. */
export const AUTH_TTL_STATEMENTS: readonly string[] = [
  `ALTER TABLE \`${auditLogTable.name}\` MODIFY TTL toDateTime(at) + toIntervalDay(${AUDIT_RETENTION_DAYS})`,
  `ALTER TABLE \`${auditLogTable.name}\` MODIFY SETTING ttl_only_drop_parts = 1`,
  `ALTER TABLE \`${authSessionsTable.name}\` MODIFY TTL toDateTime(expires_at) + toIntervalDay(1)`,
  `ALTER TABLE \`${authActivityTable.name}\` MODIFY TTL toDateTime(at) + toIntervalDay(${ACTIVITY_RETENTION_DAYS})`,
];
