/** What the service map says about nodes and edges, and the selected edge in the URL. Pure. */

import type { ServiceMapEdge, ServiceMapNode } from '@sightline/contract';
import { formatLatencyMs, formatPercent, formatRate } from '../format/apm-numbers.ts';

/** Nodes and edges with at least this error rate are drawn red. */
export const ERROR_TINT_RATE = 0.05;

export function isErrorTinted(errorRate: number | null): boolean {
  return errorRate !== null && errorRate >= ERROR_TINT_RATE;
}

/** `12.3/s · 4.5% err · p99 120 ms` (the error part only when there were errors). */
export function edgeLabel(edge: ServiceMapEdge): string {
  const parts = [formatRate(edge.rate)];
  if (edge.errors > 0) parts.push(`${formatPercent(edge.errorRate)} err`);
  if (edge.p99Ms !== null) parts.push(`p99 ${formatLatencyMs(edge.p99Ms)}`);
  return parts.join(' · ');
}

/** A node's second line: a service's requests and errors, or the system of a database or queue. */
export function nodeDetail(node: ServiceMapNode, rangeSeconds: number): string {
  if (node.kind !== 'service' || node.calls === null) return node.system === '' ? KIND_LABEL[node.kind] : `${KIND_LABEL[node.kind]} · ${node.system}`;
  const parts = [formatRate(rangeSeconds > 0 ? node.calls / rangeSeconds : 0)];
  if (node.errorRate !== null && node.errorRate > 0) parts.push(`${formatPercent(node.errorRate)} err`);
  if (node.p99Ms !== null) parts.push(`p99 ${formatLatencyMs(node.p99Ms)}`);
  return parts.join(' · ');
}

export const KIND_LABEL: Readonly<Record<ServiceMapNode['kind'], string>> = {
  service: 'service',
  database: 'database',
  messaging: 'messaging',
  external: 'external',
};

/** The URL parameter holding the selected edge. */
export const EDGE_PARAM = 'edge';
const SEPARATOR = ' → ';

export function edgeParam(edge: { readonly source: string; readonly target: string }): string {
  return `${edge.source}${SEPARATOR}${edge.target}`;
}

export function readSelectedEdge(params: { get(name: string): string | null }): { source: string; target: string } | undefined {
  const text = params.get(EDGE_PARAM);
  const at = text?.indexOf(SEPARATOR) ?? -1;
  if (text === null || text === undefined || at <= 0) return undefined;
  return { source: text.slice(0, at), target: text.slice(at + SEPARATOR.length) };
}

/**
 * The note on how much of the range service → service edges cover; undefined when they cover all
 * of it (within a minute, the API's resolution).
 */
export function serviceEdgesNote(
  window: { readonly startMs: number; readonly endMs: number },
  range: { readonly startMs: number; readonly endMs: number },
  formatTime: (ms: number) => string,
): string | undefined {
  if (window.startMs - range.startMs <= 60_000 && range.endMs - window.endMs <= 60_000) return undefined;
  const minutes = Math.round((window.endMs - window.startMs) / 60_000);
  return `Service → service edges are measured over ${formatTime(window.startMs)} – ${formatTime(window.endMs)} (the newest ${minutes} min of the range); calls to databases, queues and external hosts over the whole range.`;
}

/** A label cut to `max` characters with an ellipsis (the full name goes in a tooltip). */
export function truncateLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
