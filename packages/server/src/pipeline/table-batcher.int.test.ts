import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleSpan } from '../../test/support/sample-rows.ts';
import { openTempStore, type TempStore } from '../../test/support/temp-store.ts';
import { insertTarget } from '../storage/encode/encode-rows.ts';
import { encodeTraces } from '../storage/encode/encode-signals.ts';
import { spansTable } from '../storage/schema/spans-table.ts';
import { TableBatcher, type BatchResult } from './table-batcher.ts';

function chunk(rows: number): Uint8Array {
  return encodeTraces({ rows: Array.from({ length: rows }, () => sampleSpan()), rejected: 0, rejectionMessage: '' }).chunks[0]!.data;
}

describe('table batcher', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('caps each insert at maxRows without splitting a request, keeping order', async () => {
    const batches: BatchResult[] = [];
    const batcher = new TableBatcher(temp.store, insertTarget(spansTable), { maxRows: 15, minRows: 1000, maxAgeMs: 20 }, (result) => batches.push(result));
    await Promise.all([batcher.add(chunk(10), 10), batcher.add(chunk(4), 4), batcher.add(chunk(10), 10), batcher.add(chunk(20), 20)]);
    assert.deepEqual(
      batches.map((batch) => batch.rows),
      [14, 10, 20],
    );
  });

  it('inserts at once when minRows wait and the store is idle, without waiting for the age limit', async () => {
    const batches: BatchResult[] = [];
    const batcher = new TableBatcher(temp.store, insertTarget(spansTable), { maxRows: 100, minRows: 5, maxAgeMs: 60_000 }, (result) => batches.push(result));
    const started = Date.now();
    await batcher.add(chunk(5), 5);
    assert.ok(Date.now() - started < 30_000);
    assert.deepEqual(batches.map((batch) => batch.rows), [5]);
  });
});
