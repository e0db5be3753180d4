import type { Action } from '../../auth/permissions.ts';

/**
 * The one table of what each API route needs, keyed by method and Fastify route pattern
 * (`routeOptions.url`). `public` needs no principal; `signed-in` any principal. GET/HEAD routes not
 * listed need `read`; any other method not listed needs an admin (fail closed), so a new write route
 * is admin-only until it gets its entry here.
 */
export type RoutePolicy = Action | 'public' | 'signed-in';

/** What an unlisted write route needs. */
export const UNKNOWN_WRITE_ACTION: Action = 'admin:settings';

export const ROUTE_ACTIONS: Readonly<Record<string, RoutePolicy>> = {
  // Access control itself.
  'GET /api/v1/auth/status': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/setup': 'public',
  'POST /api/v1/auth/logout': 'signed-in',
  'GET /api/v1/auth/me': 'signed-in',
  'POST /api/v1/auth/password': 'signed-in',
  'GET /api/v1/admin/users': 'admin:users',
  'POST /api/v1/admin/users': 'admin:users',
  'PUT /api/v1/admin/users/:id': 'admin:users',
  'DELETE /api/v1/admin/users/:id': 'admin:users',
  'POST /api/v1/admin/users/:id/password': 'admin:users',
  'GET /api/v1/admin/api-keys': 'admin:keys',
  'POST /api/v1/admin/api-keys': 'admin:keys',
  'DELETE /api/v1/admin/api-keys/:id': 'admin:keys',
  'GET /api/v1/admin/audit': 'admin:audit',

  // Queries sent as POST (a body holds the query): reads.
  'POST /api/v1/spans/search': 'read',
  'POST /api/v1/traces/search': 'read',
  'POST /api/v1/traces/scatter': 'read',
  'POST /api/v1/logs/search': 'read',
  'POST /api/v1/logs/histogram': 'read',
  'POST /api/v1/metrics/query': 'read',
  'POST /api/v1/dashboards/panels/query': 'read',
  'POST /api/v1/alerts/rules/preview': 'read',

  'POST /api/v1/dashboards': 'write:dashboards',
  'PUT /api/v1/dashboards/:id': 'write:dashboards',
  'DELETE /api/v1/dashboards/:id': 'write:dashboards',
  'POST /api/v1/dashboards/:id/clone': 'write:dashboards',

  'POST /api/v1/alerts/rules': 'write:alert_rules',
  'PUT /api/v1/alerts/rules/:id': 'write:alert_rules',
  'DELETE /api/v1/alerts/rules/:id': 'write:alert_rules',
  'POST /api/v1/alerts/silences': 'write:alert_rules',
  'PUT /api/v1/alerts/silences/:id': 'write:alert_rules',
  'DELETE /api/v1/alerts/silences/:id': 'write:alert_rules',

  'POST /api/v1/alerts/channels': 'write:channels',
  'PUT /api/v1/alerts/channels/:id': 'write:channels',
  'DELETE /api/v1/alerts/channels/:id': 'write:channels',
  // A test notification goes out: changing what channels do needs the same right.
  'POST /api/v1/alerts/channels/test': 'write:channels',
  'POST /api/v1/alerts/channels/:id/test': 'write:channels',

  'PUT /api/v1/admin/retention': 'admin:retention',
  'GET /api/v1/admin/storage': 'admin:settings',
  'POST /api/v1/admin/backup': 'admin:settings',
  'POST /api/v1/prometheus/targets': 'admin:settings',
  'DELETE /api/v1/prometheus/targets/:id': 'admin:settings',
  'PUT /api/v1/apm/services/:service/apdex': 'admin:settings',
  // Remote write on the API port is ingest with the API's credentials (Bearer API key); no ingest role exists yet.
  'POST /api/v1/prom/write': 'admin:settings',
};

const READ_METHODS = new Set(['GET', 'HEAD']);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

/** What a request needs, by method and route pattern (or path when no route matched). */
export function policyFor(method: string, route: string): RoutePolicy {
  const upper = method.toUpperCase();
  const key = `${upper === 'HEAD' ? 'GET' : upper} ${route}`;
  const listed = ROUTE_ACTIONS[key];
  if (listed !== undefined) return listed;
  return isReadMethod(upper) ? 'read' : UNKNOWN_WRITE_ACTION;
}

/** Whether a path is guarded at all: the API; `/metrics` only when configured. The UI's files and pages are public. */
export function isGuardedPath(path: string, metricsRequireKey: boolean): boolean {
  return path.startsWith('/api/') || (metricsRequireKey && path === '/metrics');
}
