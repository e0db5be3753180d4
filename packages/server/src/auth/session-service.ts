import type { SessionStore } from '../query/auth/session-store.ts';
import type { UserStore } from '../query/auth/user-store.ts';
import type { SessionConfig } from './auth-config.ts';
import type { Principal } from './permissions.ts';
import { constantTimeEqual, randomToken, sha256Hex } from './secrets.ts';

/** Last-seen times are written at most this often per session. */
export const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  /** The session id for the cookie: 256 random bits, shown only here (the store keeps its SHA-256). */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresMs: number;
}

export interface ResolvedSession {
  readonly principal: Principal;
  readonly csrfToken: string;
  /** When the session ends at the latest (absolute expiry). */
  readonly expiresMs: number;
}

export interface SessionServiceOptions {
  readonly sessions: SessionStore;
  readonly users: UserStore;
  readonly config: SessionConfig;
  readonly now?: () => number;
}

/**
 * Login sessions: idle and absolute expiry, a CSRF token each (random, kept with the session so the UI
 * can fetch it again after a reload; it is useless without the session cookie). Resolving reads the user
 * every time, so a role change, disable or delete takes effect on the next request.
 */
export class SessionService {
  private readonly now: () => number;

  constructor(private readonly options: SessionServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  private get idleMs(): number {
    return this.options.config.idleTimeoutMinutes * 60_000;
  }

  async create(userId: string): Promise<NewSession> {
    const token = randomToken(32);
    const csrfToken = randomToken(32);
    const createdMs = this.now();
    const expiresMs = createdMs + this.options.config.absoluteTimeoutMinutes * 60_000;
    await this.options.sessions.create({ idHash: sha256Hex(token), userId, csrfToken, createdMs, expiresMs });
    return { token, csrfToken, expiresMs };
  }

  /** The session's principal, or undefined when unknown, expired (then removed), or its user is gone or disabled. */
  async resolve(token: string): Promise<ResolvedSession | undefined> {
    if (token.length === 0 || token.length > 256) return undefined;
    const idHash = sha256Hex(token);
    const session = await this.options.sessions.get(idHash);
    if (session === undefined) return undefined;
    const nowMs = this.now();
    if (nowMs >= session.expiresMs || nowMs - session.lastSeenMs >= this.idleMs) {
      await this.options.sessions.delete([idHash]);
      return undefined;
    }
    const user = await this.options.users.get(session.userId);
    if (user === undefined || user.disabled) {
      await this.options.sessions.delete([idHash]);
      return undefined;
    }
    if (nowMs - session.lastSeenMs >= TOUCH_INTERVAL_MS) await this.options.sessions.touch(idHash, nowMs);
    return {
      principal: { kind: 'user', id: user.id, name: user.username, role: user.role, scope: user.scope },
      csrfToken: session.csrfToken,
      expiresMs: session.expiresMs,
    };
  }

  /** Whether a request's CSRF header matches its session's token (constant-time). */
  checkCsrf(session: ResolvedSession, presented: string | undefined): boolean {
    return presented !== undefined && presented.length > 0 && constantTimeEqual(session.csrfToken, presented);
  }

  /** Logout. */
  async revoke(token: string): Promise<void> {
    await this.options.sessions.delete([sha256Hex(token)]);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.options.sessions.delete(await this.options.sessions.listOfUser(userId));
  }
}
