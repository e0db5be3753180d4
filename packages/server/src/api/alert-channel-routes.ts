import { randomUUID } from 'node:crypto';
import {
  channelListResponseSchema,
  channelSchema,
  channelTestResponseSchema,
  channelWriteSchema,
  deliveryListResponseSchema,
  type Channel,
  type ChannelDefinition,
  type Delivery,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCodes } from '../errors.ts';
import { alertDefinitions } from '../query/alerts/definitions/alert-definitions.ts';
import type { StoredDefinition } from '../query/alerts/definitions/definition-table.ts';
import type { AlertsControl, ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface IdParams {
  readonly Params: { readonly id: string };
}

/** Deliveries listed per channel. */
const DELIVERY_PAGE = 200;

function toChannel(stored: StoredDefinition<ChannelDefinition>, lastDelivery: Delivery | undefined): Channel {
  return { ...stored.definition, id: stored.id, updatedMs: stored.updatedMs, lastDelivery: lastDelivery ?? null };
}

/** Notification channels (CRUD), their delivery attempts, and test notifications. */
export function registerAlertChannelRoutes(app: FastifyInstance, deps: ApiDeps, alerts: AlertsControl): void {
  const definitions = alertDefinitions(deps.store, deps.query);

  async function find(id: string): Promise<StoredDefinition<ChannelDefinition>> {
    const stored = await definitions.channels.get(id);
    if (stored === undefined) throw new AppError(ErrorCodes.NOT_FOUND, `no notification channel with id ${id}`);
    return stored;
  }

  async function withLastDelivery(stored: StoredDefinition<ChannelDefinition>): Promise<Channel> {
    const [last] = await definitions.deliveries.forChannel(stored.id, 1);
    return checkResponse(channelSchema, toChannel(stored, last));
  }

  app.get('/api/v1/alerts/channels', async () => {
    const latest = await definitions.deliveries.latestByChannel();
    const channels = (await definitions.channels.list())
      .map((stored) => toChannel(stored, latest.get(stored.id)))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return checkResponse(channelListResponseSchema, { channels });
  });

  app.get<IdParams>('/api/v1/alerts/channels/:id', async (request) => withLastDelivery(await find(request.params.id)));

  app.post('/api/v1/alerts/channels', async (request, reply) => {
    const definition = parseRequest(channelWriteSchema, request.body);
    const stored = await definitions.channels.write(randomUUID(), definition);
    return reply.status(201).send(checkResponse(channelSchema, toChannel(stored, undefined)));
  });

  app.put<IdParams>('/api/v1/alerts/channels/:id', async (request) => {
    const definition = parseRequest(channelWriteSchema, request.body);
    const existing = await find(request.params.id);
    return withLastDelivery(await definitions.channels.write(existing.id, definition));
  });

  app.delete<IdParams>('/api/v1/alerts/channels/:id', async (request, reply) => {
    const existing = await find(request.params.id);
    const users = (await definitions.rules.list()).filter((rule) => rule.definition.notify.channels.includes(existing.id));
    if (users.length > 0) {
      const names = users.map((rule) => `"${rule.definition.name}"`).join(', ');
      throw new AppError(ErrorCodes.CONFLICT, `channel ${existing.definition.name} is used by the alert rules ${names}; remove it from them first`);
    }
    await definitions.channels.delete(existing.id);
    return reply.status(204).send();
  });

  app.get<IdParams>('/api/v1/alerts/channels/:id/deliveries', async (request) => {
    const existing = await find(request.params.id);
    return checkResponse(deliveryListResponseSchema, { deliveries: await definitions.deliveries.forChannel(existing.id, DELIVERY_PAGE) });
  });

  app.post<IdParams>('/api/v1/alerts/channels/:id/test', async (request) => {
    const existing = await find(request.params.id);
    return checkResponse(channelTestResponseSchema, await alerts.sendTest({ id: existing.id, definition: existing.definition }));
  });

  // Registered after `/:id/test`; Fastify prefers the static segment, so `test` is never taken for an id here.
  app.post('/api/v1/alerts/channels/test', async (request) => {
    const definition = parseRequest(channelWriteSchema, request.body);
    return checkResponse(channelTestResponseSchema, await alerts.sendTest({ id: '', definition }));
  });
}
