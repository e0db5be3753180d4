import type { AuditActorKind } from '@sightline/contract';
import type { Principal } from './permissions.ts';

/** Who asks for a change and from where: recorded in the audit log. No principal means the server itself. */
export interface RequestContext {
  readonly principal?: Principal;
  readonly clientIp: string;
}

export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id: string;
  readonly name: string;
}

export const SYSTEM_CONTEXT: RequestContext = { clientIp: '' };

export function actorOf(context: RequestContext): AuditActor {
  const principal = context.principal;
  return principal === undefined ? { kind: 'system', id: '', name: 'system' } : { kind: principal.kind, id: principal.id, name: principal.name };
}
