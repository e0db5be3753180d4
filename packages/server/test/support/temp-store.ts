import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChdbStore } from '../../src/storage/chdb/chdb-store.ts';
import { migrate } from '../../src/storage/schema/migrations.ts';
import { DEFAULT_RETENTION } from '../../src/storage/schema/retention.ts';

export interface TempStore {
  readonly store: ChdbStore;
  readonly dataDir: string;
  dispose(): Promise<void>;
}

/** A real embedded store in a fresh temporary directory, migrated to the current schema. */
export async function openTempStore(): Promise<TempStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sightline-test-'));
  const store = new ChdbStore({
    dataDir,
    querySessions: 1,
    maxServerMemoryBytes: 2 * 1024 ** 3,
    queryLimits: { maxMemoryBytes: 1024 ** 3, maxExecutionSeconds: 30 },
  });
  await migrate(store, DEFAULT_RETENTION);
  return {
    store,
    dataDir,
    async dispose() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
