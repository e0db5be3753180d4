import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../auth/audit-log.ts';
import { actorOf } from '../../auth/request-context.ts';
import { authOf, contextOf } from './auth-hook.ts';
import { isReadMethod, policyFor } from './route-actions.ts';

/** Actions whose services write their own, more detailed audit entries (users, API keys). */
const SELF_AUDITED = new Set(['admin:users', 'admin:keys']);
/** Writes that are data, not changes: ingest through the API port would flood the log. */
const NOT_AUDITED = new Set(['POST /api/v1/prom/write']);

/** `PUT /api/v1/alerts/rules/:id` → `alerts.rules.put`. */
export function auditActionOf(method: string, route: string): string {
  const segments = route
    .replace(/^\/api\/v\d+\//, '')
    .split('/')
    .filter((segment) => segment !== '' && !segment.startsWith(':'));
  return `${segments.join('.')}.${method.toLowerCase()}`;
}

/**
 * The generic audit of changes: every successful write through the API by a principal (rules, channels,
 * silences, dashboards, retention, settings, backup) is recorded with its route and path. Query routes
 * sent as POST are reads and are not recorded.
 */
export function registerAuditHook(app: FastifyInstance, audit: AuditLog, onError: (error: unknown) => void): void {
  app.addHook('onResponse', async (request, reply) => {
    if (isReadMethod(request.method) || reply.statusCode >= 400) return;
    const auth = authOf(request);
    const route = request.routeOptions.url;
    if (auth === undefined || route === undefined || !route.startsWith('/api/') || NOT_AUDITED.has(`${request.method} ${route}`)) return;
    const policy = policyFor(request.method, route);
    if (policy === 'read' || policy === 'public' || policy === 'signed-in' || SELF_AUDITED.has(policy)) return;
    const context = contextOf(request);
    try {
      await audit.record({
        actor: actorOf(context),
        action: auditActionOf(request.method, route),
        target: request.url.split('?')[0] ?? route,
        outcome: 'success',
        clientIp: context.clientIp,
        details: { method: request.method, route, status: reply.statusCode },
      });
    } catch (error) {
      onError(error);
    }
  });
}
