import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createApiServer, type ApiDeps } from '../../src/api/api-server.ts';
import type { ApmConfig, QueryConfig } from '../../src/config/schema.ts';
import type { Store } from '../../src/storage/store.ts';

export const TEST_QUERY_CONFIG: QueryConfig = {
  maxMemoryBytes: 1024 ** 3,
  maxExecutionSeconds: 30,
  maxRowsToRead: 100_000_000,
  maxResultRows: 1000,
  defaultLimit: 100,
};

export const TEST_APM_CONFIG: ApmConfig = {
  maxServices: 256,
  maxOperationsPerService: 2048,
  capWindowSeconds: 60,
  normalizeSpanNames: true,
  defaultApdexThresholdMs: 500,
  serviceMapWindowMinutes: 30,
};

export function testApp(
  store: Store,
  query: Partial<QueryConfig> = {},
  webRoot?: string,
  extra: Pick<ApiDeps, 'tail' | 'alerts'> & { apm?: Partial<ApmConfig> } = {},
): FastifyInstance {
  const { apm, ...rest } = extra;
  return createApiServer({
    store,
    query: { ...TEST_QUERY_CONFIG, ...query },
    apm: { ...TEST_APM_CONFIG, ...apm },
    selfMetrics: () => '# TYPE sightline_up gauge\nsightline_up 1\n',
    ...(webRoot === undefined ? {} : { webRoot }),
    ...rest,
  });
}

export interface JsonReply<T> {
  readonly status: number;
  readonly body: T;
}

/** A request through the real router and handlers (no socket), its JSON reply parsed. */
export async function call<T>(app: FastifyInstance, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<JsonReply<T>> {
  const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<T>() };
}

/** A GET that must answer 200; its JSON body (the failure message shows the body). */
export async function getOk<T>(app: FastifyInstance, url: string): Promise<T> {
  const reply = await call<T>(app, 'GET', url);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

/** Unix milliseconds of a nanosecond time, as the API takes them. */
export function ms(ns: bigint): number {
  return Number(ns / 1_000_000n);
}
