import assert from 'node:assert/strict';
import { appendFileSync, closeSync, copyFileSync, mkdtempSync, openSync, renameSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { openRowSinkStore, type RowSinkStore } from '../../../test/support/row-sink-store.ts';
import { sql } from '../../storage/sql.ts';
import { SettingsFileOffsetStore } from '../../storage/metadata/file-offsets.ts';
import { FileLogReceiver } from './file-log-receiver.ts';
import type { FileOffsetStore } from './file-offset-store.ts';
import { fileLogConfigSchema, type FileLogConfigInput } from './filelog-config.ts';

/** The real offset store, seeing only one test's directory (the tests share one store). */
function offsetsUnder(temp: RowSinkStore, dir: string): FileOffsetStore {
  const store = new SettingsFileOffsetStore(temp.store);
  return {
    load: async () => (await store.load()).filter((offset) => offset.path.startsWith(dir)),
    save: (offsets) => store.save(offsets),
    remove: (paths) => store.remove(paths),
  };
}

const numbered = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}`);

describe('FileLogReceiver: following files into the logs table', () => {
  let temp: RowSinkStore;
  const dirs: string[] = [];
  const receivers: FileLogReceiver[] = [];
  before(async () => {
    temp = await openRowSinkStore();
  });
  after(async () => {
    for (const receiver of receivers) await receiver.stop();
    await temp.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'sightline-filelog-'));
    dirs.push(dir);
    return dir;
  }

  async function startReceiver(dir: string, config: FileLogConfigInput): Promise<FileLogReceiver> {
    const parsed = fileLogConfigSchema.parse({ enabled: true, pollIntervalMs: 20, include: [{ paths: [`${dir}/*.log`] }], ...config });
    const receiver = new FileLogReceiver(parsed, { sink: temp.sink, offsets: offsetsUnder(temp, dir), hostName: 'test-host' });
    receivers.push(receiver);
    await receiver.start();
    return receiver;
  }

  /** How many times each body was stored from files under `dir`. */
  async function storedBodies(dir: string): Promise<Map<string, number>> {
    const rows = await temp.store.query<{ body: string; n: string }>(
      sql`SELECT body, count() AS n FROM logs WHERE startsWith(attributes_string['log.file.path'], ${dir + '/'}) GROUP BY body`,
    );
    return new Map(rows.map((row) => [row.body, Number(row.n)]));
  }

  async function waitForBodies(dir: string, count: number): Promise<Map<string, number>> {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const bodies = await storedBodies(dir);
      if ([...bodies.values()].reduce((sum, n) => sum + n, 0) >= count) return bodies;
      await sleep(20);
    }
    assert.fail(`fewer than ${count} records arrived from ${dir}`);
  }

  function assertExactlyOnce(bodies: Map<string, number>, expected: readonly string[]): void {
    const twice = [...bodies].filter(([, n]) => n !== 1).map(([body]) => body);
    assert.deepEqual(twice, [], 'records stored more than once');
    assert.deepEqual([...bodies.keys()].sort(), [...expected].sort());
  }

  it('reads appended lines once, from the end of files present at the first start and whole for new files', async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/old.log`, 'before 1\nbefore 2\n');
    writeFileSync(`${dir}/skip.txt`, 'not matched\n');
    const receiver = await startReceiver(dir, { maxLineBytes: 16 });
    const expected: string[] = [];
    for (let burst = 0; burst < 5; burst++) {
      const lines = numbered(`old ${burst}`, 1, 20);
      appendFileSync(`${dir}/old.log`, lines.map((line) => `${line}\r\n`).join(''));
      expected.push(...lines);
      await sleep(5);
    }
    writeFileSync(`${dir}/new.log`, 'ERROR first line of a new file\nthis line is longer than sixteen bytes\n');
    expected.push('ERROR first line', ' of a new file', 'this line is lon', 'ger than sixteen', ' bytes');
    assertExactlyOnce(await waitForBodies(dir, expected.length), expected);
    await receiver.stop();
    assertExactlyOnce(await storedBodies(dir), expected);

    const [row] = await temp.store.query<Record<string, unknown>>(
      sql`SELECT severity_text, severity_number, service_name, resource_string['host.name'] AS host, scope_name,
                 attributes_string['log.file.name'] AS name, attributes_string['log.file.path'] AS path, time_unix_nano,
                 observed_timestamp > now64(9) - INTERVAL 1 HOUR AS observed_recently
          FROM logs WHERE body = 'ERROR first line'`,
    );
    assert.deepEqual(row, {
      severity_text: 'ERROR',
      severity_number: 17,
      service_name: 'filelog',
      host: 'test-host',
      scope_name: 'sightline/filelog',
      name: 'new.log',
      path: `${dir}/new.log`,
      time_unix_nano: '0',
      observed_recently: 1,
    });
    const parts = await temp.store.query<{ part: string }>(
      sql`SELECT attributes_int['log.record.part'] AS part FROM logs WHERE startsWith(attributes_string['log.file.path'], ${dir + '/'}) AND body LIKE '%sixteen%'`,
    );
    assert.deepEqual(parts, [{ part: '2' }]);
  });

  it('finishes a renamed file through its open descriptor and reads the new file at the old path from its start', async () => {
    const dir = tempDir();
    const app = `${dir}/app.log`;
    await startReceiver(dir, { startAt: 'beginning' });
    const expected: string[] = [];
    let fd = openSync(app, 'a');
    const write = (target: number, line: string) => {
      writeSync(target, `${line}\n`);
      expected.push(line);
    };
    for (let i = 1; i <= 100; i++) {
      write(fd, `line ${i}`);
      if (i % 10 === 0) await sleep(3);
    }
    // Rotation 1: renamed away from the glob; the application writes to the old file a little longer.
    renameSync(app, `${app}.1`);
    write(fd, 'late line 1 to rotated file');
    let next = openSync(app, 'a');
    write(next, 'new file line 1');
    write(fd, 'late line 2 to rotated file');
    closeSync(fd);
    fd = next;
    for (let i = 101; i <= 200; i++) {
      write(fd, `line ${i}`);
      if (i % 10 === 0) await sleep(3);
    }
    // Rotation 2: renamed to a name the glob still matches.
    renameSync(app, `${dir}/app-2.log`);
    next = openSync(app, 'a');
    write(fd, 'late line to app-2');
    write(next, 'second new file line 1');
    closeSync(fd);
    fd = next;
    for (let i = 201; i <= 300; i++) {
      write(fd, `line ${i}`);
      if (i % 10 === 0) await sleep(3);
    }
    closeSync(fd);
    assertExactlyOnce(await waitForBodies(dir, expected.length), expected);
    await sleep(100);
    assertExactlyOnce(await storedBodies(dir), expected);
  });

  it('starts a copytruncated file again at 0', async () => {
    const dir = tempDir();
    const app = `${dir}/app.log`;
    writeFileSync(app, '');
    await startReceiver(dir, { startAt: 'beginning' });
    const first = numbered('before truncation', 1, 50);
    appendFileSync(app, first.map((line) => `${line}\n`).join(''));
    await waitForBodies(dir, 50);
    copyFileSync(app, `${app}.1`);
    truncateSync(app, 0);
    const second = numbered('after', 1, 5);
    appendFileSync(app, second.map((line) => `${line}\n`).join(''));
    await waitForBodies(dir, 55);
    // Now longer than before the truncation: read on from where the new content was left.
    const third = numbered('after', 6, 400);
    appendFileSync(app, third.map((line) => `${line}\n`).join(''));
    const expected = [...first, ...second, ...third];
    assertExactlyOnce(await waitForBodies(dir, expected.length), expected);
  });

  it('joins multiline records (stack traces) and emits the last one after the flush timeout', async () => {
    const dir = tempDir();
    const receiver = await startReceiver(dir, {
      startAt: 'beginning',
      include: [{ paths: [`${dir}/*.log`], service: 'java-app', multiline: { lineStartPattern: '^\\d{4}-\\d{2}-\\d{2} ', flushTimeoutMs: 100 } }],
    });
    const records = [
      '2024-05-01 10:00:00 INFO starting',
      '2024-05-01 10:00:01 ERROR request failed\njava.lang.IllegalStateException: boom\n\tat a.B.c(B.java:10)\n\tat a.D.e(D.java:20)',
      '2024-05-01 10:00:02 WARN slow\n  detail line',
    ];
    appendFileSync(`${dir}/app.log`, `${records[0]}\n${records[1]?.slice(0, 60)}`);
    await sleep(30);
    appendFileSync(`${dir}/app.log`, `${records[1]?.slice(60)}\n${records[2]}\n`);
    const bodies = await waitForBodies(dir, 3);
    assertExactlyOnce(bodies, records);
    await receiver.stop();
    const rows = await temp.store.query<{ service_name: string; severity_text: string }>(
      sql`SELECT service_name, severity_text FROM logs WHERE startsWith(attributes_string['log.file.path'], ${dir + '/'}) ORDER BY body`,
    );
    assert.deepEqual(rows, [
      { service_name: 'java-app', severity_text: 'INFO' },
      { service_name: 'java-app', severity_text: 'ERROR' },
      { service_name: 'java-app', severity_text: 'WARN' },
    ]);
  });
});
