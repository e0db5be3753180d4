/** The infrastructure endpoints: the hosts list and one host's detail. */

import { infraHostDetailResponseSchema, infraHostsResponseSchema, type InfraHostDetailResponse, type InfraHostsResponse } from '@sightline/contract';
import { requestJson } from '../api/http-client.ts';

export interface HostsScope {
  readonly startMs: number;
  readonly endMs: number;
}

export function listHosts(scope: HostsScope, signal?: AbortSignal): Promise<InfraHostsResponse> {
  return requestJson('api/v1/infra/hosts', infraHostsResponseSchema, { query: { start: scope.startMs, end: scope.endMs }, signal });
}

export function hostDetail(host: string, scope: HostsScope, stepSeconds: number, signal?: AbortSignal): Promise<InfraHostDetailResponse> {
  return requestJson(`api/v1/infra/hosts/${encodeURIComponent(host)}`, infraHostDetailResponseSchema, {
    query: { start: scope.startMs, end: scope.endMs, step: stepSeconds },
    signal,
  });
}
