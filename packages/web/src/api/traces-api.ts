import { traceResponseSchema, traceScatterResponseSchema, traceSearchResponseSchema } from '@sightline/contract';
import type { TraceResponse, TraceScatterRequest, TraceScatterResponse, TraceSearchRequest, TraceSearchResponse } from '@sightline/contract';
import { requestJson } from './http-client.ts';

export function searchTraces(request: TraceSearchRequest, signal?: AbortSignal): Promise<TraceSearchResponse> {
  return requestJson('api/v1/traces/search', traceSearchResponseSchema, { method: 'POST', body: request, signal });
}

/** The scatter takes the search filters without paging and order. */
export function traceScatter(request: TraceSearchRequest, signal?: AbortSignal): Promise<TraceScatterResponse> {
  const { cursor: _cursor, sort: _sort, order: _order, limit: _limit, ...filters } = request;
  const body: TraceScatterRequest = filters;
  return requestJson('api/v1/traces/scatter', traceScatterResponseSchema, { method: 'POST', body, signal });
}

export function getTrace(traceId: string, signal?: AbortSignal): Promise<TraceResponse> {
  return requestJson(`api/v1/traces/${encodeURIComponent(traceId)}`, traceResponseSchema, { signal });
}
