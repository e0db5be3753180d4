import { settingsVersionClock } from '../apm/apdex-settings.ts';
import { param, sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

/** A login session as stored: only the SHA-256 of its id. */
export interface StoredSession {
  readonly idHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdMs: number;
  readonly expiresMs: number;
  /** Last recorded use (throttled), or the creation time. */
  readonly lastSeenMs: number;
}

interface Row {
  readonly id_hash: string;
  readonly user_id: string;
  readonly csrf_token: string;
  readonly created_ms: number | string;
  readonly expires_ms: number | string;
  readonly seen_ms: number | string | null;
}

const nextVersion = settingsVersionClock();

const toSession = (row: Row): StoredSession => ({
  idHash: row.id_hash,
  userId: row.user_id,
  csrfToken: row.csrf_token,
  createdMs: Number(row.created_ms),
  expiresMs: Number(row.expires_ms),
  lastSeenMs: Math.max(Number(row.created_ms), row.seen_ms === null ? 0 : Number(row.seen_ms)),
});

/** Sessions in `auth_sessions`, their last use in `auth_activity` (kind 'session'). */
export class SessionStore {
  constructor(private readonly store: Store) {}

  async create(session: Omit<StoredSession, 'lastSeenMs'>): Promise<void> {
    await this.store.command(sql`
      INSERT INTO auth_sessions (id_hash, user_id, csrf_token, created_at, expires_at, version, deleted)
      SELECT ${session.idHash}, ${session.userId}, ${session.csrfToken}, fromUnixTimestamp64Milli(${param('Int64', session.createdMs)}),
             fromUnixTimestamp64Milli(${param('Int64', session.expiresMs)}), ${param('UInt64', nextVersion())}, ${param('UInt8', 0)}`);
  }

  async get(idHash: string): Promise<StoredSession | undefined> {
    const [row] = await this.store.query<Row>(sql`
      SELECT s.id_hash AS id_hash, s.user_id AS user_id, s.csrf_token AS csrf_token, toUnixTimestamp64Milli(s.created_at) AS created_ms,
             toUnixTimestamp64Milli(s.expires_at) AS expires_ms,
             (SELECT toUnixTimestamp64Milli(max(at)) FROM auth_activity WHERE kind = 'session' AND id = ${idHash}) AS seen_ms
      FROM auth_sessions AS s FINAL
      WHERE s.id_hash = ${idHash} AND s.deleted = 0`);
    return row === undefined ? undefined : toSession(row);
  }

  /** Hashes of a user's live sessions. */
  async listOfUser(userId: string): Promise<string[]> {
    const rows = await this.store.query<{ id_hash: string }>(sql`SELECT id_hash FROM auth_sessions FINAL WHERE user_id = ${userId} AND deleted = 0`);
    return rows.map((row) => row.id_hash);
  }

  async touch(idHash: string, nowMs: number): Promise<void> {
    await this.store.command(sql`INSERT INTO auth_activity (kind, id, at) SELECT 'session', ${idHash}, fromUnixTimestamp64Milli(${param('Int64', nowMs)})`);
  }

  /** Ends sessions (a deleted row per hash; it keeps the absolute expiry so the table's TTL removes it too). */
  async delete(idHashes: readonly string[]): Promise<void> {
    if (idHashes.length === 0) return;
    await this.store.command(sql`
      INSERT INTO auth_sessions (id_hash, user_id, csrf_token, created_at, expires_at, version, deleted)
      SELECT id_hash, user_id, '', created_at, expires_at, ${param('UInt64', nextVersion())}, 1
      FROM auth_sessions FINAL WHERE id_hash IN ${param('Array(String)', idHashes)} AND deleted = 0`);
  }
}
