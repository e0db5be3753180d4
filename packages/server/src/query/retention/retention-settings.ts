import { param, sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import type { Retention } from '../../storage/schema/retention.ts';
import type { RetentionSignal } from '../../storage/schema/table-def.ts';
import { RETENTION_SIGNALS, type RetentionChangeRequest, type RuntimeRetention } from './effective-retention.ts';

/** Runtime retention lives in the `settings` table: `retention.days.<signal>` and `retention.last-change`. */
const DAYS_PREFIX = 'retention.days.';
const LAST_CHANGE_KEY = 'retention.last-change';

export interface StoredRetentionChange {
  readonly state: 'pending' | 'applied' | 'failed';
  readonly trigger: 'api' | 'startup';
  readonly requestedAt: string;
  readonly appliedAt: string | null;
  readonly retention: Retention;
  readonly tablesChanged: readonly string[];
  readonly error: string | null;
}

interface SettingRow {
  readonly key: string;
  readonly value: string;
}

/** Both kinds of rows in one read (the query holds no values, so it runs beside bound queries). */
async function readRows(store: Store): Promise<SettingRow[]> {
  return store.query<SettingRow>(trustedSql(`SELECT key, value FROM settings FINAL WHERE startsWith(key, 'retention.') AND deleted = 0 ORDER BY key`));
}

function isSignal(name: string): name is RetentionSignal {
  return (RETENTION_SIGNALS as readonly string[]).includes(name);
}

function parseChange(text: string): StoredRetentionChange | null {
  try {
    const value = JSON.parse(text) as StoredRetentionChange;
    return typeof value === 'object' && value !== null && typeof value.state === 'string' ? value : null;
  } catch {
    return null;
  }
}

export interface StoredRetention {
  readonly runtime: RuntimeRetention;
  readonly lastChange: StoredRetentionChange | null;
}

export async function readStoredRetention(store: Store): Promise<StoredRetention> {
  const runtime: RuntimeRetention = {};
  let lastChange: StoredRetentionChange | null = null;
  for (const row of await readRows(store)) {
    if (row.key === LAST_CHANGE_KEY) lastChange = parseChange(row.value);
    const signal = row.key.slice(DAYS_PREFIX.length);
    const days = Number(row.value);
    if (row.key.startsWith(DAYS_PREFIX) && isSignal(signal) && Number.isInteger(days) && days > 0) runtime[signal] = days;
  }
  return { runtime, lastChange };
}

async function writeSetting(store: Store, key: string, value: string | null, version: bigint): Promise<void> {
  const deleted = param('UInt8', value === null ? 1 : 0);
  await store.command(sql`INSERT INTO settings (key, value, version, deleted) SELECT ${key}, ${value ?? ''}, ${param('UInt64', version)}, ${deleted}`);
}

/** Stores the runtime days of each signal named in `change` (`null` removes the setting). */
export async function writeRuntimeRetention(store: Store, change: RetentionChangeRequest, nextVersion: () => bigint): Promise<void> {
  for (const signal of RETENTION_SIGNALS) {
    const value = change[signal];
    if (value !== undefined) await writeSetting(store, DAYS_PREFIX + signal, value === null ? null : String(value), nextVersion());
  }
}

export async function writeRetentionChange(store: Store, change: StoredRetentionChange, version: bigint): Promise<void> {
  await writeSetting(store, LAST_CHANGE_KEY, JSON.stringify(change), version);
}
