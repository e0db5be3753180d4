import {
  authStatusResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  ownPasswordChangeSchema,
  setupRequestSchema,
  type User,
} from '@sightline/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../../auth/request-context.ts';
import { AppError, ErrorCodes } from '../../errors.ts';
import { checkResponse, parseRequest } from '../validation.ts';
import { contextOf, requireAuth, type ApiAuth } from './auth-hook.ts';
import { clearedSessionCookie, sessionCookie } from './cookies.ts';

/** `GET /api/v1/auth/status` when access control is off: the UI shows no login. */
export function registerAuthStatusOnly(app: FastifyInstance): void {
  app.get('/api/v1/auth/status', () => checkResponse(authStatusResponseSchema, { enabled: false, setupRequired: false, localLogin: false }));
}

/**
 * Login, first-start setup, logout, the signed-in principal and changing one's own password
 * (`/api/v1/auth/…`; which of them are public is in route-actions.ts).
 */
export function registerAuthRoutes(app: FastifyInstance, auth: ApiAuth): void {
  const { services } = auth;
  const cookie = { secure: auth.secureCookie };

  /** A new session for the user: the cookie is set and the CSRF token returned. */
  const startSession = async (reply: FastifyReply, user: User): Promise<{ user: User; csrfToken: string }> => {
    const session = await services.sessions.create(user.id);
    void reply.header('set-cookie', sessionCookie(session.token, session.expiresMs, Date.now(), cookie));
    void reply.header('cache-control', 'no-store');
    return checkResponse(loginResponseSchema, { user, csrfToken: session.csrfToken });
  };

  app.get('/api/v1/auth/status', () =>
    checkResponse(authStatusResponseSchema, { enabled: true, setupRequired: services.firstStart.setupPending, localLogin: true }),
  );

  app.post('/api/v1/auth/login', async (request, reply) => {
    const body = parseRequest(loginRequestSchema, request.body);
    const result = await services.login.authenticate(body.username, body.password, request.ip);
    if (result.status === 'locked') {
      throw new AppError(ErrorCodes.AUTH_LOCKED, 'too many failed logins: try again later', { retryAfterSeconds: result.retryAfterSeconds });
    }
    if (result.status === 'invalid') throw new AppError(ErrorCodes.AUTH_UNAUTHENTICATED, 'wrong username or password');
    return startSession(reply, result.user);
  });

  app.post('/api/v1/auth/setup', async (request, reply) => {
    const body = parseRequest(setupRequestSchema, request.body);
    if (!services.firstStart.setupPending) throw new AppError(ErrorCodes.CONFLICT, 'setup is done: sign in instead');
    await services.firstStart.completeSetup(body.token, body.password, request.ip, body.username);
    const username = (body.username ?? 'admin').toLowerCase();
    const user = (await services.users.list()).find((each) => each.username.toLowerCase() === username);
    if (user === undefined) throw new AppError(ErrorCodes.INTERNAL, 'the first admin was not stored');
    return startSession(reply, user);
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const current = requireAuth(request);
    if (current.sessionToken !== undefined) await services.sessions.revoke(current.sessionToken);
    const context = contextOf(request);
    await services.audit.record({ actor: actorOf(context), action: 'logout', target: current.principal.name, outcome: 'success', clientIp: context.clientIp });
    return reply.header('set-cookie', clearedSessionCookie(cookie)).status(204).send();
  });

  app.get('/api/v1/auth/me', async (request, reply) => {
    const current = requireAuth(request);
    void reply.header('cache-control', 'no-store');
    const { kind, id, name, role, scope } = current.principal;
    return checkResponse(meResponseSchema, { principal: { kind, id, name, role, scope }, csrfToken: current.session?.csrfToken ?? null });
  });

  app.post('/api/v1/auth/password', async (request, reply) => {
    const current = requireAuth(request);
    if (current.principal.kind !== 'user') throw new AppError(ErrorCodes.AUTH_FORBIDDEN, 'an API key has no password');
    const body = parseRequest(ownPasswordChangeSchema, request.body);
    await services.users.changePassword(contextOf(request), current.principal.id, body);
    // Every session of the user ended (others may have known the old password); this one continues anew.
    const user = await services.users.get(current.principal.id);
    if (user !== undefined) {
      const session = await services.sessions.create(user.id);
      void reply.header('set-cookie', sessionCookie(session.token, session.expiresMs, Date.now(), cookie));
    }
    return reply.status(204).send();
  });
}
