/** The Prometheus scrape target endpoints: list with health, add a runtime target, remove one. */

import {
  prometheusTargetSchema,
  prometheusTargetsResponseSchema,
  type PrometheusTarget,
  type PrometheusTargetCreate,
  type PrometheusTargetsResponse,
} from '@sightline/contract';
import { requestEmpty, requestJson } from '../api/http-client.ts';

const TARGETS_PATH = 'api/v1/prometheus/targets';

export function listTargets(signal?: AbortSignal): Promise<PrometheusTargetsResponse> {
  return requestJson(TARGETS_PATH, prometheusTargetsResponseSchema, { signal });
}

export function addTarget(body: PrometheusTargetCreate): Promise<PrometheusTarget> {
  return requestJson(TARGETS_PATH, prometheusTargetSchema, { method: 'POST', body });
}

/** DELETE answers 204 without a body. */
export function removeTarget(id: string): Promise<void> {
  return requestEmpty(`${TARGETS_PATH}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
