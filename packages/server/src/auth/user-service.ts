import { randomUUID } from 'node:crypto';
import { usernameSchema, type User, type UserCreate, type UserUpdate } from '@sightline/contract';
import { AppError, ErrorCodes } from '../errors.ts';
import type { StoredUser, UserStore } from '../query/auth/user-store.ts';
import type { AuditLog } from './audit-log.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, verifyPassword, type ScryptParams } from './password-hash.ts';
import { passwordProblem } from './password-policy.ts';
import { can } from './permissions.ts';
import { actorOf, type RequestContext } from './request-context.ts';
import { SerialLock } from './serial-lock.ts';

export interface UserServiceOptions {
  readonly users: UserStore;
  readonly audit: AuditLog;
  /** Ends every session of a user (password change, disable, delete). */
  readonly revokeSessionsOf: (userId: string) => Promise<void>;
  readonly passwordMinLength: number;
  readonly scryptParams?: ScryptParams;
  readonly now?: () => number;
}

export function toPublicUser(user: StoredUser): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope: user.scope,
    disabled: user.disabled,
    source: user.source,
    createdMs: user.createdMs,
    updatedMs: user.updatedMs,
  };
}

const isActiveAdmin = (user: StoredUser): boolean => user.role === 'admin' && !user.disabled;

/**
 * Local users: create, update role/scope/disabled, change password, delete. The last enabled admin cannot
 * be demoted, disabled or deleted (AUTH_LAST_ADMIN). Changes are audited; a context without a principal
 * is the server itself (first start).
 */
export class UserService {
  private readonly lock = new SerialLock();
  private readonly now: () => number;
  private readonly scryptParams: ScryptParams;

  constructor(private readonly options: UserServiceOptions) {
    this.now = options.now ?? Date.now;
    this.scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  }

  get passwordParams(): ScryptParams {
    return this.scryptParams;
  }

  async list(): Promise<User[]> {
    return (await this.options.users.list()).map(toPublicUser);
  }

  async get(id: string): Promise<User | undefined> {
    const user = await this.options.users.get(id);
    return user === undefined ? undefined : toPublicUser(user);
  }

  count(): Promise<number> {
    return this.options.users.count();
  }

  /** Runs `task` under the lock every user change takes (e.g. first-start checks). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.lock.run(task);
  }

  /** Creates a local user (takes the lock; inside `exclusive` use `createUnlocked`). */
  create(context: RequestContext, input: UserCreate): Promise<User> {
    return this.lock.run(() => this.createUnlocked(context, input));
  }

