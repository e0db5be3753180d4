import {
  apmApdexSettingsResponseSchema,
  apmApdexUpdateSchema,
  apmInstancesQuerySchema,
  apmInstancesResponseSchema,
  apmOperationsQuerySchema,
  apmOperationsResponseSchema,
  apmRecentErrorsQuerySchema,
  apmRecentErrorsResponseSchema,
  apmServiceSeriesQuerySchema,
  apmServiceSeriesResponseSchema,
  apmServicesQuerySchema,
  apmServicesResponseSchema,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { readApdexThresholds, settingsVersionClock, writeApdexThreshold } from '../query/apm/apdex-settings.ts';
import { minuteRange } from '../query/apm/apm-range.ts';
import { operationsTable } from '../query/apm/operations-table.ts';
import { overflowNotices } from '../query/apm/overflow-notices.ts';
import { recentErrors } from '../query/apm/recent-errors.ts';
import { serviceInstances } from '../query/apm/service-instances.ts';
import { serviceSeries } from '../query/apm/service-series.ts';
import { servicesTable } from '../query/apm/services-table.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface ServiceParams {
  readonly Params: { readonly service: string };
}

function rangeOf(query: { start: bigint; end: bigint; environment?: string | undefined }) {
  return { range: minuteRange({ startNs: query.start, endNs: query.end }), environment: query.environment };
}

/** APM: services table, service series, operations, instances, recent errors, apdex settings. */
export function registerApmServiceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { store, query: limits, apm } = deps;
  const nextVersion = settingsVersionClock();

  async function apdexSettings() {
    const services = Object.fromEntries(await readApdexThresholds(store, limits));
    return checkResponse(apmApdexSettingsResponseSchema, { defaultThresholdMs: apm.defaultApdexThresholdMs, services });
  }

  app.get('/api/v1/apm/services', async (request) => {
    const scope = rangeOf(parseRequest(apmServicesQuerySchema, request.query));
    return checkResponse(apmServicesResponseSchema, await servicesTable(store, limits, apm, scope));
  });

  app.get<ServiceParams>('/api/v1/apm/services/:service/series', async (request) => {
    const { operation, step, ...rest } = parseRequest(apmServiceSeriesQuerySchema, request.query);
    const series = await serviceSeries(store, limits, apm, { ...rangeOf(rest), service: request.params.service, operation, stepSeconds: step });
    return checkResponse(apmServiceSeriesResponseSchema, series);
  });

  app.get<ServiceParams>('/api/v1/apm/services/:service/operations', async (request) => {
    const scope = { ...rangeOf(parseRequest(apmOperationsQuerySchema, request.query)), service: request.params.service };
    const [operations, overflow] = await Promise.all([
      operationsTable(store, limits, { ...scope, limit: apm.maxOperationsPerService }),
      overflowNotices(store, limits, apm, scope),
    ]);
    return checkResponse(apmOperationsResponseSchema, { service: scope.service, operations, overflow });
  });

  app.get<ServiceParams>('/api/v1/apm/services/:service/instances', async (request) => {
    const scope = rangeOf(parseRequest(apmInstancesQuerySchema, request.query));
    const instances = await serviceInstances(store, limits, { ...scope, service: request.params.service });
    return checkResponse(apmInstancesResponseSchema, { instances });
  });

  app.get<ServiceParams>('/api/v1/apm/services/:service/errors', async (request) => {
    const { limit, ...rest } = parseRequest(apmRecentErrorsQuerySchema, request.query);
    const errors = await recentErrors(store, limits, { ...rangeOf(rest), service: request.params.service, limit });
    return checkResponse(apmRecentErrorsResponseSchema, { errors });
  });

  app.get('/api/v1/apm/apdex', apdexSettings);

  app.put<ServiceParams>('/api/v1/apm/services/:service/apdex', async (request) => {
    const { thresholdMs } = parseRequest(apmApdexUpdateSchema, request.body);
    await writeApdexThreshold(store, request.params.service, thresholdMs, nextVersion());
    return apdexSettings();
  });
}
