import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { defaultBudgetBytes, planMemory, totalCacheBytes } from './memory-budget.ts';
import { configSchema } from './schema.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('planMemory', () => {
  it('defaults to a quarter of the host memory', () => {
    assert.equal(defaultBudgetBytes(16 * GiB), 4 * GiB);
  });

  for (const budget of [256 * MiB, 512 * MiB, 1 * GiB, 4 * GiB, 16 * GiB, 64 * GiB]) {
    for (const concurrency of [1, 4, 16]) {
      it(`keeps every part inside a ${budget / MiB} MiB budget with ${concurrency} concurrent queries`, () => {
        const plan = planMemory(budget, concurrency);
        assert.ok(plan.runtimeReserveBytes + plan.ingestBufferBytes + plan.engineBytes <= budget);
        assert.ok(plan.engineBytes >= budget / 2);
        assert.ok(totalCacheBytes(plan.caches) < plan.engineBytes / 4);
        assert.ok(plan.queryMemoryBytes <= 2 * GiB);
        // The concurrent queries plus one slot for inserts and merges fit next to the caches.
        if (plan.queryMemoryBytes > 16 * MiB) assert.ok(totalCacheBytes(plan.caches) + (concurrency + 1) * plan.queryMemoryBytes <= plan.engineBytes);
      });
    }
  }

  it('sizes the parts of a 4 GiB budget', () => {
    const plan = planMemory(4 * GiB, 4);
    assert.equal(plan.ingestBufferBytes, 256 * MiB);
    assert.equal(plan.runtimeReserveBytes, 512 * MiB);
    assert.equal(plan.engineBytes, 4 * GiB - plan.runtimeReserveBytes - 256 * MiB);
    assert.equal(plan.caches.uncompressedCacheBytes, 0);
    assert.equal(plan.caches.markCacheBytes, Math.floor(plan.engineBytes / 16));
    assert.equal(plan.queryMemoryBytes, Math.floor((plan.engineBytes - totalCacheBytes(plan.caches)) / 5));
  });

  it('gives each query less memory when more may run at once', () => {
    assert.ok(planMemory(8 * GiB, 8).queryMemoryBytes < planMemory(8 * GiB, 2).queryMemoryBytes);
  });

  it('caps a query at 2 GiB however large the budget', () => {
    assert.equal(planMemory(256 * GiB, 2).queryMemoryBytes, 2 * GiB);
    assert.equal(planMemory(256 * GiB, 2).ingestBufferBytes, 256 * MiB);
  });

  it('keeps working numbers for a tiny budget', () => {
    const plan = planMemory(64 * MiB, 4);
    assert.equal(plan.engineBytes, 32 * MiB);
    assert.equal(plan.queryMemoryBytes, 16 * MiB);
    assert.ok(plan.ingestBufferBytes >= 16 * MiB);
  });
});

describe('configuration defaults from the budget', () => {
  it('takes a quarter of the host memory and derives query memory and ingest buffers from it', () => {
    const config = configSchema.parse({});
    const plan = planMemory(Math.floor(os.totalmem() / 4), config.query.maxConcurrentQueries);
    assert.equal(config.storage.memoryBudgetBytes, Math.floor(os.totalmem() / 4));
    assert.equal(config.query.maxMemoryBytes, plan.queryMemoryBytes);
    assert.equal(config.pipeline.maxPendingBytes, plan.ingestBufferBytes);
  });

  it('follows a configured budget and concurrency', () => {
    const config = configSchema.parse({ storage: { memoryBudgetBytes: 1 * GiB }, query: { maxConcurrentQueries: 2 } });
    assert.equal(config.query.maxMemoryBytes, planMemory(1 * GiB, 2).queryMemoryBytes);
    assert.equal(config.pipeline.maxPendingBytes, 128 * MiB);
  });

  it('keeps explicit limits', () => {
    const config = configSchema.parse({ storage: { memoryBudgetBytes: 1 * GiB }, query: { maxMemoryBytes: 5 * MiB }, pipeline: { maxPendingBytes: 7 * MiB } });
    assert.equal(config.query.maxMemoryBytes, 5 * MiB);
    assert.equal(config.pipeline.maxPendingBytes, 7 * MiB);
  });
});
