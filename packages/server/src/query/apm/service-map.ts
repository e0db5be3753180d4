import type { ApmServiceMapResponse } from '@sightline/contract';
import type { Store } from '../../storage/store.ts';
import type { ReadLimits } from '../read-limits.ts';
import { rangeSeconds, type MinuteRange } from './apm-range.ts';
import { assembleServiceMap } from './service-map-assemble.ts';
import { serviceCalls } from './service-map-edges.ts';
import { dependencyLinks, serviceStats } from './service-map-metrics.ts';

export interface ServiceMapQuery {
  readonly range: MinuteRange;
  readonly environment?: string | undefined;
  /** Service → service edges are joined over at most this many newest minutes of the range. */
  readonly windowMinutes: number;
}

/** The newest `minutes` of the range (all of it when shorter). */
export function serviceEdgesWindow(range: MinuteRange, minutes: number): MinuteRange {
  return { startS: Math.max(range.startS, range.endS - minutes * 60), endS: range.endS };
}

/** Services, databases, messaging destinations and external hosts, and the calls between them. */
export async function serviceMap(store: Store, limits: ReadLimits, query: ServiceMapQuery): Promise<ApmServiceMapResponse> {
  const window = serviceEdgesWindow(query.range, query.windowMinutes);
  const [services, dependencies, calls] = await Promise.all([
    serviceStats(store, limits, query.range, query.environment),
    dependencyLinks(store, limits, query.range, query.environment),
    serviceCalls(store, limits, window, query.environment),
  ]);
  const { nodes, edges } = assembleServiceMap({
    services,
    dependencies,
    serviceCalls: calls,
    rangeSeconds: rangeSeconds(query.range),
    windowSeconds: rangeSeconds(window),
  });
  return { nodes, edges, serviceEdgesWindow: { startMs: window.startS * 1000, endMs: window.endS * 1000 } };
}
