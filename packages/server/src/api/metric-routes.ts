import {
  labelKeysQuerySchema,
  labelKeysResponseSchema,
  labelValuesParamsSchema,
  labelValuesQuerySchema,
  labelValuesResponseSchema,
  metricListQuerySchema,
  metricListResponseSchema,
  metricQueryRequestSchema,
  metricQueryResponseSchema,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { labelKeys, labelValues, listMetrics } from '../query/metrics/metric-catalog.ts';
import { queryMetric } from '../query/metrics/query-metric.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

export function registerMetricRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/api/v1/metrics', async (request) => {
    const { start, end, prefix } = parseRequest(metricListQuerySchema, request.query);
    const metrics = await listMetrics(deps.store, deps.query, { startNs: start, endNs: end }, prefix);
    return checkResponse(metricListResponseSchema, { metrics });
  });

  app.get('/api/v1/metrics/labels', async (request) => {
    const { start, end, metric } = parseRequest(labelKeysQuerySchema, request.query);
    const keys = await labelKeys(deps.store, deps.query, { startNs: start, endNs: end }, metric);
    return checkResponse(labelKeysResponseSchema, { keys });
  });

  app.get('/api/v1/metrics/labels/:key/values', async (request) => {
    const { key } = parseRequest(labelValuesParamsSchema, request.params);
    const { start, end, metric } = parseRequest(labelValuesQuerySchema, request.query);
    const values = await labelValues(deps.store, deps.query, key, { startNs: start, endNs: end }, metric);
    return checkResponse(labelValuesResponseSchema, { values });
  });

  app.post('/api/v1/metrics/query', async (request) => {
    const { start, end, ...rest } = parseRequest(metricQueryRequestSchema, request.body);
    const result = await queryMetric(deps.store, deps.query, { ...rest, startNs: start, endNs: end });
    return checkResponse(metricQueryResponseSchema, result);
  });
}
