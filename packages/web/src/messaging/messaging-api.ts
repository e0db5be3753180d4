/** The messaging endpoints: destinations of every messaging system, one destination, onboarding hints. */

import {
  messagingDestinationResponseSchema,
  messagingDestinationsResponseSchema,
  messagingHintsResponseSchema,
  type MessagingDestinationResponse,
  type MessagingDestinationsResponse,
  type MessagingHintsResponse,
} from '@sightline/contract';
import type { ApmScope } from '../api/apm-api.ts';
import { requestJson, type QueryValue } from '../api/http-client.ts';

function scopeQuery(scope: ApmScope, extra: Readonly<Record<string, QueryValue>> = {}): Readonly<Record<string, QueryValue>> {
  return { start: scope.startMs, end: scope.endMs, environment: scope.environment === '' ? undefined : scope.environment, ...extra };
}

export function listDestinations(scope: ApmScope, signal?: AbortSignal): Promise<MessagingDestinationsResponse> {
  return requestJson('api/v1/messaging/destinations', messagingDestinationsResponseSchema, { query: scopeQuery(scope), signal });
}

export function getDestination(system: string, destination: string, scope: ApmScope, signal?: AbortSignal): Promise<MessagingDestinationResponse> {
  const path = `api/v1/messaging/destinations/${encodeURIComponent(system)}/${encodeURIComponent(destination)}`;
  return requestJson(path, messagingDestinationResponseSchema, { query: scopeQuery(scope), signal });
}

export function messagingHints(scope: ApmScope, signal?: AbortSignal): Promise<MessagingHintsResponse> {
  return requestJson('api/v1/messaging/hints', messagingHintsResponseSchema, { query: scopeQuery(scope), signal });
}
