import { randomUUID } from 'node:crypto';
import {
  dashboardCloneSchema,
  dashboardDefinitionSchema,
  dashboardListResponseSchema,
  dashboardSchema,
  dashboardWriteSchema,
  panelQueryRequestSchema,
  panelQueryResponseSchema,
  type Dashboard,
  type DashboardDefinition,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { BUILTIN_DASHBOARDS } from '../dashboards/builtin-dashboards.ts';
import { AppError, ErrorCodes } from '../errors.ts';
import { settingsVersionClock } from '../query/apm/apdex-settings.ts';
import { checkDefinition } from '../query/dashboards/check-definition.ts';
import { deleteDashboard, readDashboard, readDashboards, writeDashboard, type StoredDashboard } from '../query/dashboards/dashboard-store.ts';
import { queryPanel } from '../query/dashboards/panel-query.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface IdParams {
  readonly Params: { readonly id: string };
}

const MAX_TITLE = 200;
const COPY_SUFFIX = ' (copy)';

function copyTitle(title: string): string {
  return `${title.slice(0, MAX_TITLE - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
}

function fromStored(stored: StoredDashboard): Dashboard {
  return { ...stored.definition, id: stored.id, builtin: false, updatedMs: stored.updatedMs };
}

function builtinConflict(id: string, action: string): AppError {
  return new AppError(ErrorCodes.CONFLICT, `dashboard ${id} is built in and cannot be ${action}; clone it first`);
}

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `no dashboard with id ${id}`);
}

/** Dashboards: built-in (read-only, shipped as code) and stored ones (CRUD, clone), and panel evaluation. */
export function registerDashboardRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { store, query: limits } = deps;
  const nextVersion = settingsVersionClock();
  const builtins = new Map<string, Dashboard>(
    BUILTIN_DASHBOARDS.map(({ id, definition }) => [id, { ...dashboardDefinitionSchema.parse(definition), id, builtin: true, updatedMs: 0 }]),
  );

  async function find(id: string): Promise<Dashboard> {
    const builtin = builtins.get(id);
    if (builtin !== undefined) return builtin;
    const stored = await readDashboard(store, limits, id);
    if (stored === undefined) throw notFound(id);
    return fromStored(stored);
  }

  async function save(id: string, definition: DashboardDefinition): Promise<Dashboard> {
    checkDefinition(definition);
    const updatedMs = Date.now();
    await writeDashboard(store, id, definition, nextVersion(), updatedMs);
    return checkResponse(dashboardSchema, { ...definition, id, builtin: false, updatedMs });
  }

  app.get('/api/v1/dashboards', async () => {
    const stored = (await readDashboards(store, limits)).map(fromStored);
    const dashboards = [...builtins.values(), ...stored].map(({ panels, variables: _variables, ...summary }) => ({ ...summary, panelCount: panels.length }));
    return checkResponse(dashboardListResponseSchema, { dashboards });
  });

  app.get<IdParams>('/api/v1/dashboards/:id', async (request) => checkResponse(dashboardSchema, await find(request.params.id)));

  app.post('/api/v1/dashboards', async (request, reply) => {
    const definition = parseRequest(dashboardWriteSchema, request.body);
    return reply.status(201).send(await save(randomUUID(), definition));
  });

  app.put<IdParams>('/api/v1/dashboards/:id', async (request) => {
    const { id } = request.params;
    if (builtins.has(id)) throw builtinConflict(id, 'changed');
    const definition = parseRequest(dashboardWriteSchema, request.body);
    if ((await readDashboard(store, limits, id)) === undefined) throw notFound(id);
    return save(id, definition);
  });

  app.delete<IdParams>('/api/v1/dashboards/:id', async (request, reply) => {
    const { id } = request.params;
    if (builtins.has(id)) throw builtinConflict(id, 'deleted');
    if ((await readDashboard(store, limits, id)) === undefined) throw notFound(id);
    await deleteDashboard(store, id, nextVersion());
    return reply.status(204).send();
  });

  app.post<IdParams>('/api/v1/dashboards/:id/clone', async (request, reply) => {
    const { title } = parseRequest(dashboardCloneSchema, request.body ?? {});
    const { id: _id, builtin: _builtin, updatedMs: _updatedMs, ...definition } = await find(request.params.id);
    return reply.status(201).send(await save(randomUUID(), { ...definition, title: title ?? copyTitle(definition.title) }));
  });

  app.post('/api/v1/dashboards/panels/query', async (request) => {
    const { start, end, ...rest } = parseRequest(panelQueryRequestSchema, request.body);
    const result = await queryPanel(store, limits, { ...rest, startNs: start, endNs: end });
    return checkResponse(panelQueryResponseSchema, result);
  });
}
