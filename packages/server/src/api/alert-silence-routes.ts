import { randomUUID } from 'node:crypto';
import { silenceListResponseSchema, silenceSchema, silenceWriteSchema, type Silence, type SilenceDefinition } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCodes } from '../errors.ts';
import { alertDefinitions } from '../query/alerts/definitions/alert-definitions.ts';
import type { StoredDefinition } from '../query/alerts/definitions/definition-table.ts';
import type { AlertsControl, ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface IdParams {
  readonly Params: { readonly id: string };
}

const STATUS_ORDER = { active: 0, scheduled: 1, expired: 2 } as const;

/** Silences and planned downtime (one-off and recurring windows). */
export function registerAlertSilenceRoutes(app: FastifyInstance, deps: ApiDeps, alerts: AlertsControl): void {
  const definitions = alertDefinitions(deps.store, deps.query);

  function toSilence(stored: StoredDefinition<SilenceDefinition>, nowMs: number): Silence {
    const state = alerts.silenceState(stored.definition, nowMs);
    return { id: stored.id, definition: stored.definition, updatedMs: stored.updatedMs, active: state.status === 'active', status: state.status, nextStartMs: state.nextStartMs };
  }

  async function find(id: string): Promise<StoredDefinition<SilenceDefinition>> {
    const stored = await definitions.silences.get(id);
    if (stored === undefined) throw new AppError(ErrorCodes.NOT_FOUND, `no silence with id ${id}`);
    return stored;
  }

  async function parseSilence(body: unknown): Promise<SilenceDefinition> {
    const definition = parseRequest(silenceWriteSchema, body);
    const problem = alerts.validateSilence(definition);
    if (problem !== undefined) throw new AppError(ErrorCodes.QUERY_INVALID, problem);
    if (definition.ruleId !== undefined && (await definitions.rules.get(definition.ruleId)) === undefined) {
      throw new AppError(ErrorCodes.QUERY_INVALID, `ruleId: no alert rule with id ${definition.ruleId}`);
    }
    return definition;
  }

  app.get('/api/v1/alerts/silences', async () => {
    const nowMs = Date.now();
    const silences = (await definitions.silences.list())
      .map((stored) => toSilence(stored, nowMs))
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.updatedMs - a.updatedMs);
    return checkResponse(silenceListResponseSchema, { silences });
  });

  app.post('/api/v1/alerts/silences', async (request, reply) => {
    const definition = await parseSilence(request.body);
    const stored = await definitions.silences.write(randomUUID(), definition);
    return reply.status(201).send(checkResponse(silenceSchema, toSilence(stored, Date.now())));
  });

  app.put<IdParams>('/api/v1/alerts/silences/:id', async (request) => {
    const existing = await find(request.params.id);
    const definition = await parseSilence(request.body);
    return checkResponse(silenceSchema, toSilence(await definitions.silences.write(existing.id, definition), Date.now()));
  });

  app.delete<IdParams>('/api/v1/alerts/silences/:id', async (request, reply) => {
    const existing = await find(request.params.id);
    await definitions.silences.delete(existing.id);
    return reply.status(204).send();
  });
}
