import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planMemory } from '../../config/memory-budget.ts';
import { sql } from '../sql.ts';
import { ChdbStore } from './chdb-store.ts';

describe('engine settings from the memory budget', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sightline-engine-settings-'));
  const plan = planMemory(512 * 1024 * 1024, 2);
  let store: ChdbStore;
  before(() => {
    store = new ChdbStore({
      dataDir,
      querySessions: 1,
      maxServerMemoryBytes: plan.engineBytes,
      queryLimits: { maxMemoryBytes: plan.queryMemoryBytes, maxExecutionSeconds: 30 },
      caches: plan.caches,
    });
  });
  after(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('caps the engine and sizes its caches as planned', async () => {
    const rows = await store.query<{ name: string; value: string }>(
      sql`SELECT name, value FROM system.server_settings
          WHERE name IN ('max_server_memory_usage', 'mark_cache_size', 'primary_index_cache_size', 'index_mark_cache_size',
                         'uncompressed_cache_size', 'query_condition_cache_size', 'compiled_expression_cache_size')`,
    );
    const settings = Object.fromEntries(rows.map((row) => [row.name, Number(row.value)]));
    assert.deepEqual(settings, {
      max_server_memory_usage: plan.engineBytes,
      mark_cache_size: plan.caches.markCacheBytes,
      primary_index_cache_size: plan.caches.primaryIndexCacheBytes,
      index_mark_cache_size: plan.caches.indexMarkCacheBytes,
      uncompressed_cache_size: 0,
      query_condition_cache_size: plan.caches.queryConditionCacheBytes,
      compiled_expression_cache_size: plan.caches.compiledExpressionCacheBytes,
    });
  });

  it('gives every read the per-query memory limit', async () => {
    const [row] = await store.query<{ value: string }>(sql`SELECT value FROM system.settings WHERE name = 'max_memory_usage'`);
    assert.equal(Number(row?.value), plan.queryMemoryBytes);
  });
});
