import { logContextResponseSchema, logHistogramResponseSchema, logSearchResponseSchema } from '@sightline/contract';
import type { LogContextResponse, LogHistogramRequest, LogHistogramResponse, LogSearchRequest, LogSearchResponse } from '@sightline/contract';
import { requestJson } from './http-client.ts';

export function searchLogs(request: LogSearchRequest, signal?: AbortSignal): Promise<LogSearchResponse> {
  return requestJson('api/v1/logs/search', logSearchResponseSchema, { method: 'POST', body: request, signal });
}

export function logHistogram(request: LogHistogramRequest, signal?: AbortSignal): Promise<LogHistogramResponse> {
  return requestJson('api/v1/logs/histogram', logHistogramResponseSchema, { method: 'POST', body: request, signal });
}

export interface LogContextRequest {
  readonly id: string;
  readonly timestampUnixNano: string;
  readonly before?: number;
  readonly after?: number;
}

export function logContext(request: LogContextRequest, signal?: AbortSignal): Promise<LogContextResponse> {
  return requestJson('api/v1/logs/context', logContextResponseSchema, {
    query: { id: request.id, timestampUnixNano: request.timestampUnixNano, before: request.before, after: request.after },
    signal,
  });
}
