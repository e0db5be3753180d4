/** An `apm_db_calls` panel's rows: the DB calls of one db system across services, from the service map and each service's dependencies. Pure. */

import type { ApmDependenciesResponse, ApmServiceMapResponse } from '@sightline/contract';
import { compareText } from '../apm/table-sort.ts';

/** The services with an edge to a database node of `system` (`database:<system>/<name>`), sorted by name. */
export function servicesCalling(map: ApmServiceMapResponse, system: string): string[] {
  const databases = new Set(map.nodes.filter((n) => n.kind === 'database' && n.system === system).map((n) => n.id));
  const services = new Map(map.nodes.filter((n) => n.kind === 'service').map((n) => [n.id, n.name]));
  const callers = new Set<string>();
  for (const edge of map.edges) {
    const service = services.get(edge.source);
    if (service !== undefined && databases.has(edge.target)) callers.add(service);
  }
  return [...callers].sort(compareText);
}

export interface DbCallRow {
  readonly service: string;
  /** The database name (namespace). */
  readonly target: string;
  readonly operation: string;
  readonly calls: number;
  readonly rate: number;
  readonly errorRate: number;
  readonly avgMs: number | null;
  readonly p99Ms: number | null;
}

/** The db dependencies of `system` in the services' answers, most calls first. */
export function dbCallRows(responses: readonly ApmDependenciesResponse[], system: string): DbCallRow[] {
  const rows: DbCallRow[] = [];
  for (const response of responses) {
    for (const d of response.dependencies) {
      if (d.type !== 'db' || d.system !== system) continue;
      rows.push({
        service: response.service,
        target: d.target,
        operation: d.operation,
        calls: d.calls,
        rate: d.rate,
        errorRate: d.errorRate,
        avgMs: d.avgMs,
        p99Ms: d.p99Ms,
      });
    }
  }
  return rows.sort(
    (a, b) => b.calls - a.calls || compareText(a.service, b.service) || compareText(a.target, b.target) || compareText(a.operation, b.operation),
  );
}

export const DB_CALL_COLUMNS = ['service', 'target', 'operation', 'rate', 'errorRate', 'avg', 'p99'] as const;
export type DbCallColumn = (typeof DB_CALL_COLUMNS)[number];

/** At most this many services are asked for their calls (the busiest panels stay bounded). */
export const MAX_DB_CALL_SERVICES = 20;
