import { param, sql, trustedSql } from '../../storage/sql.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import type { Store } from '../../storage/store.ts';

/** Per-service apdex thresholds, kept in the `settings` table under `apm.apdex.<service>`. */
const KEY_PREFIX = 'apm.apdex.';

/**
 * The thresholds (ms) set for services; services without one use the configured default. The query
 * holds no values, so the embedded engine runs it alongside a bound query (bound ones run one at a time).
 */
export async function readApdexThresholds(store: Store, limits: ReadLimits): Promise<Map<string, number>> {
  const rows = await store.query<{ key: string; value: string }>(
    trustedSql(`SELECT key, value FROM settings FINAL WHERE startsWith(key, '${KEY_PREFIX}') AND deleted = 0 ORDER BY key`),
    storeLimits(limits),
  );
  const thresholds = new Map<string, number>();
  for (const row of rows) {
    const value = Number(row.value);
    if (Number.isFinite(value) && value > 0) thresholds.set(row.key.slice(KEY_PREFIX.length), value);
  }
  return thresholds;
}

/**
 * Versions for the settings rows: wall-clock microseconds (so later writes win across restarts and
 * nodes), strictly increasing within the process (so two writes in one millisecond keep their order).
 */
export function settingsVersionClock(now: () => number = Date.now): () => bigint {
  let last = 0n;
  return () => {
    const wall = BigInt(now()) * 1000n;
    last = wall > last ? wall : last + 1n;
    return last;
  };
}

/** Sets a service's threshold, or with `null` removes it (back to the default). */
export async function writeApdexThreshold(store: Store, service: string, thresholdMs: number | null, version: bigint): Promise<void> {
  const value = thresholdMs === null ? '' : String(thresholdMs);
  const deleted = param('UInt8', thresholdMs === null ? 1 : 0);
  await store.command(
    sql`INSERT INTO settings (key, value, version, deleted) SELECT ${KEY_PREFIX + service}, ${value}, ${param('UInt64', version)}, ${deleted}`,
  );
}
