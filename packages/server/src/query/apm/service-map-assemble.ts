import type { DependencyType, ServiceMapEdge, ServiceMapNode } from '@sightline/contract';
import { latencyQuantileMsOf, mergeLatency, type LatencyMap } from './latency-map.ts';

/** Calls along one link, with their latency distribution (merged exactly when links share an edge). */
export interface MeasuredCalls {
  readonly calls: number;
  readonly errors: number;
  readonly latency: LatencyMap;
}

/** A service's requests (entry spans) over the range. */
export interface ServiceStats {
  readonly service: string;
  readonly calls: number;
  readonly errors: number;
  readonly p99Ms: number | null;
}

/** Calls of a service to one dependency node, from the dependency aggregates over the whole range. */
export interface DependencyLink extends MeasuredCalls {
  readonly service: string;
  readonly type: DependencyType;
  /** '' for external hosts. */
  readonly system: string;
  readonly target: string;
  /** Messages the service received or processed (drawn node → service). */
  readonly incoming: boolean;
}

/** Client/producer spans of `caller` whose server/consumer child span is in `callee`, over the join window. */
export interface ServiceCall extends MeasuredCalls {
  readonly caller: string;
  readonly callee: string;
  /** How the client spans named the callee: peer.service, server.address, server.address:port, the URL's host[:port]. */
  readonly hosts: readonly string[];
}

export interface ServiceMapInputs {
  readonly services: readonly ServiceStats[];
  readonly dependencies: readonly DependencyLink[];
  readonly serviceCalls: readonly ServiceCall[];
  readonly rangeSeconds: number;
  readonly windowSeconds: number;
}

interface EdgeTotals {
  readonly source: string;
  readonly target: string;
  readonly seconds: number;
  calls: number;
  errors: number;
  readonly latency: LatencyMap;
}

const serviceId = (name: string): string => `service:${name}`;

function serviceNode(name: string, stats: ServiceStats | undefined): ServiceMapNode {
  if (stats === undefined) return { id: serviceId(name), kind: 'service', name, system: '', calls: null, errorRate: null, p99Ms: null };
  const errorRate = stats.calls === 0 ? 0 : Math.min(1, stats.errors / stats.calls);
  return { id: serviceId(name), kind: 'service', name, system: '', calls: stats.calls, errorRate, p99Ms: stats.p99Ms };
}

function dependencyNode(link: DependencyLink): ServiceMapNode {
  const unmeasured = { calls: null, errorRate: null, p99Ms: null };
  if (link.type === 'external') return { id: `external:${link.target}`, kind: 'external', name: link.target, system: '', ...unmeasured };
  const kind = link.type === 'db' ? 'database' : 'messaging';
  return { id: `${kind}:${link.system}/${link.target}`, kind, name: link.target === '' ? link.system : link.target, system: link.system, ...unmeasured };
}

/** Services each host name was seen to reach through the join. */
function hostOwners(calls: readonly ServiceCall[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const call of calls) {
    for (const host of call.hosts) {
      const set = owners.get(host) ?? new Set<string>();
      set.add(call.callee);
      owners.set(host, set);
    }
  }
  return owners;
}

/**
 * Where an external call is drawn: 'joined' when the join already drew the caller's edge to a
 * service behind that host; a service name when the host belongs to exactly one other service (the
 * caller's calls fell outside the join window); else 'node', an external node of its own.
 */
function externalDestination(link: DependencyLink, owners: Map<string, Set<string>>, joined: Set<string>): 'joined' | 'node' | { service: string } {
  const services = owners.get(link.target);
  if (services === undefined) return 'node';
  for (const service of services) if (joined.has(`${link.service}\u0000${service}`)) return 'joined';
  const [only] = services;
  return services.size === 1 && only !== undefined && only !== link.service ? { service: only } : 'node';
}

function toEdge(totals: EdgeTotals): ServiceMapEdge {
  return {
    source: totals.source,
    target: totals.target,
    calls: totals.calls,
    rate: totals.calls / totals.seconds,
    errors: totals.errors,
    errorRate: totals.calls === 0 ? 0 : Math.min(1, totals.errors / totals.calls),
    p99Ms: latencyQuantileMsOf(totals.latency, 0.99),
  };
}

/**
 * The map from its three sources. Service → service edges come from the join (rate over the join
 * window); every other edge from the dependency aggregates (rate over the range). An external host
 * matched to a service by the join is drawn as that service, not as a node of its own.
 */
export function assembleServiceMap(inputs: ServiceMapInputs): { nodes: ServiceMapNode[]; edges: ServiceMapEdge[] } {
  const statsByService = new Map(inputs.services.map((stats) => [stats.service, stats]));
  const nodes = new Map<string, ServiceMapNode>();
  const edges = new Map<string, EdgeTotals>();
  const addService = (name: string): string => {
    const id = serviceId(name);
    if (!nodes.has(id)) nodes.set(id, serviceNode(name, statsByService.get(name)));
    return id;
  };
  const addEdge = (source: string, target: string, measured: MeasuredCalls, seconds: number): void => {
    const key = `${source}\u0000${target}`;
    const totals = edges.get(key) ?? { source, target, seconds, calls: 0, errors: 0, latency: new Map() };
    totals.calls += measured.calls;
    totals.errors += measured.errors;
    mergeLatency(totals.latency, measured.latency);
    edges.set(key, totals);
  };

  for (const stats of inputs.services) addService(stats.service);
  const joined = new Set<string>();
  for (const call of inputs.serviceCalls) {
    addEdge(addService(call.caller), addService(call.callee), call, inputs.windowSeconds);
    joined.add(`${call.caller}\u0000${call.callee}`);
  }
  const owners = hostOwners(inputs.serviceCalls);
  for (const link of inputs.dependencies) {
    const service = addService(link.service);
    const destination = link.type === 'external' ? externalDestination(link, owners, joined) : 'node';
    if (destination === 'joined') continue;
    if (destination !== 'node') {
      addEdge(service, addService(destination.service), link, inputs.rangeSeconds);
      continue;
    }
    const node = dependencyNode(link);
    if (!nodes.has(node.id)) nodes.set(node.id, node);
    if (link.incoming) addEdge(node.id, service, link, inputs.rangeSeconds);
    else addEdge(service, node.id, link, inputs.rangeSeconds);
  }

  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const edgeKey = (edge: ServiceMapEdge): string => `${edge.source}\u0000${edge.target}`;
  return {
    nodes: [...nodes.values()].sort(byId),
    edges: [...edges.values()].map(toEdge).sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : edgeKey(a) > edgeKey(b) ? 1 : 0)),
  };
}
