import {
  messagingDestinationQuerySchema,
  messagingDestinationResponseSchema,
  messagingDestinationsQuerySchema,
  messagingDestinationsResponseSchema,
  messagingHintsQuerySchema,
  messagingHintsResponseSchema,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { minuteRange } from '../query/apm/apm-range.ts';
import { destinationDetail } from '../query/messaging/messaging-destination.ts';
import { listDestinations } from '../query/messaging/messaging-destinations.ts';
import { messagingHints } from '../query/messaging/messaging-hints.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface DestinationParams {
  readonly Params: { readonly system: string; readonly destination: string };
}

/** Messaging: destinations (topics, queues) of every messaging system, one destination, onboarding hints. */
export function registerMessagingRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { store, query: limits } = deps;

  app.get('/api/v1/messaging/destinations', async (request) => {
    const { start, end, system, environment } = parseRequest(messagingDestinationsQuerySchema, request.query);
    const body = await listDestinations(store, limits, { range: minuteRange({ startNs: start, endNs: end }), system, environment });
    return checkResponse(messagingDestinationsResponseSchema, body);
  });

  app.get<DestinationParams>('/api/v1/messaging/destinations/:system/:destination', async (request) => {
    const { start, end, environment, step } = parseRequest(messagingDestinationQuerySchema, request.query);
    const { system, destination } = request.params;
    const body = await destinationDetail(store, limits, { range: minuteRange({ startNs: start, endNs: end }), system, destination, environment, stepSeconds: step });
    return checkResponse(messagingDestinationResponseSchema, body);
  });

  app.get('/api/v1/messaging/hints', async (request) => {
    const { start, end, system, environment } = parseRequest(messagingHintsQuerySchema, request.query);
    return checkResponse(messagingHintsResponseSchema, await messagingHints(store, limits, { range: { startNs: start, endNs: end }, system, environment }));
  });
}
