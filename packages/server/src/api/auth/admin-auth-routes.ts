import {
  apiKeyCreateSchema,
  apiKeyCreatedSchema,
  apiKeyListResponseSchema,
  apiKeySchema,
  auditListResponseSchema,
  auditRequestSchema,
  passwordResetSchema,
  userCreateSchema,
  userListResponseSchema,
  userSchema,
  userUpdateSchema,
} from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditToCsv, auditToJsonLines } from '../../auth/audit-export.ts';
import { checkResponse, parseRequest } from '../validation.ts';
import { contextOf, type ApiAuth } from './auth-hook.ts';

const idParams = z.object({ id: z.string().min(1).max(128) });
const DAY_MS = 24 * 60 * 60 * 1000;

/** Users, API keys and the audit log (`/api/v1/admin/…`; admins only, see route-actions.ts). */
export function registerAdminAuthRoutes(app: FastifyInstance, auth: ApiAuth): void {
  const { users, apiKeys, audit } = auth.services;

  app.get('/api/v1/admin/users', async () => checkResponse(userListResponseSchema, { users: await users.list() }));

  app.post('/api/v1/admin/users', async (request, reply) => {
    const body = parseRequest(userCreateSchema, request.body);
    const user = await users.create(contextOf(request), body);
    return reply.status(201).send(checkResponse(userSchema, user));
  });

  app.put('/api/v1/admin/users/:id', async (request) => {
    const { id } = parseRequest(idParams, request.params);
    const body = parseRequest(userUpdateSchema, request.body);
    return checkResponse(userSchema, await users.update(contextOf(request), id, body));
  });

  app.delete('/api/v1/admin/users/:id', async (request, reply) => {
    const { id } = parseRequest(idParams, request.params);
    await users.delete(contextOf(request), id);
    return reply.status(204).send();
  });

  app.post('/api/v1/admin/users/:id/password', async (request, reply) => {
    const { id } = parseRequest(idParams, request.params);
    const body = parseRequest(passwordResetSchema, request.body);
    await users.changePassword(contextOf(request), id, { newPassword: body.newPassword });
    return reply.status(204).send();
  });

  app.get('/api/v1/admin/api-keys', async () => checkResponse(apiKeyListResponseSchema, { keys: await apiKeys.list() }));

  app.post('/api/v1/admin/api-keys', async (request, reply) => {
    const body = parseRequest(apiKeyCreateSchema, request.body);
    const created = await apiKeys.create(contextOf(request), body);
    return reply.status(201).header('cache-control', 'no-store').send(checkResponse(apiKeyCreatedSchema, created));
  });

  app.delete('/api/v1/admin/api-keys/:id', async (request) => {
    const { id } = parseRequest(idParams, request.params);
    return checkResponse(apiKeySchema, await apiKeys.revoke(contextOf(request), id));
  });

  app.get('/api/v1/admin/audit', async (request, reply) => {
    const query = parseRequest(auditRequestSchema, request.query);
    const endMs = query.end ?? Date.now() + 1;
    const startMs = query.start ?? endMs - DAY_MS;
    const entries = await audit.read({
      startMs,
      endMs,
      limit: query.limit,
      ...(query.actor === undefined ? {} : { actor: query.actor }),
      ...(query.action === undefined ? {} : { action: query.action }),
    });
    if (query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="sightline-audit.csv"').send(auditToCsv(entries));
    }
    if (query.format === 'jsonl') {
      return reply.type('application/x-ndjson; charset=utf-8').header('content-disposition', 'attachment; filename="sightline-audit.jsonl"').send(auditToJsonLines(entries));
    }
    return checkResponse(auditListResponseSchema, { entries });
  });
}
