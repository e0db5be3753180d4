import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BackupManifest, BackupProgressEvent } from '@sightline/contract';
import { insertSpans } from '../../../test/support/api-insert.ts';
import { idBytes, sampleSpan } from '../../../test/support/sample-rows.ts';
import { isAppError } from '../../errors.ts';
import { ChdbStore } from '../chdb/chdb-store.ts';
import { DEFAULT_RETENTION } from '../schema/retention.ts';
import { MIGRATIONS } from '../schema/migrations.ts';
import { identifier, sql } from '../sql.ts';
import { readManifest } from './backup-layout.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup, type RestoreEvent } from './restore-backup.ts';

const FIXTURE = fileURLToPath(new URL('./backup-fixture-child.ts', import.meta.url));

async function countOf(store: ChdbStore, table: string): Promise<number> {
  const rows = await store.query<{ rows: string }>(sql`SELECT count() AS rows FROM ${identifier(table)}`);
  return Number(rows[0]?.rows);
}

describe('backup and restore functions on real stores', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sightline-backup-int-'));
  const backupDir = path.join(root, 'backup');
  let liveCounts: Record<string, number>;
  let manifest: BackupManifest;
  let store: ChdbStore;
  const restoreEvents: RestoreEvent[] = [];

  before(async () => {
    // The backup is made by another process: this one may open only one data directory, the empty one restored into.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', FIXTURE, backupDir], { cwd: path.dirname(FIXTURE) });
    liveCounts = JSON.parse(stdout) as Record<string, number>;
    manifest = await readManifest(backupDir);
    store = new ChdbStore({ dataDir: path.join(root, 'restored'), querySessions: 1, maxServerMemoryBytes: 2 * 1024 ** 3, queryLimits: { maxMemoryBytes: 1024 ** 3, maxExecutionSeconds: 30 } });
  });

  after(async () => {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the manifest has every table with the rows the store held, and the schema version', () => {
    assert.deepEqual(Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows])), liveCounts);
    assert.equal(manifest.schemaVersion, MIGRATIONS.at(-1)?.version);
    assert.equal(liveCounts.spans, 6);
    assert.equal(liveCounts.trace_index, 3);
    assert.equal(liveCounts.logs, 6);
    assert.equal(liveCounts.settings, 1);
  });

  test('restore into the empty store gives every table its backed-up rows; views do not insert again', async () => {
    await restoreBackup(store, { dir: backupDir, retention: DEFAULT_RETENTION, onProgress: (event) => restoreEvents.push(event) });
    for (const table of manifest.tables) assert.equal(await countOf(store, table.name), table.rows, table.name);
    const verified = restoreEvents.filter((event) => event.type === 'verified');
    assert.equal(verified.length, manifest.tables.length);
    const logs = await store.query<{ body: string }>(sql`SELECT body FROM logs WHERE body = ${'fixture log 2b'}`);
    assert.equal(logs.length, 1);
    const setting = await store.query<{ value: string }>(sql`SELECT value FROM settings FINAL WHERE key = ${'fixture.key'}`);
    assert.deepEqual(setting, [{ value: 'fixture value' }]);
  });

  test('a backup of the restored store has the same rows per table (round trip)', async () => {
    const events: BackupProgressEvent[] = [];
    const second = await createBackup(store, { dir: path.join(root, 'second'), serverVersion: 'test', onProgress: (event) => events.push(event) });
    assert.deepEqual(
      second.tables.map((table) => [table.name, table.rows]),
      manifest.tables.map((table) => [table.name, table.rows]),
    );
    assert.deepEqual(events.map((event) => event.type).filter((type, index, all) => all.indexOf(type) === index), ['snapshot', 'table', 'verified', 'done']);
    assert.deepEqual(readdirSync(path.join(root, 'restored', 'shadow')).filter((name) => name.startsWith('sightline_backup_')), []);
  });

  test('the restored schema is complete: new inserts still run the views', async () => {
    await insertSpans(store, [sampleSpan({ traceId: idBytes('cd000000000000000000000000000001') })]);
    assert.equal(await countOf(store, 'trace_index'), (liveCounts.trace_index ?? 0) + 1);
  });

  test('backup refuses a relative or non-empty directory; restore refuses a store that has tables', async () => {
    const busy = path.join(root, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'file'), 'x');
    for (const dir of ['relative/dir', busy, `${root}/nul\0byte`]) {
      await assert.rejects(createBackup(store, { dir, serverVersion: 'test', onProgress: () => undefined }), (error) => isAppError(error));
    }
    await assert.rejects(restoreBackup(store, { dir: backupDir, retention: DEFAULT_RETENTION, onProgress: () => undefined }), (error) => isAppError(error) && error.code === 'CONFLICT');
  });
});
