import { retentionResponseSchema, retentionUpdateSchema, type RetentionResponse } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { settingsVersionClock } from '../query/apm/apdex-settings.ts';
import { RETENTION_PRECEDENCE } from '../query/retention/effective-retention.ts';
import { changeRetention, readRetentionState, type RetentionState } from '../query/retention/retention-control.ts';
import { DEFAULT_RETENTION, type Retention } from '../storage/schema/retention.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

export interface RetentionRouteDeps {
  /** The configured retention (config file or defaults); a runtime setting made here wins over it. */
  readonly retention?: Retention;
}

function toResponse(state: RetentionState): RetentionResponse {
  const change = state.lastChange;
  return checkResponse(retentionResponseSchema, {
    ...state.signals,
    precedence: RETENTION_PRECEDENCE,
    lastChange: change === null ? null : { ...change, retention: { ...change.retention }, tablesChanged: [...change.tablesChanged] },
    expiryPendingTables: [...state.expiryPendingTables],
  });
}

/**
 * Retention per signal: read it (with where each value comes from and the last change), and change it
 * at runtime. PUT answers 200 once the setting is stored; `lastChange.state` says whether the tables took it.
 */
export function registerAdminRetentionRoutes(app: FastifyInstance, deps: ApiDeps & RetentionRouteDeps): void {
  const { store } = deps;
  const config = deps.retention ?? DEFAULT_RETENTION;
  const nextVersion = settingsVersionClock();
  // One change at a time: each reads the stored settings the previous one wrote.
  let queue: Promise<unknown> = Promise.resolve();

  app.get('/api/v1/admin/retention', async () => toResponse(await readRetentionState(store, config)));

  app.put('/api/v1/admin/retention', async (request) => {
    const body = parseRequest(retentionUpdateSchema, request.body);
    const change = { traces: body.tracesDays, logs: body.logsDays, metrics: body.metricsDays };
    const next = queue.then(() => changeRetention(store, config, change, nextVersion));
    queue = next.catch(() => undefined);
    return toResponse(await next);
  });
}
