import {
  attributeKeysQuerySchema,
  attributeKeysResponseSchema,
  attributeValuesQuerySchema,
  attributeValuesResponseSchema,
  operationsQuerySchema,
  operationsResponseSchema,
  servicesQuerySchema,
  servicesResponseSchema,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { attributeKeys, attributeValues } from '../query/catalog/attribute-suggestions.ts';
import { listOperations, listServices } from '../query/catalog/list-services.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

/** What the filter pickers offer: services, operations, attribute keys and values seen in a range. */
export function registerCatalogRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/api/v1/services', async (request) => {
    const { signal, start, end } = parseRequest(servicesQuerySchema, request.query);
    const services = await listServices(deps.store, deps.query, signal, { startNs: start, endNs: end });
    return checkResponse(servicesResponseSchema, { services });
  });

  app.get('/api/v1/operations', async (request) => {
    const { service, start, end } = parseRequest(operationsQuerySchema, request.query);
    const operations = await listOperations(deps.store, deps.query, { startNs: start, endNs: end }, service);
    return checkResponse(operationsResponseSchema, { operations });
  });

  app.get('/api/v1/attributes/keys', async (request) => {
    const { start, end, ...rest } = parseRequest(attributeKeysQuerySchema, request.query);
    const keys = await attributeKeys(deps.store, deps.query, { ...rest, startNs: start, endNs: end });
    return checkResponse(attributeKeysResponseSchema, { keys });
  });

  app.get('/api/v1/attributes/values', async (request) => {
    const { start, end, ...rest } = parseRequest(attributeValuesQuerySchema, request.query);
    const values = await attributeValues(deps.store, deps.query, { ...rest, startNs: start, endNs: end });
    return checkResponse(attributeValuesResponseSchema, { values });
  });
}
