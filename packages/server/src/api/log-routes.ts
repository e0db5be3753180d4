import { logSearchRequestSchema, logSearchResponseSchema } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { searchLogs } from '../query/logs/search-logs.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

export function registerLogRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.post('/api/v1/logs/search', async (request) => {
    const { start, end, ...filters } = parseRequest(logSearchRequestSchema, request.body);
    const result = await searchLogs(deps.store, deps.query, { ...filters, startNs: start, endNs: end });
    return checkResponse(logSearchResponseSchema, result);
  });
}
