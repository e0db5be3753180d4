import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.ts';

/** APM: services table, service series, operations, instances, recent errors, apdex settings. */
export function registerApmServiceRoutes(_app: FastifyInstance, _deps: ApiDeps): void {
  // Filled in by the APM services work.
}
