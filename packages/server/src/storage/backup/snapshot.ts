import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { identifier, sql, trustedSql, type SqlFragment } from '../sql.ts';
import type { Store } from '../store.ts';
import type { EngineTable } from './engine-tables.ts';

/**
 * A point-in-time snapshot of every table: `ALTER TABLE … FREEZE WITH NAME` hard-links the active
 * parts of each table under `<root>/shadow/<name>/`. All tables are frozen by ONE statement batch on
 * the store's write session, and every write of the server (ingest, materialized views, settings)
 * runs on that session one operation at a time, so no insert lands between two tables: a view's
 * target is frozen in the same state as its source. Parts are immutable, so the links stay valid
 * while they are copied, whatever merges do meanwhile.
 */
export interface Snapshot {
  readonly name: string;
  /** The frozen parts of `table`. */
  folderOf(table: EngineTable): string;
  release(): Promise<void>;
}

/** The engine takes the name only as a literal; it is generated here and checked to be plain. */
const SNAPSHOT_NAME = /^sightline_backup_[0-9a-f]+$/;

export function freezeStatement(tables: readonly EngineTable[], name: string): SqlFragment {
  if (!SNAPSHOT_NAME.test(name)) throw new Error(`invalid snapshot name ${name}`);
  const statements = tables.map((table) => sql`ALTER TABLE ${identifier(table.name)} FREEZE WITH NAME ${trustedSql(`'${name}'`)}`);
  return statements.reduce((all, next) => sql`${all}; ${next}`);
}

export async function takeSnapshot(store: Store, root: string, tables: readonly EngineTable[]): Promise<Snapshot> {
  const name = `sightline_backup_${Date.now().toString(16)}${randomBytes(4).toString('hex')}`;
  const shadow = path.join(root, 'shadow', name);
  const release = (): Promise<void> => rm(shadow, { recursive: true, force: true });
  try {
    if (tables.length > 0) await store.command(freezeStatement(tables, name));
  } catch (error) {
    await release();
    throw error;
  }
  return {
    name,
    folderOf: (table) => path.join(shadow, path.relative(root, table.dataPath)),
    release,
  };
}
