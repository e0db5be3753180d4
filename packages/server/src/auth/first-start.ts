import { AppError, ErrorCodes } from '../errors.ts';
import type { AuditLog } from './audit-log.ts';
import { SYSTEM_CONTEXT } from './request-context.ts';
import { constantTimeEqual, randomToken, sha256Hex } from './secrets.ts';
import type { UserService } from './user-service.ts';

export type EnsureAdminResult =
  | { readonly status: 'exists' }
  | { readonly status: 'created'; readonly username: string }
  /** main prints the token in the log; it creates the first admin once, through `completeSetup`. */
  | { readonly status: 'setup_required'; readonly setupToken: string };

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * The first admin. With a password (SIGHTLINE_ADMIN_PASSWORD) the `admin` user is created; without one a
 * one-time setup token is made (kept only as a hash, in memory: a restart before setup makes a new one).
 * There is never a default password.
 */
export class FirstStart {
  private setupTokenHash: string | undefined;

  constructor(
    private readonly users: UserService,
    private readonly audit: AuditLog,
  ) {}

  ensureAdmin(options: { readonly adminPassword?: string }): Promise<EnsureAdminResult> {
    return this.users.exclusive(async () => {
      if ((await this.users.count()) > 0) return { status: 'exists' };
      if (options.adminPassword !== undefined && options.adminPassword !== '') {
        await this.users.createUnlocked(SYSTEM_CONTEXT, { username: FIRST_ADMIN_USERNAME, role: 'admin', scope: {}, password: options.adminPassword });
        return { status: 'created', username: FIRST_ADMIN_USERNAME };
      }
      const token = randomToken(32);
      this.setupTokenHash = sha256Hex(token);
      return { status: 'setup_required', setupToken: token };
    });
  }

  /** Whether the server waits for `completeSetup` (the UI shows the setup form). */
  get setupPending(): boolean {
    return this.setupTokenHash !== undefined;
  }

  /** Creates the first admin with the setup token; the token then stops working. */
  completeSetup(token: string, password: string, clientIp: string, username: string = FIRST_ADMIN_USERNAME): Promise<void> {
    return this.users.exclusive(async () => {
      const expected = this.setupTokenHash;
      if (expected === undefined || !constantTimeEqual(expected, sha256Hex(token)) || (await this.users.count()) > 0) {
        await this.audit.record({ actor: { kind: 'anonymous', id: '', name: '' }, action: 'setup', target: username, outcome: 'failure', clientIp });
        throw new AppError(ErrorCodes.AUTH_UNAUTHENTICATED, 'the setup token is not valid (setup is done or the server restarted)');
      }
      await this.users.createUnlocked({ clientIp }, { username, role: 'admin', scope: {}, password });
      this.setupTokenHash = undefined;
    });
  }
}
