import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthServices } from '../../auth/auth-services.ts';
import { can, requiredRole, type Principal } from '../../auth/permissions.ts';
import type { RequestContext } from '../../auth/request-context.ts';
import type { ResolvedSession } from '../../auth/session-service.ts';
import { AppError, ErrorCodes } from '../../errors.ts';
import { toErrorReply } from '../error-status.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { isGuardedPath, isReadMethod, policyFor, type RoutePolicy } from './route-actions.ts';

/** What the API needs for access control (main builds it when `auth.enabled`). */
export interface ApiAuth {
  readonly services: AuthServices;
  /** `/metrics` needs a principal too (`auth.metricsRequireKey`). */
  readonly metricsRequireKey: boolean;
  /** Session cookies carry `Secure` (the API runs TLS). */
  readonly secureCookie: boolean;
}

/** Who made a request and how: through a session cookie (then CSRF applies to writes) or an API key. */
export interface RequestAuth {
  readonly principal: Principal;
  readonly session?: ResolvedSession;
  /** The cookie's session token (logout revokes it). */
  readonly sessionToken?: string;
}

const resolvedAuth = new WeakMap<FastifyRequest, RequestAuth>();

/** The request's principal, when the hook resolved one (guarded routes always have one). */
export function authOf(request: FastifyRequest): RequestAuth | undefined {
  return resolvedAuth.get(request);
}

export function requireAuth(request: FastifyRequest): RequestAuth {
  const auth = resolvedAuth.get(request);
  if (auth === undefined) throw unauthenticated();
  return auth;
}

/** The request as the auth services see it (audit actor and client address). */
export function contextOf(request: FastifyRequest): RequestContext {
  const principal = resolvedAuth.get(request)?.principal;
  return principal === undefined ? { clientIp: request.ip } : { principal, clientIp: request.ip };
}

function unauthenticated(): AppError {
  return new AppError(ErrorCodes.AUTH_UNAUTHENTICATED, 'sign in, or send an API key as Authorization: Bearer sl_…');
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function resolve(request: FastifyRequest, services: AuthServices): Promise<RequestAuth | undefined> {
  const authorization = headerOf(request, 'authorization');
  const bearer = authorization === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  // A request that presents a key is judged by it alone: a bad key never falls back to a cookie.
  if (bearer !== undefined) {
    const principal = await services.apiKeys.resolve(bearer);
    return principal === undefined ? undefined : { principal };
  }
  const token = readCookie(headerOf(request, 'cookie'), SESSION_COOKIE);
  if (token === undefined) return undefined;
  const session = await services.sessions.resolve(token);
  return session === undefined ? undefined : { principal: session.principal, session, sessionToken: token };
}

/** The route pattern when one matched (the UI's catch-all counts: `/api/…` paths it would take are guarded). */
function routeOf(request: FastifyRequest, path: string): string {
  const route = request.routeOptions.url;
  return route === undefined || route === '/*' ? path : route;
}

/**
 * Resolves the principal of every guarded request (`/api/…`, and `/metrics` when configured), then checks
 * CSRF for cookie-authenticated writes and the route's action (route-actions.ts). The UI's files and pages,
 * `/healthz`, `/readyz` and the public auth routes pass untouched.
 */
export function registerAuthHook(app: FastifyInstance, auth: ApiAuth): void {
  app.addHook('onRequest', async (request, reply) => {
    // Answered here rather than thrown: plugins with their own error handler (remote write) answer alike.
    const refusal = await check(request, auth);
    if (refusal === undefined) return;
    return refuse(reply, refusal);
  });
}

function refuse(reply: FastifyReply, error: AppError): FastifyReply {
  const { status, body } = toErrorReply(error);
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/** The refusal of a request, or undefined when it may go on (its principal then recorded). */
async function check(request: FastifyRequest, auth: ApiAuth): Promise<AppError | undefined> {
  const path = request.url.split('?')[0] ?? '/';
  const pattern = request.routeOptions.url;
  if (!isGuardedPath(path, auth.metricsRequireKey) && !(pattern?.startsWith('/api/') ?? false)) return undefined;
  const policy: RoutePolicy = policyFor(request.method, routeOf(request, path));
  if (policy === 'public') return undefined;
  const resolved = await resolve(request, auth.services);
  if (resolved === undefined) return unauthenticated();
  if (resolved.session !== undefined && !isReadMethod(request.method)) {
    if (!auth.services.sessions.checkCsrf(resolved.session, headerOf(request, 'x-csrf-token'))) {
      return new AppError(ErrorCodes.AUTH_FORBIDDEN, 'CSRF token missing or wrong (send the x-csrf-token header)');
    }
  }
  if (policy !== 'signed-in' && !can(resolved.principal, policy)) {
    return new AppError(ErrorCodes.AUTH_FORBIDDEN, `${policy} needs the ${requiredRole(policy)} role${resolved.principal.role === 'admin' ? ' without a scope' : ''}`);
  }
  resolvedAuth.set(request, resolved);
  return undefined;
}
