import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MultilineAggregator } from './multiline-aggregator.ts';

const line = (text: string, endOffset: number, part = 0) => ({ text, endOffset, part });

describe('MultilineAggregator', () => {
  it('without a pattern makes every non-empty line a record', () => {
    const aggregator = new MultilineAggregator({ flushTimeoutMs: 1000, maxRecordBytes: 100 });
    assert.deepEqual(aggregator.add(line('a', 2), 5), [{ text: 'a', endOffset: 2, part: 0, firstReadAtMs: 5 }]);
    assert.deepEqual(aggregator.add(line('', 3), 5), []);
    assert.equal(aggregator.hasPending, false);
  });

  it('keeps a stack trace in one record until the next start line', () => {
    const aggregator = new MultilineAggregator({ lineStartPattern: /^\d{4}-/, flushTimeoutMs: 1000, maxRecordBytes: 1000 });
    assert.deepEqual(aggregator.add(line('2024-01-01 ERROR boom', 22), 1), []);
    assert.deepEqual(aggregator.add(line('  at a.b(C.java:1)', 41), 2), []);
    assert.deepEqual(aggregator.add(line('  at c.d(E.java:2)', 60), 3), []);
    assert.deepEqual(aggregator.add(line('', 61), 3), []);
    const out = aggregator.add(line('2024-01-01 INFO next', 81), 4);
    assert.deepEqual(out, [{ text: '2024-01-01 ERROR boom\n  at a.b(C.java:1)\n  at c.d(E.java:2)', endOffset: 61, part: 0, firstReadAtMs: 1 }]);
    assert.equal(aggregator.hasPending, true);
  });

  it('emits the open record once it has been idle for the timeout, not before', () => {
    const aggregator = new MultilineAggregator({ lineStartPattern: /^START/, flushTimeoutMs: 1000, maxRecordBytes: 1000 });
    aggregator.add(line('START x', 8), 100);
    aggregator.add(line('more', 13), 600);
    assert.equal(aggregator.flushIfIdle(1599), undefined);
    assert.deepEqual(aggregator.flushIfIdle(1600), { text: 'START x\nmore', endOffset: 13, part: 0, firstReadAtMs: 100 });
    assert.equal(aggregator.flush(), undefined);
  });

  it('closes a record before it would pass the size limit, and takes lines before the first start as a record', () => {
    const aggregator = new MultilineAggregator({ lineStartPattern: /^S/, flushTimeoutMs: 1000, maxRecordBytes: 10 });
    assert.deepEqual(aggregator.add(line('orphan', 7), 1), []);
    assert.deepEqual(aggregator.add(line('S12345', 14), 1), [{ text: 'orphan', endOffset: 7, part: 0, firstReadAtMs: 1 }]);
    assert.deepEqual(aggregator.add(line('abcdef', 21), 1), [{ text: 'S12345', endOffset: 14, part: 0, firstReadAtMs: 1 }]);
    assert.deepEqual(aggregator.flush(), { text: 'abcdef', endOffset: 21, part: 0, firstReadAtMs: 1 });
  });
});
