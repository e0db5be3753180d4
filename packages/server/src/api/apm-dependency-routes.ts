import {
  apmDbStatementsQuerySchema,
  apmDbStatementsResponseSchema,
  apmDependenciesQuerySchema,
  apmDependenciesResponseSchema,
  apmExceptionsQuerySchema,
  apmExceptionsResponseSchema,
  apmServiceMapQuerySchema,
  apmServiceMapResponseSchema,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { minuteRange } from '../query/apm/apm-range.ts';
import { topDbStatements } from '../query/apm/db-statements.ts';
import { listDependencies } from '../query/apm/dependencies-table.ts';
import { dependencyOverflow } from '../query/apm/dependency-overflow.ts';
import { exceptionGroups } from '../query/apm/exception-groups.ts';
import { serviceMap } from '../query/apm/service-map.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface ServiceParams {
  readonly service: string;
}

/** APM: DB / external / messaging calls, top DB statements, the service map, exceptions. */
export function registerApmDependencyRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Params: ServiceParams }>('/api/v1/apm/services/:service/dependencies', async (request) => {
    const { start, end, environment, type } = parseRequest(apmDependenciesQuerySchema, request.query);
    const { service } = request.params;
    const query = { service, type, environment, range: minuteRange({ startNs: start, endNs: end }) };
    const [dependencies, overflow] = await Promise.all([
      listDependencies(deps.store, deps.query, query),
      dependencyOverflow(deps.store, deps.query, query, deps.apm.maxOperationsPerService),
    ]);
    return checkResponse(apmDependenciesResponseSchema, { service, type, dependencies, overflow });
  });

  app.get<{ Params: ServiceParams }>('/api/v1/apm/services/:service/db-statements', async (request) => {
    const { start, end, ...rest } = parseRequest(apmDbStatementsQuerySchema, request.query);
    const statements = await topDbStatements(deps.store, deps.query, {
      ...rest,
      service: request.params.service,
      range: minuteRange({ startNs: start, endNs: end }),
    });
    return checkResponse(apmDbStatementsResponseSchema, { statements });
  });

  app.get('/api/v1/apm/service-map', async (request) => {
    const { start, end, environment } = parseRequest(apmServiceMapQuerySchema, request.query);
    const map = await serviceMap(deps.store, deps.query, {
      range: minuteRange({ startNs: start, endNs: end }),
      environment,
      windowMinutes: deps.apm.serviceMapWindowMinutes,
    });
    return checkResponse(apmServiceMapResponseSchema, map);
  });

  app.get('/api/v1/apm/exceptions', async (request) => {
    const { start, end, ...rest } = parseRequest(apmExceptionsQuerySchema, request.query);
    const groups = await exceptionGroups(deps.store, deps.query, { ...rest, range: minuteRange({ startNs: start, endNs: end }) });
    return checkResponse(apmExceptionsResponseSchema, { groups });
  });
}
