import type { FastifyInstance } from 'fastify';
import { registerAdminAuthRoutes } from './admin-auth-routes.ts';
import { registerAuditHook } from './audit-hook.ts';
import { registerAuthHook, type ApiAuth } from './auth-hook.ts';
import { registerAuthRoutes, registerAuthStatusOnly } from './auth-routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';

export type { ApiAuth } from './auth-hook.ts';

/**
 * Access control on the API port. Always: security headers and `/api/v1/auth/status`. With `auth`
 * (config `auth.enabled`): the principal hook, the generic audit of changes, and the auth and admin routes.
 * Call before any other route is added.
 */
export function registerApiAuth(app: FastifyInstance, auth: ApiAuth | undefined): void {
  registerSecurityHeaders(app);
  if (auth === undefined) {
    registerAuthStatusOnly(app);
    return;
  }
  registerAuthHook(app, auth);
  registerAuditHook(app, auth.services.audit, (error) => app.log.error({ err: error }, 'audit entry could not be written'));
  registerAuthRoutes(app, auth);
  registerAdminAuthRoutes(app, auth);
}
