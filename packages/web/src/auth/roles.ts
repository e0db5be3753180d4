/** Roles and scopes as the UI shows them. Pure. */
import type { AccessScope, Role } from '@sightline/contract';

export const ROLE_LABELS: Readonly<Record<Role, string>> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };

export const ROLE_HINTS: Readonly<Record<Role, string>> = {
  viewer: 'reads telemetry, dashboards and alerts',
  editor: 'also changes dashboards, alert rules and targets',
  admin: 'also manages users, API keys, retention and the audit log',
};

export const ROLE_ORDER: readonly Role[] = ['viewer', 'editor', 'admin'];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(needed);
}

/** A scope in words: `All services and environments`, or the lists it allows. */
export function describeScope(scope: AccessScope): string {
  const parts: string[] = [];
  if (scope.services !== undefined) parts.push(scope.services.length === 0 ? 'no services' : `services: ${scope.services.join(', ')}`);
  if (scope.environments !== undefined) parts.push(scope.environments.length === 0 ? 'no environments' : `environments: ${scope.environments.join(', ')}`);
  return parts.length === 0 ? 'All services and environments' : parts.join(' · ');
}

export function isUnscoped(scope: AccessScope): boolean {
  return scope.services === undefined && scope.environments === undefined;
}
