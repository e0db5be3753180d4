import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { sql } from '../sql.ts';
import { SettingsFileOffsetStore, type StoredFileOffset } from './file-offsets.ts';

const offset = (path: string, value: number, inode = '42'): StoredFileOffset => ({ path, dev: '2049', inode, fingerprint: `5:${'a'.repeat(64)}`, offset: value });

describe('SettingsFileOffsetStore: file-tail offsets in the settings table', () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.dispose();
  });

  it('round-trips offsets, the latest save of a path winning, and keeps them for a new store object', async () => {
    const first = new SettingsFileOffsetStore(temp.store);
    assert.deepEqual(await first.load(), []);
    await first.save([offset('/var/log/a.log', 10), offset('/var/log/b "quoted" \\ \n.log', 7, '18446744073709551615')]);
    await first.save([offset('/var/log/a.log', 250, '43')]);
    await first.save([offset('/var/log/a.log', 300, '43')]);

    const reopened = new SettingsFileOffsetStore(temp.store);
    assert.deepEqual(await reopened.load(), [
      offset('/var/log/a.log', 300, '43'),
      offset('/var/log/b "quoted" \\ \n.log', 7, '18446744073709551615'),
    ]);
  });

  it('keeps the order of saves when the clock goes back, and forgets removed paths', async () => {
    const times = [5_000, 4_000];
    const offsets = new SettingsFileOffsetStore(temp.store, () => times.shift() ?? 0);
    await offsets.save([offset('/tmp/x.log', 1)]);
    await offsets.save([offset('/tmp/x.log', 2)]);
    await new SettingsFileOffsetStore(temp.store).remove(['/var/log/a.log']);
    const loaded = await new SettingsFileOffsetStore(temp.store).load();
    assert.deepEqual(
      loaded.map((row) => [row.path, row.offset]),
      [
        ['/tmp/x.log', 2],
        ['/var/log/b "quoted" \\ \n.log', 7],
      ],
    );
  });

  it('skips values it cannot read instead of failing', async () => {
    await temp.store.command(sql`INSERT INTO settings (key, value, version) VALUES ('filelog.offset./bad.log', 'not json', 1)`);
    await temp.store.command(sql`INSERT INTO settings (key, value, version) VALUES ('filelog.offset./neg.log', '{"dev":"1","inode":"2","fingerprint":"0:","offset":-1}', 1)`);
    const paths = (await new SettingsFileOffsetStore(temp.store).load()).map((row) => row.path);
    assert.ok(!paths.includes('/bad.log') && !paths.includes('/neg.log'));
    assert.deepEqual(paths, ['/tmp/x.log', '/var/log/b "quoted" \\ \n.log']);
  });
});
