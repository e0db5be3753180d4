import {
  spanSearchQuerySchema,
  spanSearchRequestSchema,
  spanSearchResponseSchema,
  traceParamsSchema,
  traceQuerySchema,
  traceResponseSchema,
  traceScatterRequestSchema,
  traceScatterResponseSchema,
  traceSearchRequestSchema,
  traceSearchResponseSchema,
  type SpanSearchParams as SpanSearchRequestParams,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { getTrace } from '../query/traces/get-trace.ts';
import { searchSpans } from '../query/traces/search-spans.ts';
import { searchTraces, traceScatter } from '../query/traces/search-traces.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

function spanSearch(deps: ApiDeps, request: SpanSearchRequestParams) {
  const { start, end, ...filters } = request;
  return searchSpans(deps.store, deps.query, { ...filters, startNs: start, endNs: end });
}

export function registerTraceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/api/v1/traces/:traceId', async (request) => {
    const { traceId } = parseRequest(traceParamsSchema, request.params);
    const { start, end } = parseRequest(traceQuerySchema, request.query);
    const range = start !== undefined && end !== undefined ? { startNs: start, endNs: end } : undefined;
    return checkResponse(traceResponseSchema, await getTrace(deps.store, deps.query, traceId, range));
  });

  app.get('/api/v1/spans/search', async (request) => {
    const params = parseRequest(spanSearchQuerySchema, request.query);
    return checkResponse(spanSearchResponseSchema, await spanSearch(deps, params));
  });

  app.post('/api/v1/spans/search', async (request) => {
    const params = parseRequest(spanSearchRequestSchema, request.body);
    return checkResponse(spanSearchResponseSchema, await spanSearch(deps, params));
  });

  app.post('/api/v1/traces/search', async (request) => {
    const { start, end, ...rest } = parseRequest(traceSearchRequestSchema, request.body);
    return checkResponse(traceSearchResponseSchema, await searchTraces(deps.store, deps.query, { ...rest, startNs: start, endNs: end }));
  });

  app.post('/api/v1/traces/scatter', async (request) => {
    const { start, end, ...rest } = parseRequest(traceScatterRequestSchema, request.body);
    return checkResponse(traceScatterResponseSchema, await traceScatter(deps.store, deps.query, { ...rest, startNs: start, endNs: end }));
  });
}
