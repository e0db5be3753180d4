import { accessScopeSchema, roleSchema, userSourceSchema, type AccessScope, type Role, type UserSource } from '@sightline/contract';
import { settingsVersionClock } from '../apm/apdex-settings.ts';
import { param, sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

/** A user as stored, with the password hash (never leaves the auth layer). */
export interface StoredUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: AccessScope;
  readonly disabled: boolean;
  readonly source: UserSource;
  /** Encoded scrypt hash; '' when the user has no local password. */
  readonly passwordHash: string;
  readonly createdMs: number;
  readonly updatedMs: number;
}

interface Row {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
  readonly role: string;
  readonly scope: string;
  readonly disabled: number | string;
  readonly source: string;
  readonly password_hash: string;
  readonly created_ms: number | string;
  readonly updated_ms: number | string;
}

const COLUMNS = trustedSql(
  'id, username, display_name, role, scope, disabled, source, password_hash, toUnixTimestamp64Milli(created_at) AS created_ms, toUnixTimestamp64Milli(updated_at) AS updated_ms',
);

const nextVersion = settingsVersionClock();

function parseScope(text: string): AccessScope | undefined {
  try {
    const parsed = accessScopeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function toUser(row: Row): StoredUser | undefined {
  const role = roleSchema.safeParse(row.role);
  const source = userSourceSchema.safeParse(row.source);
  // A user whose scope cannot be read is skipped (so cannot log in), never widened to everything.
  const scope = parseScope(row.scope);
  if (!role.success || !source.success || scope === undefined) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: role.data,
    scope,
    disabled: Number(row.disabled) === 1,
    source: source.data,
    passwordHash: row.password_hash,
    createdMs: Number(row.created_ms),
    updatedMs: Number(row.updated_ms),
  };
}

/** Users in `auth_users` (ReplacingMergeTree read with FINAL; the username is unique case-insensitively). */
export class UserStore {
  constructor(private readonly store: Store) {}

  async list(): Promise<StoredUser[]> {
    const rows = await this.store.query<Row>(sql`SELECT ${COLUMNS} FROM auth_users FINAL WHERE deleted = 0 ORDER BY username_key`);
    return rows.map(toUser).filter((user) => user !== undefined);
  }

  async count(): Promise<number> {
    const [row] = await this.store.query<{ n: number | string }>(trustedSql('SELECT count() AS n FROM auth_users FINAL WHERE deleted = 0'));
    return Number(row?.n ?? 0);
  }

  async get(id: string): Promise<StoredUser | undefined> {
    const [row] = await this.store.query<Row>(sql`SELECT ${COLUMNS} FROM auth_users FINAL WHERE id = ${id} AND deleted = 0`);
    return row === undefined ? undefined : toUser(row);
  }

  async findByUsername(username: string): Promise<StoredUser | undefined> {
    const [row] = await this.store.query<Row>(
      sql`SELECT ${COLUMNS} FROM auth_users FINAL WHERE username_key = ${username.toLowerCase()} AND deleted = 0 ORDER BY id LIMIT 1`,
    );
    return row === undefined ? undefined : toUser(row);
  }

  /** Adds or replaces a user (every column is written: a user row is small). */
  async write(user: StoredUser): Promise<void> {
    await this.store.command(sql`
      INSERT INTO auth_users (id, username, username_key, display_name, role, scope, disabled, source, password_hash, created_at, updated_at, version, deleted)
      SELECT ${user.id}, ${user.username}, ${user.username.toLowerCase()}, ${user.displayName}, ${user.role}, ${JSON.stringify(user.scope)},
             ${param('UInt8', user.disabled ? 1 : 0)}, ${user.source}, ${user.passwordHash},
             fromUnixTimestamp64Milli(${param('Int64', user.createdMs)}), fromUnixTimestamp64Milli(${param('Int64', user.updatedMs)}),
             ${param('UInt64', nextVersion())}, ${param('UInt8', 0)}`);
  }

  async delete(user: StoredUser): Promise<void> {
    await this.store.command(sql`
      INSERT INTO auth_users (id, username, username_key, display_name, role, scope, disabled, source, password_hash, created_at, updated_at, version, deleted)
      SELECT ${user.id}, '', '', '', '', '', 0, '', '', fromUnixTimestamp64Milli(${param('Int64', user.createdMs)}),
             fromUnixTimestamp64Milli(${param('Int64', user.updatedMs)}), ${param('UInt64', nextVersion())}, ${param('UInt8', 1)}`);
  }
}
