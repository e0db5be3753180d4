import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

const collected = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Records every route added from now on (tests check each against the route → action table). */
export function collectRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  collected.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method: String(method).toUpperCase(), url: route.url });
  });
}

/** The routes added since `collectRoutes`. */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return collected.get(app) ?? [];
}
