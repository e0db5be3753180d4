import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { backupProgressEventSchema, type BackupProgressEvent } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { insertLogs } from '../../test/support/api-insert.ts';
import { testApp } from '../../test/support/api-app.ts';
import { sampleLog } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';

describe('POST /api/v1/admin/backup', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  const root = mkdtempSync(path.join(tmpdir(), 'sightline-backup-route-'));

  before(async () => {
    temp = await openTempStore();
    await insertLogs(temp.store, [sampleLog('one'), sampleLog('two'), sampleLog('three')]);
    app = testApp(temp.store);
  });

  after(async () => {
    await app.close();
    await temp.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  test('streams NDJSON progress ending with done and the manifest', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/admin/backup', payload: { dir: path.join(root, 'b1') } });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/x-ndjson/);
    const events: BackupProgressEvent[] = response.body.trim().split('\n').map((line) => backupProgressEventSchema.parse(JSON.parse(line)));
    assert.equal(events[0]?.type, 'snapshot');
    const last = events.at(-1);
    assert.equal(last?.type, 'done');
    if (last?.type !== 'done') return;
    assert.equal(last.manifest.tables.find((table) => table.name === 'logs')?.rows, 3);
    const verified = events.filter((event) => event.type === 'verified');
    assert.equal(verified.length, last.manifest.tables.length);
  });

  test('a used or relative directory is refused before anything starts', async () => {
    const used = await app.inject({ method: 'POST', url: '/api/v1/admin/backup', payload: { dir: path.join(root, 'b1') } });
    assert.equal(used.statusCode, 409);
    assert.equal(used.json<{ error: { code: string } }>().error.code, 'CONFLICT');
    const relative = await app.inject({ method: 'POST', url: '/api/v1/admin/backup', payload: { dir: 'backups/x' } });
    assert.equal(relative.statusCode, 400);
    const missing = await app.inject({ method: 'POST', url: '/api/v1/admin/backup', payload: {} });
    assert.equal(missing.statusCode, 400);
  });
});
