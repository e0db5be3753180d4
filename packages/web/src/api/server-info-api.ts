import { serverInfoResponseSchema, type ServerInfoResponse } from '@sightline/contract';
import { requestJson } from './http-client.ts';

/** The ports this server receives OTLP on, for setup instructions. */
export function getServerInfo(abort?: AbortSignal): Promise<ServerInfoResponse> {
  return requestJson('api/v1/server-info', serverInfoResponseSchema, { signal: abort });
}
