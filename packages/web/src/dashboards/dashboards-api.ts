/** The dashboard endpoints (list, read, create, replace, delete, clone, one panel's data) and variable values. */

import {
  dashboardListResponseSchema,
  dashboardSchema,
  labelValuesResponseSchema,
  panelQueryResponseSchema,
  type Dashboard,
  type DashboardDefinitionInput,
  type DashboardListResponse,
  type Panel,
  type PanelQueryResponse,
} from '@sightline/contract';
import { requestEmpty, requestJson } from '../api/http-client.ts';

const DASHBOARDS_PATH = 'api/v1/dashboards';
const dashboardPath = (id: string): string => `${DASHBOARDS_PATH}/${encodeURIComponent(id)}`;

export interface DashboardScope {
  readonly startMs: number;
  readonly endMs: number;
}

export function listDashboards(signal?: AbortSignal): Promise<DashboardListResponse> {
  return requestJson(DASHBOARDS_PATH, dashboardListResponseSchema, { signal });
}

export function getDashboard(id: string, signal?: AbortSignal): Promise<Dashboard> {
  return requestJson(dashboardPath(id), dashboardSchema, { signal });
}

export function createDashboard(definition: DashboardDefinitionInput): Promise<Dashboard> {
  return requestJson(DASHBOARDS_PATH, dashboardSchema, { method: 'POST', body: definition });
}

export function updateDashboard(id: string, definition: DashboardDefinitionInput): Promise<Dashboard> {
  return requestJson(dashboardPath(id), dashboardSchema, { method: 'PUT', body: definition });
}

export function deleteDashboard(id: string): Promise<void> {
  return requestEmpty(dashboardPath(id), { method: 'DELETE' });
}

/** A stored, editable copy of a dashboard (built-in or not). */
export function cloneDashboard(id: string, title?: string): Promise<Dashboard> {
  return requestJson(`${dashboardPath(id)}/clone`, dashboardSchema, { method: 'POST', body: title === undefined ? {} : { title } });
}

export function queryPanel(
  panel: Panel,
  scope: DashboardScope,
  variables: Readonly<Record<string, string>>,
  stepSeconds: number | undefined,
  signal?: AbortSignal,
): Promise<PanelQueryResponse> {
  const body = { panel, start: scope.startMs, end: scope.endMs, variables, ...(stepSeconds === undefined ? {} : { stepSeconds }) };
  return requestJson(`${DASHBOARDS_PATH}/panels/query`, panelQueryResponseSchema, { method: 'POST', body, signal });
}

/** The values of one label among a metric's series in the range (a variable's choices). */
export function labelValues(labelKey: string, metric: string, scope: DashboardScope, signal?: AbortSignal): Promise<readonly string[]> {
  return requestJson(`api/v1/metrics/labels/${encodeURIComponent(labelKey)}/values`, labelValuesResponseSchema, {
    query: { metric, start: scope.startMs, end: scope.endMs },
    signal,
  }).then((body) => body.values);
}
