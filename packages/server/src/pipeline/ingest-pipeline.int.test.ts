import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { sampleSpan } from '../../test/support/sample-rows.ts';
import { isAppError } from '../errors.ts';
import type { EncodedBatch } from '../signals/decoded.ts';
import { insertTarget } from '../storage/encode/encode-rows.ts';
import { encodeTraces } from '../storage/encode/encode-signals.ts';
import { spansTable } from '../storage/schema/spans-table.ts';
import { sql } from '../storage/sql.ts';
import type { InsertTarget } from '../storage/store.ts';
import { IngestMetrics } from './ingest-metrics.ts';
import { IngestPipeline } from './ingest-pipeline.ts';

function spanBatch(count: number, marker: number): EncodedBatch {
  const rows = Array.from({ length: count }, (_, i) => {
    const spanId = new Uint8Array(8);
    new DataView(spanId.buffer).setUint32(0, marker * 100_000 + i + 1);
    return sampleSpan({ spanId, name: `op-${marker}` });
  });
  return encodeTraces({ rows, rejected: 0, rejectionMessage: '' });
}

describe('ingest pipeline', () => {
  let temp: TempStore;
  const targets = (): Map<string, InsertTarget> => new Map([['spans', insertTarget(spansTable)]]);
  const options = { batchMaxRows: 1000, batchMinRows: 1000, batchMaxAgeMs: 50, aggregateBatchMaxAgeMs: 50, maxPendingBytes: 1_000_000, retryAfterSeconds: 3 };
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  const countOp = async (name: string): Promise<number> =>
    Number((await temp.store.query<{ c: string }>(sql`SELECT count() AS c FROM spans WHERE name = ${name}`))[0]?.c);

  it('acknowledges a request only once its rows are committed, batching several requests', async () => {
    const pipeline = new IngestPipeline(temp.store, targets(), options, new IngestMetrics(new Registry()));
    const commits = [1, 2, 3].map(async (marker) => {
      await pipeline.admit(100).commit(spanBatch(10, marker));
      return countOp(`op-${marker}`);
    });
    assert.deepEqual(await Promise.all(commits), [10, 10, 10]);
    assert.equal(pipeline.pendingBytes, 0);
    await pipeline.close();
  });

  it('batches derived rows of aggregate tables longer, acknowledging each request once they are stored too', async () => {
    // A second target on the same table stands in for an aggregate table; the store counts inserts per target.
    const aggregate = { ...insertTarget(spansTable), table: 'spans' };
    const inserts: string[] = [];
    const counting = Object.create(temp.store) as typeof temp.store;
    counting.insertRowBinary = (target, chunks) => {
      inserts.push(target === aggregate ? 'aggregate' : 'raw');
      return temp.store.insertRowBinary(target, chunks);
    };
    const withAggregate = new Map([...targets(), ['derived', aggregate]]);
    const derive = (batch: EncodedBatch) => batch.chunks.map((chunk) => ({ ...chunk, table: 'derived' }));
    const pipeline = new IngestPipeline(
      counting,
      withAggregate,
      { ...options, batchMaxAgeMs: 1, aggregateBatchMaxAgeMs: 60_000 },
      new IngestMetrics(new Registry()),
      () => undefined,
      derive,
      new Set(['derived']),
    );
    const first = pipeline.admit(100).commit(spanBatch(2, 8));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = pipeline.admit(100).commit(spanBatch(2, 9));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Raw rows went in on their own; the derived rows of both requests still wait, and so do the requests.
    assert.deepEqual(inserts, ['raw', 'raw']);
    let acknowledged = false;
    void first.then(() => (acknowledged = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(acknowledged, false);
    await pipeline.close();
    await Promise.all([first, second]);
    assert.deepEqual(inserts, ['raw', 'raw', 'aggregate']);
    // Each request's rows are stored twice: once raw, once as the "derived" copy.
    assert.deepEqual([await countOp('op-8'), await countOp('op-9')], [4, 4]);
  });

  it('refuses new requests with a retry hint once the pending budget is spent', async () => {
    const pipeline = new IngestPipeline(temp.store, targets(), { ...options, maxPendingBytes: 500, batchMaxAgeMs: 200 }, new IngestMetrics(new Registry()));
    const first = pipeline.admit(400);
    assert.throws(
      () => pipeline.admit(400),
      (error: unknown) => isAppError(error) && error.code === 'INGEST_OVERLOADED' && [3, 4, 5, 6].includes(error.retryAfterSeconds ?? 0),
    );
    await first.commit(spanBatch(5, 4));
    assert.equal(await countOp('op-4'), 5);
    pipeline.admit(400).release();
    assert.equal(pipeline.pendingBytes, 0);
    await pipeline.close();
  });

  it('answers a failed insert with a retryable error and frees the budget', async () => {
    const broken = new Map([['spans', { ...insertTarget(spansTable), table: 'no_such_table' }]]);
    const failedTables: string[] = [];
    const pipeline = new IngestPipeline(temp.store, broken, options, new IngestMetrics(new Registry()), (table) => failedTables.push(table));
    await assert.rejects(pipeline.admit(100).commit(spanBatch(3, 5)), (error: unknown) => isAppError(error) && error.code === 'INGEST_STORE_FAILED' && [3, 4, 5, 6].includes(error.retryAfterSeconds ?? 0));
    assert.equal(pipeline.pendingBytes, 0);
    assert.deepEqual(failedTables, ['spans']);
    await pipeline.close();
  });

  it('commits what was admitted before close, then refuses', async () => {
    const pipeline = new IngestPipeline(temp.store, targets(), { ...options, batchMaxAgeMs: 10_000 }, new IngestMetrics(new Registry()));
    const pending = pipeline.admit(100).commit(spanBatch(7, 6));
    await pipeline.close();
    await pending;
    assert.equal(await countOp('op-6'), 7);
    assert.throws(() => pipeline.admit(1), (error: unknown) => isAppError(error) && error.code === 'INGEST_SHUTTING_DOWN');
  });
});
