import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { openRowSinkStore, type RowSinkStore } from '../../../test/support/row-sink-store.ts';
import { AppError, ErrorCodes } from '../../errors.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import { SettingsFileOffsetStore } from '../../storage/metadata/file-offsets.ts';
import { sql } from '../../storage/sql.ts';
import { FileLogReceiver } from './file-log-receiver.ts';
import type { FileOffsetStore } from './file-offset-store.ts';
import { fileLogConfigSchema, type FileLogConfigInput } from './filelog-config.ts';

const numbered = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}`);
const text = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');

describe('FileLogReceiver: restarts and back-pressure neither lose nor repeat lines', () => {
  let temp: RowSinkStore;
  const dirs: string[] = [];
  before(async () => {
    temp = await openRowSinkStore();
  });
  after(async () => {
    await temp.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'sightline-filelog-'));
    dirs.push(dir);
    return dir;
  }

  /** A new offset-store object over the shared store, seeing only one test's directory. */
  function offsetsUnder(dir: string): FileOffsetStore {
    const store = new SettingsFileOffsetStore(temp.store);
    return {
      load: async () => (await store.load()).filter((offset) => offset.path.startsWith(dir)),
      save: (offsets) => store.save(offsets),
      remove: (paths) => store.remove(paths),
    };
  }

  async function startReceiver(dir: string, sink: RowSink, config: FileLogConfigInput = {}): Promise<FileLogReceiver> {
    const parsed = fileLogConfigSchema.parse({ enabled: true, pollIntervalMs: 20, include: [{ paths: [`${dir}/*.log`] }], ...config });
    const receiver = new FileLogReceiver(parsed, { sink, offsets: offsetsUnder(dir), onError: () => undefined });
    await receiver.start();
    return receiver;
  }

  async function storedBodies(dir: string): Promise<Map<string, number>> {
    const rows = await temp.store.query<{ body: string; n: string }>(
      sql`SELECT body, count() AS n FROM logs WHERE startsWith(attributes_string['log.file.path'], ${dir + '/'}) GROUP BY body`,
    );
    return new Map(rows.map((row) => [row.body, Number(row.n)]));
  }

  async function waitForCount(dir: string, count: number): Promise<void> {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const bodies = await storedBodies(dir);
      if ([...bodies.values()].reduce((sum, n) => sum + n, 0) >= count) return;
      await sleep(20);
    }
    assert.fail(`fewer than ${count} records arrived from ${dir}`);
  }

  function assertExactlyOnce(bodies: Map<string, number>, expected: readonly string[]): void {
    assert.deepEqual([...bodies].filter(([, n]) => n !== 1), [], 'records stored more than once');
    assert.deepEqual([...bodies.keys()].sort(), [...expected].sort());
  }

  it('resumes after a restart in the middle where the previous run left off', async () => {
    const dir = tempDir();
    const app = `${dir}/app.log`;
    writeFileSync(app, text(numbered('history', 1, 5)));
    const first = await startReceiver(dir, temp.sink, { startAt: 'end' });
    const expected = numbered('line', 1, 50);
    appendFileSync(app, text(expected));
    await waitForCount(dir, 50);
    // Lines the first run may or may not read before it stops, and a line it sees only half of.
    const during = numbered('line', 51, 100);
    appendFileSync(app, `${text(during)}line 101 beg`);
    expected.push(...during);
    await first.stop();

    appendFileSync(app, `un after the stop\n${text(numbered('line', 102, 150))}`);
    expected.push('line 101 begun after the stop', ...numbered('line', 102, 150));
    // A file that appeared while nothing ran is read whole, although startAt is `end`.
    writeFileSync(`${dir}/while-down.log`, text(numbered('down', 1, 10)));
    expected.push(...numbered('down', 1, 10));
    // A file renamed while nothing ran, still matched: known by its inode, read on from its offset.
    renameSync(app, `${dir}/app-1.log`);
    appendFileSync(`${dir}/app-1.log`, text(numbered('line', 151, 160)));
    expected.push(...numbered('line', 151, 160));

    const second = await startReceiver(dir, temp.sink, { startAt: 'end' });
    await waitForCount(dir, expected.length);
    await second.stop();
    assertExactlyOnce(await storedBodies(dir), expected);
  });

  it('flushes a pending multiline record at stop and goes on after it at the next start', async () => {
    const dir = tempDir();
    const app = `${dir}/app.log`;
    const multiline = { lineStartPattern: '^BEGIN', flushTimeoutMs: 60_000 };
    const first = await startReceiver(dir, temp.sink, { startAt: 'beginning', include: [{ paths: [`${dir}/*.log`], multiline }] });
    appendFileSync(app, 'BEGIN one\n  more\nBEGIN two\n  two more\n');
    await waitForCount(dir, 1);
    await first.stop();
    appendFileSync(app, 'BEGIN three\n  tail\nBEGIN four\n');
    const second = await startReceiver(dir, temp.sink, { startAt: 'beginning', include: [{ paths: [`${dir}/*.log`], multiline }] });
    await waitForCount(dir, 3);
    await second.stop();
    assertExactlyOnce(await storedBodies(dir), ['BEGIN one\n  more', 'BEGIN two\n  two more', 'BEGIN three\n  tail', 'BEGIN four']);
  });

  it('under back-pressure stops reading and retries the same records after the hint', async () => {
    const dir = tempDir();
    const app = `${dir}/app.log`;
    let refusals = 2;
    let calls = 0;
    // The real sink, refusing its first calls the way the pipeline does when its budget is spent.
    const sink: RowSink = {
      write(signal, protocol, rows) {
        calls++;
        if (refusals-- > 0) return Promise.reject(new AppError(ErrorCodes.INGEST_OVERLOADED, 'over budget', { retryAfterSeconds: 1 }));
        return temp.sink.write(signal, protocol, rows);
      },
    };
    const receiver = await startReceiver(dir, sink, { startAt: 'beginning' });
    const expected = numbered('line', 1, 30);
    appendFileSync(app, text(expected.slice(0, 10)));
    await sleep(50);
    appendFileSync(app, text(expected.slice(10)));
    await waitForCount(dir, 30);
    await receiver.stop();
    assertExactlyOnce(await storedBodies(dir), expected);
    assert.equal(receiver.snapshot().writeRetries, 2);
    assert.ok(calls >= 3);
  });
});
