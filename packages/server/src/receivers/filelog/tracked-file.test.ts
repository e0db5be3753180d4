import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fingerprintOf, readHead } from './file-fingerprint.ts';
import { TrackedFile } from './tracked-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sightline-tracked-'));
const group = { index: 0, resource: { attributes: [], droppedAttributesCount: 0, schemaUrl: '' }, multiline: { flushTimeoutMs: 1000, maxRecordBytes: 1000 } };

async function track(file: string): Promise<TrackedFile> {
  const handle = await open(file, 'r');
  const stats = await handle.stat({ bigint: true });
  return new TrackedFile(handle, { dev: String(stats.dev), inode: String(stats.ino) }, file, group, fingerprintOf(await readHead(handle)), 0, 1000);
}

async function checkStart(tracked: TrackedFile, file: string) {
  const stats = statSync(file);
  return tracked.checkStart(stats.size, stats.mtimeMs + Math.random());
}

describe('TrackedFile: truncation by size and by first bytes', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts at 0 when the file was truncated and rewritten past the read offset', async () => {
    const file = `${dir}/grew.log`;
    writeFileSync(file, 'first 1\nfirst 2\n');
    const tracked = await track(file);
    try {
      assert.deepEqual((await tracked.read(1 << 20, 1)).records.map((record) => record.text), ['first 1', 'first 2']);
      tracked.committed(tracked.generation, tracked.readOffset);
      assert.equal((await checkStart(tracked, file)).truncated, false);
      writeFileSync(file, 'second 1\nsecond 2\nsecond 3\n');
      const check = await checkStart(tracked, file);
      assert.equal(check.truncated, true);
      assert.equal(tracked.committedOffset, 0);
      assert.deepEqual((await tracked.read(1 << 20, 2)).records.map((record) => record.text), ['second 1', 'second 2', 'second 3']);
    } finally {
      await tracked.close();
    }
  });

  it('keeps reading a file that only grew, and ignores commits of records read before a restart', async () => {
    const file = `${dir}/appended.log`;
    writeFileSync(file, 'a\n');
    const tracked = await track(file);
    try {
      await tracked.read(1 << 20, 1);
      const before = tracked.generation;
      writeFileSync(file, 'a\nb\n');
      assert.equal((await checkStart(tracked, file)).truncated, false);
      assert.deepEqual((await tracked.read(1 << 20, 1)).records.map((record) => record.text), ['b']);
      writeFileSync(file, '');
      assert.equal((await checkStart(tracked, file)).truncated, true);
      tracked.committed(before, 4);
      assert.equal(tracked.committedOffset, 0);
    } finally {
      await tracked.close();
    }
  });
});
