import { randomUUID } from 'node:crypto';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from '@sightline/contract';
import { AppError, ErrorCodes } from '../errors.ts';
import type { ApiKeyStore, StoredApiKey } from '../query/auth/api-key-store.ts';
import type { AuditLog } from './audit-log.ts';
import { can, type Principal } from './permissions.ts';
import { actorOf, type RequestContext } from './request-context.ts';
import { randomToken, sha256Hex } from './secrets.ts';
import { TOUCH_INTERVAL_MS } from './session-service.ts';

export const API_KEY_PREFIX = 'sl_';
/** Characters of a key kept visible (`sl_` and six more) so admins can tell keys apart. */
const VISIBLE_CHARS = API_KEY_PREFIX.length + 6;

export interface ApiKeyServiceOptions {
  readonly keys: ApiKeyStore;
  readonly audit: AuditLog;
  readonly now?: () => number;
}

export function toPublicKey(key: StoredApiKey): ApiKey {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    scope: key.scope,
    expiresMs: key.expiresMs,
    createdBy: key.createdBy,
    createdMs: key.createdMs,
    revoked: key.revoked,
    lastUsedMs: key.lastUsedMs,
  };
}

/**
 * API keys for automation (`Authorization: Bearer sl_…`): shown once, stored as SHA-256, checked against
 * the store on every use (no cache), so a revocation or expiry refuses the very next request.
 */
export class ApiKeyService {
  private readonly now: () => number;

  constructor(private readonly options: ApiKeyServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  async create(context: RequestContext, input: ApiKeyCreate): Promise<ApiKeyCreated> {
    await this.authorize(context, 'api_key.create', input.name);
    const nowMs = this.now();
    if (input.expiresMs !== null && input.expiresMs <= nowMs) throw new AppError(ErrorCodes.QUERY_INVALID, 'the expiry is in the past');
    const token = API_KEY_PREFIX + randomToken(32);
    const key: StoredApiKey = {
      id: randomUUID(),
      name: input.name,
      prefix: token.slice(0, VISIBLE_CHARS),
      tokenHash: sha256Hex(token),
      role: input.role,
      scope: input.scope,
      expiresMs: input.expiresMs,
      createdBy: context.principal?.name ?? 'system',
      createdMs: nowMs,
      revoked: false,
      lastUsedMs: null,
    };
    await this.options.keys.write(key);
    await this.audit(context, 'api_key.create', key.name, { id: key.id, prefix: key.prefix, role: key.role, scope: key.scope, expiresMs: key.expiresMs });
    return { key: toPublicKey(key), token };
  }

  async list(): Promise<ApiKey[]> {
    return (await this.options.keys.list()).map(toPublicKey);
  }

  async revoke(context: RequestContext, id: string): Promise<ApiKey> {
    const key = await this.options.keys.get(id);
    if (key === undefined) throw new AppError(ErrorCodes.NOT_FOUND, `no API key ${id}`);
    await this.authorize(context, 'api_key.revoke', key.name);
    const revoked = { ...key, revoked: true };
    if (!key.revoked) await this.options.keys.write(revoked);
    await this.audit(context, 'api_key.revoke', key.name, { id: key.id, prefix: key.prefix });
    return toPublicKey(revoked);
  }

  /** The key's principal, or undefined when the token is unknown, revoked or expired. */
  async resolve(token: string): Promise<Principal | undefined> {
    if (!token.startsWith(API_KEY_PREFIX) || token.length > 128) return undefined;
    const key = await this.options.keys.findByHash(sha256Hex(token));
    const nowMs = this.now();
    if (key === undefined || key.revoked || (key.expiresMs !== null && nowMs >= key.expiresMs)) return undefined;
    if (key.lastUsedMs === null || nowMs - key.lastUsedMs >= TOUCH_INTERVAL_MS) await this.options.keys.touch(key.id, nowMs);
    return { kind: 'api_key', id: key.id, name: key.name, role: key.role, scope: key.scope };
  }

  private async authorize(context: RequestContext, action: string, target: string): Promise<void> {
    if (context.principal === undefined || can(context.principal, 'admin:keys')) return;
    await this.audit(context, action, target, {}, 'denied');
    throw new AppError(ErrorCodes.AUTH_FORBIDDEN, 'managing API keys needs the admin role');
  }

  private audit(context: RequestContext, action: string, target: string, details: Record<string, unknown>, outcome: 'success' | 'denied' = 'success'): Promise<void> {
    return this.options.audit.record({ actor: actorOf(context), action, target, outcome, clientIp: context.clientIp, details });
  }
}
