import { infraHostDetailQuerySchema, infraHostDetailResponseSchema, infraHostsQuerySchema, infraHostsResponseSchema } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { hostDetail } from '../query/infra/host-detail.ts';
import { listHosts } from '../query/infra/hosts-list.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface HostParams {
  readonly Params: { readonly host: string };
}

/** Infrastructure: the hosts list and one host's charts and services. */
export function registerInfraRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { store, query: limits } = deps;

  app.get('/api/v1/infra/hosts', async (request) => {
    const { start, end } = parseRequest(infraHostsQuerySchema, request.query);
    const hosts = await listHosts(store, limits, {
      startNs: start,
      endNs: end,
    });
    return checkResponse(infraHostsResponseSchema, { hosts });
  });

  app.get<HostParams>('/api/v1/infra/hosts/:host', async (request) => {
    const { start, end, step } = parseRequest(infraHostDetailQuerySchema, request.query);
    const detail = await hostDetail(store, limits, {
      range: { startNs: start, endNs: end },
      host: request.params.host,
      stepSeconds: step,
    });
    return checkResponse(infraHostDetailResponseSchema, detail);
  });
}
