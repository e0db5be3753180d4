import { param, sql, trustedSql } from '../sql.ts';
import type { Store } from '../store.ts';

/** How far a followed log file has been stored (the shape the file-tail receiver saves). */
export interface StoredFileOffset {
  readonly path: string;
  readonly dev: string;
  readonly inode: string;
  readonly fingerprint: string;
  readonly offset: number;
}

/** Offsets live in the `settings` table, one row per file path under this prefix. */
const KEY_PREFIX = 'filelog.offset.';

function isStoredOffset(value: unknown): value is Omit<StoredFileOffset, 'path'> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.dev === 'string' &&
    typeof record.inode === 'string' &&
    typeof record.fingerprint === 'string' &&
    typeof record.offset === 'number' &&
    Number.isSafeInteger(record.offset) &&
    record.offset >= 0
  );
}

function parseValue(path: string, value: string): StoredFileOffset | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!isStoredOffset(parsed)) return undefined;
    return { path, dev: parsed.dev, inode: parsed.inode, fingerprint: parsed.fingerprint, offset: parsed.offset };
  } catch {
    return undefined;
  }
}

/**
 * Row versions: wall-clock microseconds, so a later save wins also across restarts, strictly
 * increasing within the process, so two saves in one millisecond keep their order.
 */
function versionClock(now: () => number): () => bigint {
  let last = 0n;
  return () => {
    const wall = BigInt(now()) * 1000n;
    last = wall > last ? wall : last + 1n;
    return last;
  };
}

/**
 * The file-tail receiver's offsets in the `settings` table (ReplacingMergeTree read with FINAL): key
 * `filelog.offset.<path>`, value JSON `{dev, inode, fingerprint, offset}`; removal writes a deleted row.
 */
export class SettingsFileOffsetStore {
  private readonly nextVersion: () => bigint;

  constructor(
    private readonly store: Store,
    now: () => number = Date.now,
  ) {
    this.nextVersion = versionClock(now);
  }

  async load(): Promise<StoredFileOffset[]> {
    // No values in the text: it does not wait behind bound queries.
    const rows = await this.store.query<{ key: string; value: string }>(
      trustedSql(`SELECT key, value FROM settings FINAL WHERE startsWith(key, '${KEY_PREFIX}') AND deleted = 0 ORDER BY key`),
    );
    return rows.flatMap((row) => parseValue(row.key.slice(KEY_PREFIX.length), row.value) ?? []);
  }

  async save(offsets: readonly StoredFileOffset[]): Promise<void> {
    if (offsets.length === 0) return;
    const keys = offsets.map((offset) => KEY_PREFIX + offset.path);
    const values = offsets.map(({ dev, inode, fingerprint, offset }) => JSON.stringify({ dev, inode, fingerprint, offset }));
    await this.write(keys, values, 0);
  }

  async remove(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.write(
      paths.map((path) => KEY_PREFIX + path),
      paths.map(() => ''),
      1,
    );
  }

  private async write(keys: readonly string[], values: readonly string[], deleted: 0 | 1): Promise<void> {
    await this.store.command(sql`
      INSERT INTO settings (key, value, version, deleted)
      SELECT pair.1, pair.2, ${param('UInt64', this.nextVersion())}, ${param('UInt8', deleted)}
      FROM (SELECT arrayJoin(arrayZip(${param('Array(String)', keys)}, ${param('Array(String)', values)})) AS pair)`);
  }
}