  async createUnlocked(context: RequestContext, input: UserCreate): Promise<User> {
    await this.authorize(context, 'user.create', input.username);
    if (!usernameSchema.safeParse(input.username).success) throw new AppError(ErrorCodes.QUERY_INVALID, 'a username has 1 to 128 letters, digits and . _ @ -');
    this.checkPassword(input.password, input.username);
    if ((await this.options.users.findByUsername(input.username)) !== undefined) {
      throw new AppError(ErrorCodes.CONFLICT, `a user named ${input.username} exists`);
    }
    const nowMs = this.now();
    const user: StoredUser = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName ?? input.username,
      role: input.role,
      scope: input.scope,
      disabled: false,
      source: 'local',
      passwordHash: await hashPassword(input.password, this.scryptParams),
      createdMs: nowMs,
      updatedMs: nowMs,
    };
    await this.options.users.write(user);
    await this.audit(context, 'user.create', user.username, { role: user.role, scope: user.scope });
    return toPublicUser(user);
  }

  update(context: RequestContext, id: string, change: UserUpdate): Promise<User> {
    return this.lock.run(async () => {
      const user = await this.existing(id);
      await this.authorize(context, 'user.update', user.username);
      const next: StoredUser = {
        ...user,
        displayName: change.displayName ?? user.displayName,
        role: change.role ?? user.role,
        scope: change.scope ?? user.scope,
        disabled: change.disabled ?? user.disabled,
        updatedMs: this.now(),
      };
      if (isActiveAdmin(user) && !isActiveAdmin(next)) await this.requireAnotherAdmin(user);
      await this.options.users.write(next);
      if (next.disabled && !user.disabled) await this.options.revokeSessionsOf(user.id);
      await this.audit(context, 'user.update', user.username, { ...change });
      return toPublicUser(next);
    });
  }

  delete(context: RequestContext, id: string): Promise<void> {
    return this.lock.run(async () => {
      const user = await this.existing(id);
      await this.authorize(context, 'user.delete', user.username);
      if (isActiveAdmin(user)) await this.requireAnotherAdmin(user);
      await this.options.users.delete(user);
      await this.options.revokeSessionsOf(user.id);
      await this.audit(context, 'user.delete', user.username, {});
    });
  }

  /**
   * Users changing their own password give the old one; an admin may reset another user's without it.
   * Every session of the user ends.
   */
  changePassword(context: RequestContext, id: string, change: { readonly oldPassword?: string; readonly newPassword: string }): Promise<void> {
    return this.lock.run(async () => {
      const user = await this.existing(id);
      const self = context.principal?.kind === 'user' && context.principal.id === user.id;
      if (self) {
        const ok = user.source === 'local' && change.oldPassword !== undefined && (await verifyPassword(change.oldPassword, user.passwordHash));
        if (!ok) {
          await this.audit(context, 'user.password', user.username, { reason: 'wrong current password' }, 'failure');
          throw new AppError(ErrorCodes.AUTH_UNAUTHENTICATED, 'the current password is wrong');
        }
      } else {
        await this.authorize(context, 'user.password', user.username);
      }
      if (user.source !== 'local') throw new AppError(ErrorCodes.CONFLICT, 'the user signs in through single sign-on and has no local password');
      this.checkPassword(change.newPassword, user.username);
      await this.options.users.write({ ...user, passwordHash: await hashPassword(change.newPassword, this.scryptParams), updatedMs: this.now() });
      await this.options.revokeSessionsOf(user.id);
      await this.audit(context, 'user.password', user.username, { reset: !self });
    });
  }

  /**
   * Re-hashes a password with the current parameters after a login with an older hash. Under the lock and
   * only if the hash is still the one that was verified, so it never writes back a stale copy of the user.
   */
  upgradePasswordHash(id: string, verifiedHash: string, password: string): Promise<void> {
    return this.lock.run(async () => {
      const user = await this.options.users.get(id);
      if (user === undefined || user.passwordHash !== verifiedHash) return;
      await this.options.users.write({ ...user, passwordHash: await hashPassword(password, this.scryptParams) });
    });
  }

  private checkPassword(password: string, username: string): void {
    const problem = passwordProblem(password, username, this.options.passwordMinLength);
    if (problem !== undefined) throw new AppError(ErrorCodes.AUTH_WEAK_PASSWORD, problem);
  }

  private async existing(id: string): Promise<StoredUser> {
    const user = await this.options.users.get(id);
    if (user === undefined) throw new AppError(ErrorCodes.NOT_FOUND, `no user ${id}`);
    return user;
  }

  private async requireAnotherAdmin(user: StoredUser): Promise<void> {
    const others = (await this.options.users.list()).filter((other) => other.id !== user.id && isActiveAdmin(other));
    if (others.length === 0) throw new AppError(ErrorCodes.AUTH_LAST_ADMIN, 'this is the last enabled admin: make another user admin first');
  }

  private async authorize(context: RequestContext, action: string, target: string): Promise<void> {
    if (context.principal === undefined || can(context.principal, 'admin:users')) return;
    await this.audit(context, action, target, {}, 'denied');
    throw new AppError(ErrorCodes.AUTH_FORBIDDEN, 'managing users needs the admin role');
  }

  private audit(context: RequestContext, action: string, target: string, details: Record<string, unknown>, outcome: 'success' | 'failure' | 'denied' = 'success'): Promise<void> {
    return this.options.audit.record({ actor: actorOf(context), action, target, outcome, clientIp: context.clientIp, details });
  }
}
