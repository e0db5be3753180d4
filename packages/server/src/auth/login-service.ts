import type { User } from '@sightline/contract';
import type { StoredUser, UserStore } from '../query/auth/user-store.ts';
import type { AuditLog } from './audit-log.ts';
import type { LockoutConfig } from './auth-config.ts';
import { LoginThrottle } from './lockout.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password-hash.ts';
import { randomToken } from './secrets.ts';
import { toPublicUser } from './user-service.ts';

export type LoginResult =
  | { readonly status: 'success'; readonly user: User }
  | { readonly status: 'invalid' }
  | { readonly status: 'locked'; readonly retryAfterSeconds: number };

export interface LoginServiceOptions {
  readonly users: UserStore;
  readonly audit: AuditLog;
  readonly lockout: LockoutConfig;
  /** Re-hashes a password verified against an older hash (UserService.upgradePasswordHash). */
  readonly upgradeHash: (userId: string, verifiedHash: string, password: string) => Promise<void>;
  readonly scryptParams?: ScryptParams;
  readonly now?: () => number;
}

/**
 * Password login with throttling per username and per client address (lockout.ts). Answers never tell
 * whether a user exists: unknown and disabled users are checked against a dummy hash (same cost), and
 * a locked username is locked whether it exists or not. Failures and lockouts are audited.
 */
export class LoginService {
  private readonly throttle: LoginThrottle;
  private readonly now: () => number;
  private readonly scryptParams: ScryptParams;
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: LoginServiceOptions) {
    this.throttle = new LoginThrottle(options.lockout);
    this.now = options.now ?? Date.now;
    this.scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  }

  async authenticate(username: string, password: string, clientIp: string): Promise<LoginResult> {
    const keys = [`user:${username.toLowerCase().slice(0, 256)}`, `ip:${clientIp.slice(0, 64)}`];
    const lockedUntil = this.lockedUntil(keys, this.now());
    if (lockedUntil !== undefined) {
      await this.record(username, clientIp, 'login', 'denied', { reason: 'locked' });
      return { status: 'locked', retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - this.now()) / 1000)) };
    }
    const user = await this.options.users.findByUsername(username);
    const usable = user !== undefined && user.source === 'local' && !user.disabled && user.passwordHash !== '';
    const hash = usable ? user.passwordHash : await this.dummy();
    const matches = await verifyPassword(password, hash);
    if (usable && matches) return this.succeed(user, password, keys[0] as string, clientIp);

    const reason = user === undefined ? 'unknown user' : usable ? 'wrong password' : user.disabled ? 'disabled' : 'no local password';
    await this.record(username, clientIp, 'login', 'failure', { reason });
    const nowMs = this.now();
    const locks = keys.map((key) => this.throttle.recordFailure(key, nowMs)).filter((until) => until !== undefined);
    if (locks.length === 0) return { status: 'invalid' };
    const until = Math.max(...locks);
    await this.record(username, clientIp, 'login.lockout', 'denied', { untilMs: until, keys: keys.filter((key) => this.throttle.lockedUntil(key, nowMs) !== undefined).map((key) => key.split(':')[0]) });
    return { status: 'locked', retryAfterSeconds: Math.max(1, Math.ceil((until - nowMs) / 1000)) };
  }

  private async succeed(user: StoredUser, password: string, userKey: string, clientIp: string): Promise<LoginResult> {
    this.throttle.reset(userKey);
    if (needsRehash(user.passwordHash, this.scryptParams)) await this.options.upgradeHash(user.id, user.passwordHash, password);
    await this.options.audit.record({ actor: { kind: 'user', id: user.id, name: user.username }, action: 'login', target: user.username, outcome: 'success', clientIp });
    return { status: 'success', user: toPublicUser(user) };
  }

  private lockedUntil(keys: readonly string[], nowMs: number): number | undefined {
    const until = keys.map((key) => this.throttle.lockedUntil(key, nowMs)).filter((each) => each !== undefined);
    return until.length === 0 ? undefined : Math.max(...until);
  }

  /** A hash of a random password with the current parameters, made once. */
  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomToken(16), this.scryptParams);
    return this.dummyHash;
  }

  private record(username: string, clientIp: string, action: string, outcome: 'failure' | 'denied', details: Record<string, unknown>): Promise<void> {
    return this.options.audit.record({ actor: { kind: 'anonymous', id: '', name: username.slice(0, 128) }, action, target: username.slice(0, 128), outcome, clientIp, details });
  }
}
