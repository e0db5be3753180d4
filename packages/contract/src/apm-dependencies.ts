import { z } from 'zod';
import { apmQuery, apmRangeFields, overflowNoticeSchema, redStatsSchema } from './apm-common.ts';
import { requireOrderedRange } from './time.ts';

export const dependencyTypeSchema = z.enum(['db', 'external', 'messaging']);
export type DependencyType = z.infer<typeof dependencyTypeSchema>;

/**
 * `GET /api/v1/apm/services/:service/dependencies?type=db|external|messaging`: the calls the service
 * makes — database queries (spans with a db system that run a statement or operation; connection-pool
 * spans such as `pg-pool.connect` are not queries), external calls (client spans to other hosts), and
 * messages produced or consumed.
 */
export const apmDependenciesQuerySchema = apmQuery(
  z.object({ ...apmRangeFields, type: dependencyTypeSchema }).superRefine(requireOrderedRange),
);
export type ApmDependenciesQuery = z.input<typeof apmDependenciesQuerySchema>;

export const apmDependencySchema = redStatsSchema.extend({
  type: dependencyTypeSchema,
  /** db: `db.system.name` / `db.system` (postgresql, mysql, redis…); messaging: kafka, rabbitmq…; external: http, grpc… */
  system: z.string(),
  /** db: the database name (namespace); external: host[:port] or peer.service; messaging: the destination. */
  target: z.string(),
  /** db: SELECT/INSERT/find…; external: the HTTP method or RPC method; messaging: publish/receive/process. */
  operation: z.string(),
  spanKind: z.number().int().min(0).max(5),
});
export type ApmDependency = z.infer<typeof apmDependencySchema>;

export const apmDependenciesResponseSchema = z.object({
  service: z.string(),
  type: dependencyTypeSchema,
  /** Sorted by total time spent (calls × average), most first. */
  dependencies: z.array(apmDependencySchema),
  overflow: z.array(overflowNoticeSchema),
});
export type ApmDependenciesResponse = z.infer<typeof apmDependenciesResponseSchema>;

/**
 * `GET /api/v1/apm/services/:service/db-statements`: the statements taking the most time, from the
 * raw spans (literals replaced by `?` so executions of one statement group together).
 */
export const apmDbStatementsQuerySchema = apmQuery(
  z
    .object({
      ...apmRangeFields,
      system: z.string().min(1).optional(),
      target: z.string().optional(),
      limit: z.number().int().positive().max(100).default(10),
    })
    .superRefine(requireOrderedRange),
  ['limit'],
);
export type ApmDbStatementsQuery = z.input<typeof apmDbStatementsQuerySchema>;

export const apmDbStatementsResponseSchema = z.object({
  statements: z.array(
    z.object({
      system: z.string(),
      target: z.string(),
      /** The normalized statement (`db.query.text` / `db.statement`). */
      statement: z.string(),
      calls: z.number().int().nonnegative(),
      errors: z.number().int().nonnegative(),
      totalMs: z.number().nonnegative(),
      avgMs: z.number().nonnegative(),
      p99Ms: z.number().nonnegative(),
      /** A trace that ran it, to open. */
      sampleTraceId: z.string(),
    }),
  ),
});
export type ApmDbStatementsResponse = z.infer<typeof apmDbStatementsResponseSchema>;
