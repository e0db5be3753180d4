import { PassThrough } from 'node:stream';
import { adminBackupRequestSchema, type BackupProgressEvent } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCodes, isAppError } from '../errors.ts';
import { checkEmptyOrNewDir } from '../storage/backup/backup-dir.ts';
import { createBackup } from '../storage/backup/create-backup.ts';
import type { ApiDeps } from './api-deps.ts';
import { parseRequest } from './validation.ts';

/**
 * `POST /api/v1/admin/backup {dir}`: the running server snapshots its store into `dir` (a path on
 * the server's machine; absolute, new or empty). The reply is NDJSON progress, one event a line,
 * ending with `done` or `error`. One backup at a time (409 while one runs). A client that goes away
 * does not stop the backup: the snapshot is taken and the copy completes.
 */
export function registerAdminBackupRoutes(app: FastifyInstance, deps: ApiDeps): void {
  let running = false;

  app.post('/api/v1/admin/backup', async (request, reply) => {
    const { dir } = parseRequest(adminBackupRequestSchema, request.body);
    checkEmptyOrNewDir(dir, 'backup directory');
    if (running) throw new AppError(ErrorCodes.CONFLICT, 'a backup is already running');
    running = true;
    const out = new PassThrough();
    const emit = (event: BackupProgressEvent): void => {
      if (!out.writableEnded) out.write(`${JSON.stringify(event)}\n`);
    };
    createBackup(deps.store, { dir, serverVersion: deps.serverInfo?.().version ?? 'unknown', onProgress: emit })
      .catch((error: unknown) => {
        if (!isAppError(error)) request.log.error({ err: error }, 'backup failed');
        emit({ type: 'error', code: isAppError(error) ? error.code : ErrorCodes.STORE_FAILED, message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        running = false;
        out.end();
      });
    return reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-cache, no-transform').send(out);
  });
}
