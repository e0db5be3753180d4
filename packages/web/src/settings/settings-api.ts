/** The retention endpoints: read retention per signal, change it at runtime. */

import { retentionResponseSchema, type RetentionResponse, type RetentionUpdate } from '@sightline/contract';
import { requestJson } from '../api/http-client.ts';

const RETENTION_PATH = 'api/v1/admin/retention';

export function getRetention(signal?: AbortSignal): Promise<RetentionResponse> {
  return requestJson(RETENTION_PATH, retentionResponseSchema, { signal });
}

export function putRetention(body: RetentionUpdate): Promise<RetentionResponse> {
  return requestJson(RETENTION_PATH, retentionResponseSchema, { method: 'PUT', body });
}
