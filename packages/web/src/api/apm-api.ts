/** The APM endpoints: services, their charts, operations, dependencies, instances, errors, the map and exceptions. */

import {
  apmApdexSettingsResponseSchema,
  apmDbStatementsResponseSchema,
  apmDependenciesResponseSchema,
  apmExceptionsResponseSchema,
  apmInstancesResponseSchema,
  apmOperationsResponseSchema,
  apmRecentErrorsResponseSchema,
  apmServiceMapResponseSchema,
  apmServiceSeriesResponseSchema,
  apmServicesResponseSchema,
} from '@sightline/contract';
import type {
  ApmApdexSettingsResponse,
  ApmApdexUpdate,
  ApmDbStatementsResponse,
  ApmDependenciesResponse,
  ApmExceptionsResponse,
  ApmInstancesResponse,
  ApmOperationsResponse,
  ApmRecentErrorsResponse,
  ApmServiceMapResponse,
  ApmServiceSeriesResponse,
  ApmServicesResponse,
  DependencyType,
} from '@sightline/contract';
import { requestJson, type QueryValue } from './http-client.ts';

/** What every APM read takes: the range in unix ms and optionally one deployment environment. */
export interface ApmScope {
  readonly startMs: number;
  readonly endMs: number;
  /** '' for all environments. */
  readonly environment: string;
}

type Query = Readonly<Record<string, QueryValue>>;

function scopeQuery(scope: ApmScope, extra: Query = {}): Query {
  return { start: scope.startMs, end: scope.endMs, environment: scope.environment === '' ? undefined : scope.environment, ...extra };
}

const servicePath = (service: string, rest: string): string => `api/v1/apm/services/${encodeURIComponent(service)}/${rest}`;

export function listApmServices(scope: ApmScope, signal?: AbortSignal): Promise<ApmServicesResponse> {
  return requestJson('api/v1/apm/services', apmServicesResponseSchema, { query: scopeQuery(scope), signal });
}

export interface SeriesOptions {
  /** One operation's spans instead of the service's requests. */
  readonly operation?: string | undefined;
  /** Wished step in seconds (the server rounds it). */
  readonly stepSeconds?: number | undefined;
}

export function serviceSeries(service: string, scope: ApmScope, options: SeriesOptions, signal?: AbortSignal): Promise<ApmServiceSeriesResponse> {
  const query = scopeQuery(scope, { operation: options.operation === '' ? undefined : options.operation, step: options.stepSeconds });
  return requestJson(servicePath(service, 'series'), apmServiceSeriesResponseSchema, { query, signal });
}

export function serviceOperations(service: string, scope: ApmScope, signal?: AbortSignal): Promise<ApmOperationsResponse> {
  return requestJson(servicePath(service, 'operations'), apmOperationsResponseSchema, { query: scopeQuery(scope), signal });
}

export function serviceInstances(service: string, scope: ApmScope, signal?: AbortSignal): Promise<ApmInstancesResponse> {
  return requestJson(servicePath(service, 'instances'), apmInstancesResponseSchema, { query: scopeQuery(scope), signal });
}

export function serviceRecentErrors(service: string, scope: ApmScope, limit: number, signal?: AbortSignal): Promise<ApmRecentErrorsResponse> {
  return requestJson(servicePath(service, 'errors'), apmRecentErrorsResponseSchema, { query: scopeQuery(scope, { limit }), signal });
}

export function serviceDependencies(service: string, type: DependencyType, scope: ApmScope, signal?: AbortSignal): Promise<ApmDependenciesResponse> {
  return requestJson(servicePath(service, 'dependencies'), apmDependenciesResponseSchema, { query: scopeQuery(scope, { type }), signal });
}

export function serviceDbStatements(service: string, scope: ApmScope, limit: number, signal?: AbortSignal): Promise<ApmDbStatementsResponse> {
  return requestJson(servicePath(service, 'db-statements'), apmDbStatementsResponseSchema, { query: scopeQuery(scope, { limit }), signal });
}

export function serviceMap(scope: ApmScope, signal?: AbortSignal): Promise<ApmServiceMapResponse> {
  return requestJson('api/v1/apm/service-map', apmServiceMapResponseSchema, { query: scopeQuery(scope), signal });
}

export function listExceptions(scope: ApmScope, service: string, signal?: AbortSignal): Promise<ApmExceptionsResponse> {
  const query = scopeQuery(scope, { service: service === '' ? undefined : service });
  return requestJson('api/v1/apm/exceptions', apmExceptionsResponseSchema, { query, signal });
}

export function apdexSettings(signal?: AbortSignal): Promise<ApmApdexSettingsResponse> {
  return requestJson('api/v1/apm/apdex', apmApdexSettingsResponseSchema, { signal });
}

/** Sets the service's apdex threshold (`null` returns it to the default); answers the settings as they now are. */
export function setApdexThreshold(service: string, thresholdMs: number | null): Promise<ApmApdexSettingsResponse> {
  const body: ApmApdexUpdate = { thresholdMs };
  return requestJson(servicePath(service, 'apdex'), apmApdexSettingsResponseSchema, { method: 'PUT', body });
}
