import { applyRetention } from '../../storage/schema/apply-retention.ts';
import type { Retention } from '../../storage/schema/retention.ts';
import type { RetentionSignal } from '../../storage/schema/table-def.ts';
import type { Store } from '../../storage/store.ts';
import { settingsVersionClock } from '../apm/apdex-settings.ts';
import { effectiveRetention, retentionSources, withChange, type RetentionChangeRequest, type SignalRetentionState } from './effective-retention.ts';
import { readStoredRetention, writeRetentionChange, writeRuntimeRetention, type StoredRetentionChange } from './retention-settings.ts';
import { tablesRecalculatingTtl } from './ttl-recalculation.ts';

export interface RetentionState {
  readonly signals: Readonly<Record<RetentionSignal, SignalRetentionState>>;
  readonly lastChange: StoredRetentionChange | null;
  readonly expiryPendingTables: readonly string[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The retention in force per signal with its source, the last change, and tables still re-dating parts. */
export async function readRetentionState(store: Store, config: Retention): Promise<RetentionState> {
  const stored = await readStoredRetention(store);
  return { signals: retentionSources(config, stored.runtime), lastChange: stored.lastChange, expiryPendingTables: await tablesRecalculatingTtl(store) };
}

function pendingChange(trigger: StoredRetentionChange['trigger'], retention: Retention): StoredRetentionChange {
  return { state: 'pending', trigger, requestedAt: new Date().toISOString(), appliedAt: null, retention, tablesChanged: [], error: null };
}

/**
 * Applies `retention` to every table and records the outcome as the last change (an applied one only
 * when `record` says so). Returns the failure, if any, after recording it.
 */
async function applyAndRecord(
  store: Store,
  pending: StoredRetentionChange,
  nextVersion: () => bigint,
  record: (tablesChanged: readonly string[]) => boolean,
): Promise<Error | undefined> {
  try {
    const tablesChanged = await applyRetention(store, pending.retention);
    if (record(tablesChanged)) {
      await writeRetentionChange(store, { ...pending, state: 'applied', appliedAt: new Date().toISOString(), tablesChanged }, nextVersion());
    }
    return undefined;
  } catch (error) {
    await writeRetentionChange(store, { ...pending, state: 'failed', error: messageOf(error) }, nextVersion());
    return error instanceof Error ? error : new Error(messageOf(error));
  }
}

/**
 * Stores a runtime retention change (it wins over the configuration, also after restarts) and applies it
 * to the tables at once. A failure to change a table is kept in the state (`lastChange.state: failed`),
 * not thrown: the setting is stored and is applied again at the next start.
 */
export async function changeRetention(
  store: Store,
  config: Retention,
  change: RetentionChangeRequest,
  nextVersion: () => bigint,
): Promise<RetentionState> {
  const stored = await readStoredRetention(store);
  const retention = effectiveRetention(config, withChange(stored.runtime, change));
  const pending = pendingChange('api', retention);
  // The setting and a pending record first: if the process stops before the tables change, the next start applies it.
  await writeRuntimeRetention(store, change, nextVersion);
  await writeRetentionChange(store, pending, nextVersion());
  await applyAndRecord(store, pending, nextVersion, () => true);
  return readRetentionState(store, config);
}

/**
 * For start-up, after `migrate`: applies the retention in force — each signal's runtime setting (stored
 * through the API) where there is one, else the configured value. Records the change when a table
 * changed or a previous change was left pending or failed. Returns the retention applied.
 */
export async function applyStoredRetention(store: Store, config: Retention): Promise<Retention> {
  const stored = await readStoredRetention(store);
  const retention = effectiveRetention(config, stored.runtime);
  const nextVersion = settingsVersionClock();
  const unfinished = stored.lastChange !== null && stored.lastChange.state !== 'applied';
  const failure = await applyAndRecord(store, pendingChange('startup', retention), nextVersion, (changed) => changed.length > 0 || unfinished);
  if (failure !== undefined) throw failure;
  return retention;
}
