import type { AuthStores } from '../query/auth/auth-stores.ts';
import { ApiKeyService } from './api-key-service.ts';
import { AuditLog } from './audit-log.ts';
import type { AuthConfig } from './auth-config.ts';
import { FirstStart } from './first-start.ts';
import { LoginService } from './login-service.ts';
import type { ScryptParams } from './password-hash.ts';
import { SessionService } from './session-service.ts';
import { UserService } from './user-service.ts';

export interface AuthServices {
  readonly audit: AuditLog;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly apiKeys: ApiKeyService;
  readonly login: LoginService;
  readonly firstStart: FirstStart;
}

export interface AuthServicesOptions {
  readonly stores: AuthStores;
  readonly config: AuthConfig;
  /** Tests pass a controllable clock. */
  readonly now?: () => number;
  /** Tests may pass cheaper parameters; production uses the defaults. */
  readonly scryptParams?: ScryptParams;
}

/** Wires the access-control services over their stores (main builds the stores with `openAuthStores`). */
export function createAuthServices(options: AuthServicesOptions): AuthServices {
  const { stores, config, now, scryptParams } = options;
  const audit = new AuditLog(stores.audit, now);
  const sessions = new SessionService({ sessions: stores.sessions, users: stores.users, config: config.session, now });
  const users = new UserService({
    users: stores.users,
    audit,
    revokeSessionsOf: (userId) => sessions.revokeAllOf(userId),
    passwordMinLength: config.password.minLength,
    scryptParams,
    now,
  });
  return {
    audit,
    users,
    sessions,
    apiKeys: new ApiKeyService({ keys: stores.keys, audit, now }),
    login: new LoginService({
      users: stores.users,
      audit,
      lockout: config.lockout,
      upgradeHash: (userId, verifiedHash, password) => users.upgradePasswordHash(userId, verifiedHash, password),
      scryptParams,
      now,
    }),
    firstStart: new FirstStart(users, audit),
  };
}
