import assert from 'node:assert/strict';
import { panelQueryResponseSchema, type Panel, type PanelQueryResponse } from '@sightline/contract';
import type { ServerProcess } from './server-process.ts';

/** `POST /api/v1/dashboards/panels/query` on a running server; must answer 200. */
export async function queryPanelOn(
  server: ServerProcess,
  request: { panel: Panel; start: number; end: number; stepSeconds?: number; variables?: Record<string, string> },
): Promise<PanelQueryResponse> {
  const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1/dashboards/panels/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json();
  assert.equal(response.status, 200, `${request.panel.id}: ${JSON.stringify(body)}`);
  return panelQueryResponseSchema.parse(body);
}

/** At least one series with at least one point. */
export function hasData(result: PanelQueryResponse): boolean {
  return result.series.some((series) => series.points.length > 0);
}

/** The metrics a panel's queries read. */
export function panelMetrics(panel: Panel): string[] {
  return [...new Set(panel.queries.map((query) => query.metric))];
}
