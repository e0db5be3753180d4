import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, ErrorCodes } from '../errors.ts';
import { QuerySlots } from './query-concurrency.ts';

interface Gate {
  readonly promise: Promise<string>;
  readonly open: (value: string) => void;
}

function gate(): Gate {
  let open: (value: string) => void = () => undefined;
  const promise = new Promise<string>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function isBusy(error: unknown): boolean {
  return error instanceof AppError && error.code === ErrorCodes.QUERY_BUSY && (error.retryAfterSeconds ?? 0) >= 1 && /try again/.test(error.message);
}

describe('QuerySlots', () => {
  it('runs at most maxConcurrent tasks and starts waiters in arrival order', async () => {
    const slots = new QuerySlots({ maxConcurrent: 2, maxQueued: 10, queueWaitMs: 60_000 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const results = gates.map((g, index) =>
      slots.run(() => {
        started.push(index);
        return g.promise;
      }),
    );
    await Promise.resolve();
    assert.deepEqual(started, [0, 1]);
    assert.equal(slots.active, 2);
    assert.equal(slots.queued, 2);
    gates[1]!.open('b');
    assert.equal(await results[1], 'b');
    await Promise.resolve();
    assert.deepEqual(started, [0, 1, 2]);
    gates[0]!.open('a');
    gates[2]!.open('c');
    gates[3]!.open('d');
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
    assert.equal(slots.active, 0);
    assert.equal(slots.queued, 0);
  });

  it('fails at once with QUERY_BUSY when the queue is full', async () => {
    const slots = new QuerySlots({ maxConcurrent: 1, maxQueued: 1, queueWaitMs: 60_000 });
    const first = gate();
    const running = slots.run(() => first.promise);
    const waiting = slots.run(() => Promise.resolve('second'));
    await assert.rejects(slots.run(() => Promise.resolve('third')), isBusy);
    first.open('first');
    assert.deepEqual(await Promise.all([running, waiting]), ['first', 'second']);
  });

  it('fails a waiter with QUERY_BUSY after queueWaitMs and frees its place', async () => {
    const slots = new QuerySlots({ maxConcurrent: 1, maxQueued: 1, queueWaitMs: 20 });
    const first = gate();
    const running = slots.run(() => first.promise);
    await assert.rejects(slots.run(() => Promise.resolve('late')), isBusy);
    assert.equal(slots.queued, 0);
    first.open('first');
    assert.equal(await running, 'first');
    assert.equal(await slots.run(() => Promise.resolve('after')), 'after');
  });

  it('releases the slot when a task fails', async () => {
    const slots = new QuerySlots({ maxConcurrent: 1, maxQueued: 0, queueWaitMs: 10 });
    await assert.rejects(slots.run(() => Promise.reject(new Error('engine said no'))), /engine said no/);
    assert.equal(slots.active, 0);
    assert.equal(await slots.run(() => Promise.resolve('ok')), 'ok');
  });
});
