import { accessScopeSchema, roleSchema, type AccessScope, type Role } from '@sightline/contract';
import { settingsVersionClock } from '../apm/apdex-settings.ts';
import { param, sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

/** An API key as stored: the SHA-256 of its secret and a short visible prefix. */
export interface StoredApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly tokenHash: string;
  readonly role: Role;
  readonly scope: AccessScope;
  readonly expiresMs: number | null;
  readonly createdBy: string;
  readonly createdMs: number;
  readonly revoked: boolean;
  readonly lastUsedMs: number | null;
}

interface Row {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly token_hash: string;
  readonly role: string;
  readonly scope: string;
  readonly expires_ms: number | string | null;
  readonly created_by: string;
  readonly created_ms: number | string;
  readonly revoked: number | string;
  readonly used_ms: number | string | null;
}

const nextVersion = settingsVersionClock();

const COLUMNS = trustedSql(`k.id AS id, k.name AS name, k.prefix AS prefix, k.token_hash AS token_hash, k.role AS role, k.scope AS scope,
  toUnixTimestamp64Milli(k.expires_at) AS expires_ms, k.created_by AS created_by, toUnixTimestamp64Milli(k.created_at) AS created_ms,
  k.revoked AS revoked, if(u.id = '', NULL, toUnixTimestamp64Milli(u.at)) AS used_ms`);
const FROM = trustedSql(`auth_api_keys AS k FINAL
  LEFT JOIN (SELECT id, max(at) AS at FROM auth_activity WHERE kind = 'api_key' GROUP BY id) AS u ON u.id = k.id`);

function toKey(row: Row): StoredApiKey | undefined {
  const role = roleSchema.safeParse(row.role);
  if (!role.success) return undefined;
  // A key whose scope cannot be read is skipped (so refused), never widened to everything.
  let scope: AccessScope;
  try {
    const parsed = accessScopeSchema.safeParse(JSON.parse(row.scope));
    if (!parsed.success) return undefined;
    scope = parsed.data;
  } catch {
    return undefined;
  }
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    tokenHash: row.token_hash,
    role: role.data,
    scope,
    expiresMs: row.expires_ms === null ? null : Number(row.expires_ms),
    createdBy: row.created_by,
    createdMs: Number(row.created_ms),
    revoked: Number(row.revoked) === 1,
    lastUsedMs: row.used_ms === null ? null : Number(row.used_ms),
  };
}

/** API keys in `auth_api_keys`, their last use in `auth_activity` (kind 'api_key'). */
export class ApiKeyStore {
  constructor(private readonly store: Store) {}

  async list(): Promise<StoredApiKey[]> {
    const rows = await this.store.query<Row>(sql`SELECT ${COLUMNS} FROM ${FROM} WHERE k.deleted = 0 ORDER BY k.created_at, k.id`);
    return rows.map(toKey).filter((key) => key !== undefined);
  }

  async get(id: string): Promise<StoredApiKey | undefined> {
    const [row] = await this.store.query<Row>(sql`SELECT ${COLUMNS} FROM ${FROM} WHERE k.id = ${id} AND k.deleted = 0`);
    return row === undefined ? undefined : toKey(row);
  }

  async findByHash(tokenHash: string): Promise<StoredApiKey | undefined> {
    const [row] = await this.store.query<Row>(sql`SELECT ${COLUMNS} FROM ${FROM} WHERE k.token_hash = ${tokenHash} AND k.deleted = 0 LIMIT 1`);
    return row === undefined ? undefined : toKey(row);
  }

  async write(key: StoredApiKey): Promise<void> {
    const expires = key.expiresMs === null ? sql`NULL` : sql`fromUnixTimestamp64Milli(${param('Int64', key.expiresMs)})`;
    await this.store.command(sql`
      INSERT INTO auth_api_keys (id, name, prefix, token_hash, role, scope, expires_at, created_by, created_at, revoked, version, deleted)
      SELECT ${key.id}, ${key.name}, ${key.prefix}, ${key.tokenHash}, ${key.role}, ${JSON.stringify(key.scope)}, ${expires}, ${key.createdBy},
             fromUnixTimestamp64Milli(${param('Int64', key.createdMs)}), ${param('UInt8', key.revoked ? 1 : 0)}, ${param('UInt64', nextVersion())}, ${param('UInt8', 0)}`);
  }

  async touch(id: string, nowMs: number): Promise<void> {
    await this.store.command(sql`INSERT INTO auth_activity (kind, id, at) SELECT 'api_key', ${id}, fromUnixTimestamp64Milli(${param('Int64', nowMs)})`);
  }
}
