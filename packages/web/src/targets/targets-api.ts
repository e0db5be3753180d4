/** The Prometheus scrape target endpoints: list with health, add a runtime target, remove one. */

import {
  errorResponseSchema,
  prometheusTargetSchema,
  prometheusTargetsResponseSchema,
  type PrometheusTarget,
  type PrometheusTargetCreate,
  type PrometheusTargetsResponse,
} from '@sightline/contract';
import { ApiError } from '../api/api-error.ts';
import { apiUrl, requestJson } from '../api/http-client.ts';

const TARGETS_PATH = 'api/v1/prometheus/targets';

export function listTargets(signal?: AbortSignal): Promise<PrometheusTargetsResponse> {
  return requestJson(TARGETS_PATH, prometheusTargetsResponseSchema, { signal });
}

export function addTarget(body: PrometheusTargetCreate): Promise<PrometheusTarget> {
  return requestJson(TARGETS_PATH, prometheusTargetSchema, { method: 'POST', body });
}

/** DELETE answers 204 without a body, which `requestJson` does not cover. */
export async function removeTarget(id: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`${TARGETS_PATH}/${encodeURIComponent(id)}`), { method: 'DELETE', headers: { accept: 'application/json' } });
  } catch (error) {
    throw new ApiError('NETWORK', `Could not reach the Sightline server (${error instanceof Error ? error.message : String(error)}).`, 0);
  }
  if (response.ok) return;
  const text = await response.text().catch(() => '');
  let parsed: ReturnType<typeof errorResponseSchema.safeParse> | undefined;
  try {
    parsed = errorResponseSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (parsed?.success === true) throw new ApiError(parsed.data.error.code, parsed.data.error.message, response.status);
  throw new ApiError(`HTTP_${response.status}`, `${response.status} ${response.statusText}`, response.status);
}
