/** The settings endpoints: read retention per signal and change it at runtime; read the storage use. */

import {
  adminStorageResponseSchema,
  retentionResponseSchema,
  type AdminStorageResponse,
  type RetentionResponse,
  type RetentionUpdate,
} from '@sightline/contract';
import { requestJson } from '../api/http-client.ts';

const RETENTION_PATH = 'api/v1/admin/retention';

export function getRetention(signal?: AbortSignal): Promise<RetentionResponse> {
  return requestJson(RETENTION_PATH, retentionResponseSchema, { signal });
}

export function putRetention(body: RetentionUpdate): Promise<RetentionResponse> {
  return requestJson(RETENTION_PATH, retentionResponseSchema, { method: 'PUT', body });
}

/** Bytes per table grouped by signal, the data volume and the watermark state. */
export function getStorage(signal?: AbortSignal): Promise<AdminStorageResponse> {
  return requestJson('api/v1/admin/storage', adminStorageResponseSchema, { signal });
}
