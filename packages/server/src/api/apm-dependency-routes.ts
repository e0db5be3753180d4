import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.ts';

/** APM: DB / external / messaging calls, top DB statements, the service map, exceptions. */
export function registerApmDependencyRoutes(_app: FastifyInstance, _deps: ApiDeps): void {
  // Filled in by the APM dependencies work.
}
