import { serverInfoResponseSchema } from '@sightline/contract';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.ts';
import { httpsServerOptions, type TlsMaterial } from '../config/tls-material.ts';
import { registerAdminRetentionRoutes, type RetentionRouteDeps } from './admin-retention-routes.ts';
import { registerAdminBackupRoutes } from './admin-backup-routes.ts';
import { registerApiAuth } from './auth/register-api-auth.ts';
import { collectRoutes } from './auth/route-collector.ts';
import { registerAdminStorageRoutes } from './admin-storage-routes.ts';
import { registerApmDependencyRoutes } from './apm-dependency-routes.ts';
import { registerApmServiceRoutes } from './apm-service-routes.ts';
import { registerCatalogRoutes } from './catalog-routes.ts';
import { registerAlertChannelRoutes } from './alert-channel-routes.ts';
import { registerAlertRuleRoutes } from './alert-rule-routes.ts';
import { registerAlertSilenceRoutes } from './alert-silence-routes.ts';
import { registerDashboardRoutes } from './dashboard-routes.ts';
import { notFoundError, toErrorReply } from './error-status.ts';
import { registerInfraRoutes } from './infra-routes.ts';
import { registerLogRoutes } from './log-routes.ts';
import { registerMessagingRoutes } from './messaging-routes.ts';
import { registerMetricRoutes } from './metric-routes.ts';
import { registerPrometheusTargetRoutes } from './prometheus-target-routes.ts';
import { registerStaticUi } from './static-ui.ts';
import { registerTraceRoutes } from './trace-routes.ts';

export type { ApiDeps } from './api-deps.ts';

/** Prometheus text exposition format 0.0.4. */
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * The HTTP API (`/api/v1/…`), the server's own metrics, health, and the web UI. Every failure is
 * answered `{ error: { code, message } }` with the status from error-status.ts; none ends the process.
 */
export function createApiServer(deps: ApiDeps & RetentionRouteDeps, options: { readonly tls?: TlsMaterial } = {}): FastifyInstance {
  // An https.Server offers everything callers use of the http one (listen, address, closeIdleConnections).
  const app =
    options.tls === undefined
      ? Fastify({ logger: deps.logger ?? false })
      : (Fastify({ logger: deps.logger ?? false, https: httpsServerOptions(options.tls) }) as unknown as FastifyInstance);

  app.setErrorHandler((error, request, reply) => {
    const { status, body, retryAfterSeconds } = toErrorReply(error);
    if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = toErrorReply(notFoundError(request.method, request.url));
    return reply.status(status).send(body);
  });

  collectRoutes(app);
  // Before every route: the auth hook and security headers apply to all of them.
  registerApiAuth(app, deps.auth);
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/api/v1/server-info', () => serverInfoResponseSchema.parse(deps.serverInfo?.() ?? { otlpGrpcPort: 4317, otlpHttpPort: 4318, version: 'unknown' }));
  app.get('/metrics', async (_request, reply) => reply.type(PROMETHEUS_TEXT).send(await deps.selfMetrics()));

  registerTraceRoutes(app, deps);
  registerLogRoutes(app, deps);
  registerMetricRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerApmServiceRoutes(app, deps);
  registerApmDependencyRoutes(app, deps);
  registerMessagingRoutes(app, deps);
  registerInfraRoutes(app, deps);
  registerPrometheusTargetRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  if (deps.alerts !== undefined) {
    registerAlertRuleRoutes(app, deps, deps.alerts);
    registerAlertChannelRoutes(app, deps, deps.alerts);
    registerAlertSilenceRoutes(app, deps, deps.alerts);
  }
  registerAdminRetentionRoutes(app, deps);
  registerAdminBackupRoutes(app, deps);
  registerAdminStorageRoutes(app, deps);
  registerStaticUi(app, deps.webRoot);
  return app;
}
