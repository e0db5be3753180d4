import { alertInstanceSchema, type AlertInstance, type AlertTransition } from '@sightline/contract';
import { param, sql, trustedSql } from '../../../storage/sql.ts';
import type { Store } from '../../../storage/store.ts';
import { settingsVersionClock } from '../../apm/apdex-settings.ts';
import { storeLimits, type ReadLimits } from '../../read-limits.ts';
import { appendTransitions } from './alert-transitions.ts';

/** Later writes win across restarts (wall-clock microseconds), and stay ordered within one millisecond. */
const nextVersion = settingsVersionClock();

function parseInstance(text: string): AlertInstance | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = alertInstanceSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The last write of each key in a batch (one INSERT holds one version for all its rows). */
function lastPerKey<T extends { readonly ruleId: string; readonly fingerprint: string }>(items: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(JSON.stringify([item.ruleId, item.fingerprint]), item);
  return [...byKey.values()];
}

/**
 * The alert instances' current states (`alert_instances`, ReplacingMergeTree by rule id + fingerprint,
 * read with FINAL; a deleted row hides a key) and their transitions (`alert_transitions`): the
 * alerting module's AlertStateStore. Rows that no longer parse (written by a newer version) are skipped.
 */
export class StoreAlertState {
  constructor(
    private readonly store: Store,
    private readonly limits: ReadLimits,
  ) {}

  /** Every live instance. The query holds no bound values, so it runs beside others (see apdex-settings.ts). */
  async loadInstances(): Promise<AlertInstance[]> {
    const rows = await this.store.query<{ instance: string }>(
      trustedSql('SELECT instance FROM alert_instances FINAL WHERE deleted = 0 ORDER BY rule_id, fingerprint'),
      storeLimits(this.limits),
    );
    return rows.map((row) => parseInstance(row.instance)).filter((instance) => instance !== undefined);
  }

  async saveInstances(instances: readonly AlertInstance[]): Promise<void> {
    const latest = lastPerKey(instances);
    if (latest.length === 0) return;
    await this.write(
      latest.map((instance) => instance.ruleId),
      latest.map((instance) => instance.fingerprint),
      latest.map((instance) => JSON.stringify(instance)),
      0,
    );
  }

  async deleteInstances(keys: readonly { readonly ruleId: string; readonly fingerprint: string }[]): Promise<void> {
    const latest = lastPerKey(keys);
    if (latest.length === 0) return;
    await this.write(
      latest.map((key) => key.ruleId),
      latest.map((key) => key.fingerprint),
      latest.map(() => ''),
      1,
    );
  }

  async appendTransitions(transitions: readonly AlertTransition[]): Promise<void> {
    await appendTransitions(this.store, transitions);
  }

  private async write(ruleIds: readonly string[], fingerprints: readonly string[], instances: readonly string[], deleted: 0 | 1): Promise<void> {
    await this.store.command(sql`
      INSERT INTO alert_instances (rule_id, fingerprint, instance, version, deleted)
      SELECT item.1, item.2, item.3, ${param('UInt64', nextVersion())}, ${param('UInt8', deleted)}
      FROM (SELECT arrayJoin(arrayZip(${param('Array(String)', ruleIds)}, ${param('Array(String)', fingerprints)}, ${param('Array(String)', instances)})) AS item)`);
  }
}
