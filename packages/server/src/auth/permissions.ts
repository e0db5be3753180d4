import type { AccessScope, Role } from '@sightline/contract';

/** Who is making a request: a logged-in user or an API key. */
export interface Principal {
  readonly kind: 'user' | 'api_key';
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly scope: AccessScope;
}

/** What a request does. Reading covers every query and view; writes and admin actions are listed one by one. */
export const ACTIONS = [
  'read',
  'write:dashboards',
  'write:views',
  'write:alert_rules',
  'write:channels',
  'admin:users',
  'admin:keys',
  'admin:retention',
  'admin:settings',
  'admin:audit',
] as const;
export type Action = (typeof ACTIONS)[number];

const RANK: Readonly<Record<Role, number>> = { viewer: 0, editor: 1, admin: 2 };

/** The least role an action needs: viewers read, editors also write dashboards/views/rules/channels, admins everything. */
export function requiredRole(action: Action): Role {
  if (action === 'read') return 'viewer';
  if (action.startsWith('write:')) return 'editor';
  return 'admin';
}

export function roleAtLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

/** Admin actions also need an unscoped principal: a scoped admin could otherwise grant itself more. */
export function can(principal: Principal, action: Action): boolean {
  if (!roleAtLeast(principal.role, requiredRole(action))) return false;
  return requiredRole(action) !== 'admin' || isUnscoped(principal.scope);
}

/** Whether a principal sees everything (no service or environment restriction). */
export function isUnscoped(scope: AccessScope): boolean {
  return scope.services === undefined && scope.environments === undefined;
}
