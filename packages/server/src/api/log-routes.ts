import {
  logContextQuerySchema,
  logContextResponseSchema,
  logHistogramRequestSchema,
  logHistogramResponseSchema,
  logSearchRequestSchema,
  logSearchResponseSchema,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { logContext } from '../query/logs/log-context.ts';
import { logHistogram } from '../query/logs/log-histogram.ts';
import { searchLogs } from '../query/logs/search-logs.ts';
import type { ApiDeps } from './api-deps.ts';
import { registerLogTailRoute } from './log-tail-route.ts';
import { checkResponse, parseRequest } from './validation.ts';

export function registerLogRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.post('/api/v1/logs/search', async (request) => {
    const { start, end, ...filters } = parseRequest(logSearchRequestSchema, request.body);
    const result = await searchLogs(deps.store, deps.query, { ...filters, startNs: start, endNs: end });
    return checkResponse(logSearchResponseSchema, result);
  });

  app.post('/api/v1/logs/histogram', async (request) => {
    const { start, end, ...rest } = parseRequest(logHistogramRequestSchema, request.body);
    const result = await logHistogram(deps.store, deps.query, { ...rest, startNs: start, endNs: end });
    return checkResponse(logHistogramResponseSchema, result);
  });

  app.get('/api/v1/logs/context', async (request) => {
    const { id, timestampUnixNano, before, after } = parseRequest(logContextQuerySchema, request.query);
    const result = await logContext(deps.store, deps.query, { id, timestampNs: BigInt(timestampUnixNano), before, after });
    return checkResponse(logContextResponseSchema, result);
  });

  registerLogTailRoute(app, deps);
}
