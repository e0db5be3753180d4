import { randomUUID } from 'node:crypto';
import { prometheusTargetCreateSchema, prometheusTargetSchema, prometheusTargetsResponseSchema, type PrometheusTarget } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCodes } from '../errors.ts';
import { settingsVersionClock } from '../query/apm/apdex-settings.ts';
import {
  deletePrometheusTarget,
  readPrometheusTargets,
  writePrometheusTarget,
  type StoredPrometheusTarget,
} from '../query/prometheus-targets/target-settings.ts';
import type { ApiDeps, ScrapeTargetStatus } from './api-deps.ts';
import { checkResponse, parseRequest } from './validation.ts';

interface IdParams {
  readonly Params: { readonly id: string };
}

/** A stored target the scrape manager has not (yet) reported on. */
function unscraped(target: StoredPrometheusTarget): PrometheusTarget {
  return {
    id: target.id,
    job: target.job,
    url: `${target.scheme}://${target.target}${target.metricsPath}`,
    labels: { ...target.labels, job: target.job, instance: target.target },
    source: 'api',
    health: 'unknown',
    intervalSeconds: target.intervalSeconds ?? null,
    lastScrapeMs: null,
    lastDurationMs: null,
    lastError: null,
    samples: null,
  };
}

function fromStatus(status: ScrapeTargetStatus): PrometheusTarget {
  return { ...status, labels: { ...status.labels } };
}

/** Prometheus scrape targets: list with health, add and remove runtime targets (kept in the store). */
export function registerPrometheusTargetRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { store, query: limits, scrapeTargets } = deps;
  const nextVersion = settingsVersionClock();

  async function listTargets(): Promise<PrometheusTarget[]> {
    const stored = await readPrometheusTargets(store, limits);
    const statuses = scrapeTargets?.health() ?? [];
    const reported = new Set(statuses.map((status) => status.id));
    return [...statuses.map(fromStatus), ...stored.filter((target) => !reported.has(target.id)).map(unscraped)];
  }

  app.get('/api/v1/prometheus/targets', async () => checkResponse(prometheusTargetsResponseSchema, { targets: await listTargets() }));

  app.post('/api/v1/prometheus/targets', async (request, reply) => {
    const body = parseRequest(prometheusTargetCreateSchema, request.body);
    const stored = await readPrometheusTargets(store, limits);
    const same = stored.find((t) => t.job === body.job && t.target === body.target && t.metricsPath === body.metrics_path && t.scheme === body.scheme);
    if (same !== undefined) throw new AppError(ErrorCodes.CONFLICT, `target ${body.target} of job ${body.job} already exists (id ${same.id})`);
    const target: StoredPrometheusTarget = {
      id: randomUUID(),
      job: body.job,
      target: body.target,
      labels: body.labels,
      metricsPath: body.metrics_path,
      scheme: body.scheme,
      intervalSeconds: body.interval,
      createdMs: Date.now(),
    };
    await writePrometheusTarget(store, target, nextVersion());
    await scrapeTargets?.changed();
    const status = scrapeTargets?.health().find((each) => each.id === target.id);
    return reply.status(201).send(checkResponse(prometheusTargetSchema, status === undefined ? unscraped(target) : fromStatus(status)));
  });

  app.delete<IdParams>('/api/v1/prometheus/targets/:id', async (request, reply) => {
    const { id } = request.params;
    const stored = await readPrometheusTargets(store, limits);
    if (stored.some((target) => target.id === id)) {
      await deletePrometheusTarget(store, id, nextVersion());
      await scrapeTargets?.changed();
      return reply.status(204).send();
    }
    const configured = scrapeTargets?.health().find((status) => status.id === id);
    if (configured !== undefined) throw new AppError(ErrorCodes.CONFLICT, `target ${id} (${configured.url}) comes from the configuration file; remove it there`);
    throw new AppError(ErrorCodes.NOT_FOUND, `no Prometheus target with id ${id}`);
  });
}
