import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, ErrorCodes } from '../../errors.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import type { SignalRows } from '../../signals/decoded.ts';
import type { LogRow } from '../../signals/log-record.ts';
import { parseSyslog } from './parse-syslog.ts';
import { SyslogBatcher, type BatcherEvents, type BatcherOptions } from './syslog-batcher.ts';
import { syslogLogRow } from './syslog-log-row.ts';

/** A RowSink that answers each write as the test scripts it: stored, refused with an error, or held. */
class ScriptedSink implements RowSink {
  readonly stored: LogRow[][] = [];
  calls = 0;
  constructor(private readonly answer: (call: number) => Error | Promise<void> | undefined) {}

  async write<S extends 'logs' | 'metrics'>(signal: S, protocol: string, rows: readonly SignalRows[S][]): Promise<void> {
    assert.equal(signal, 'logs');
    assert.equal(protocol, 'syslog');
    this.calls += 1;
    const answer = this.answer(this.calls);
    if (answer instanceof Error) throw answer;
    await answer;
    this.stored.push([...(rows as readonly LogRow[])]);
  }
}

const OPTIONS: BatcherOptions = { maxBatchRows: 1000, maxBatchAgeMs: 10, maxQueuedRows: 5000, storeRetryMs: 5, maxStoreRetries: 2 };

function recorder(): BatcherEvents & { congestion: (c: boolean) => void; readonly changes: boolean[]; readonly discards: string[] } {
  const changes: boolean[] = [];
  const discards: string[] = [];
  return {
    changes,
    discards,
    congestion: (congested) => changes.push(congested),
    discarded: (transport, count, reason) => discards.push(`${transport}:${count}:${reason}`),
  };
}

const rowFor = (index: number): LogRow =>
  syslogLogRow(parseSyslog(`<13>1 - h a - - - message ${index}`, { nowMs: 0, timeZone: 'UTC' }), {
    transport: 'tcp',
    peerAddress: '127.0.0.1',
    peerPort: 1,
    receivedUnixNano: 1n,
    truncated: false,
  });
const bodies = (rows: readonly LogRow[]): string[] => rows.map((row) => (row.body.kind === 'string' ? row.body.value : ''));

describe('syslog batcher', () => {
  it('writes full batches at once and a partial one when it is old enough, in order', async () => {
    let firstWrite: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (firstWrite = resolve));
    const sink = new ScriptedSink(() => {
      firstWrite();
      return undefined;
    });
    const batcher = new SyslogBatcher(sink, OPTIONS, recorder());
    for (let index = 0; index < 3; index += 1) batcher.add(rowFor(index), 'tcp');
    await written;
    await batcher.flush();
    assert.deepStrictEqual(sink.stored.map(bodies), [['message 0', 'message 1', 'message 2']]);
    for (let index = 0; index < 2500; index += 1) batcher.add(rowFor(index), 'tcp');
    await batcher.flush();
    assert.deepStrictEqual(sink.stored.slice(1).map((rows) => rows.length), [1000, 1000, 500]);
    assert.deepStrictEqual(bodies(sink.stored.flat()).slice(3, 6), ['message 0', 'message 1', 'message 2']);
    assert.equal(bodies(sink.stored.flat()).at(-1), 'message 2499');
  });

  it('retries a refused batch as it is after the hint, congested meanwhile, losing nothing', async () => {
    const overloaded = new AppError(ErrorCodes.INGEST_OVERLOADED, 'busy', { retryAfterSeconds: 0.01 });
    const sink = new ScriptedSink((call) => (call <= 2 ? overloaded : undefined));
    const events = recorder();
    const batcher = new SyslogBatcher(sink, OPTIONS, events);
    for (let index = 0; index < 10; index += 1) batcher.add(rowFor(index), 'tcp');
    await batcher.flush();
    assert.equal(sink.calls, 3);
    assert.deepStrictEqual(sink.stored.map(bodies), [Array.from({ length: 10 }, (_, index) => `message ${index}`)]);
    assert.deepStrictEqual(events.changes, [true, false]);
    assert.deepStrictEqual(events.discards, []);
  });

  it('refuses UDP rows beyond the queue bound and is congested until half of it has drained', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sink = new ScriptedSink((call) => (call === 1 ? held : undefined));
    const events = recorder();
    const batcher = new SyslogBatcher(sink, { ...OPTIONS, maxBatchRows: 4, maxQueuedRows: 10 }, events);
    const accepted = Array.from({ length: 15 }, (_, index) => batcher.offer(rowFor(index), 'udp'));
    assert.deepStrictEqual(accepted, [...Array<boolean>(10).fill(true), ...Array<boolean>(5).fill(false)]);
    assert.equal(batcher.isCongested, true);
    release();
    await batcher.flush();
    assert.equal(batcher.isCongested, false);
    assert.deepStrictEqual(events.changes, [true, false]);
    assert.equal(sink.stored.flat().length, 10);
  });

  it('counts what the store cannot take by transport and reason', async () => {
    const sink = new ScriptedSink((call) =>
      call === 1 ? new AppError(ErrorCodes.INGEST_SHUTTING_DOWN, 'closing') : new AppError(ErrorCodes.INGEST_STORE_FAILED, 'disk full'),
    );
    const events = recorder();
    const batcher = new SyslogBatcher(sink, OPTIONS, events);
    batcher.add(rowFor(0), 'tcp');
    batcher.offer(rowFor(1), 'udp');
    batcher.offer(rowFor(2), 'udp');
    await batcher.flush();
    batcher.add(rowFor(3), 'tcp');
    await batcher.flush();
    assert.deepStrictEqual(events.discards, ['tcp:1:shutting_down', 'udp:2:shutting_down', 'tcp:1:store_failed']);
    assert.equal(sink.calls, 1 + 1 + OPTIONS.maxStoreRetries);
  });
});
