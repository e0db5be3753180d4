import { z } from 'zod';
import { apmQuery, apmRangeFields } from './apm-common.ts';
import { requireOrderedRange } from './time.ts';

/** `GET /api/v1/apm/service-map`: services, databases, messaging systems and external hosts, and the calls between them. */
export const apmServiceMapQuerySchema = apmQuery(z.object(apmRangeFields).superRefine(requireOrderedRange));
export type ApmServiceMapQuery = z.input<typeof apmServiceMapQuerySchema>;

export const serviceMapNodeKindSchema = z.enum(['service', 'database', 'messaging', 'external']);
export type ServiceMapNodeKind = z.infer<typeof serviceMapNodeKindSchema>;

export const serviceMapNodeSchema = z.object({
  /** Unique: `service:<name>`, `database:<system>/<name>`, `messaging:<system>/<destination>`, `external:<host>`. */
  id: z.string(),
  kind: serviceMapNodeKindSchema,
  /** What to show: the service, database, destination or host name. */
  name: z.string(),
  /** db or messaging system (postgresql, kafka…); '' for services and external hosts. */
  system: z.string(),
  /** A service's requests (entry-point spans) over the range; null for other nodes. */
  calls: z.number().int().nonnegative().nullable(),
  errorRate: z.number().min(0).max(1).nullable(),
  p99Ms: z.number().nonnegative().nullable(),
});
export type ServiceMapNode = z.infer<typeof serviceMapNodeSchema>;

export const serviceMapEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  calls: z.number().int().nonnegative(),
  /** Calls per second over the window the edge was measured in (see `serviceEdgesWindow`). */
  rate: z.number().nonnegative(),
  errors: z.number().int().nonnegative(),
  errorRate: z.number().min(0).max(1),
  p99Ms: z.number().nonnegative().nullable(),
});
export type ServiceMapEdge = z.infer<typeof serviceMapEdgeSchema>;

export const apmServiceMapResponseSchema = z.object({
  nodes: z.array(serviceMapNodeSchema),
  edges: z.array(serviceMapEdgeSchema),
  /**
   * Service → service edges are found by joining client spans with the server spans they caused,
   * over the newest part of the range only (at most the configured window); other edges cover the
   * whole range. Unix ms.
   */
  serviceEdgesWindow: z.object({ startMs: z.number(), endMs: z.number() }),
});
export type ApmServiceMapResponse = z.infer<typeof apmServiceMapResponseSchema>;
