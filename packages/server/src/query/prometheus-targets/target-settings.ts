import { z } from 'zod';
import { param, sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';

/** Prometheus targets added at runtime, kept in the `settings` table under `prometheus.target.<id>`. */
const KEY_PREFIX = 'prometheus.target.';

export interface StoredPrometheusTarget {
  readonly id: string;
  readonly job: string;
  /** `host:port`. */
  readonly target: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly metricsPath: string;
  readonly scheme: 'http' | 'https';
  readonly intervalSeconds?: number | undefined;
  readonly createdMs: number;
}

const storedValueSchema = z.object({
  job: z.string(),
  target: z.string(),
  labels: z.record(z.string(), z.string()).default({}),
  metricsPath: z.string().default('/metrics'),
  scheme: z.enum(['http', 'https']).default('http'),
  intervalSeconds: z.number().positive().optional(),
  createdMs: z.number().default(0),
});

/**
 * Every runtime target, oldest first. A row that does not parse (written by a newer version, say) is
 * skipped rather than failing the list. The query holds no values, like the apdex settings read.
 */
export async function readPrometheusTargets(store: Store, limits: ReadLimits): Promise<StoredPrometheusTarget[]> {
  const rows = await store.query<{ key: string; value: string }>(
    trustedSql(`SELECT key, value FROM settings FINAL WHERE startsWith(key, '${KEY_PREFIX}') AND deleted = 0 ORDER BY key`),
    storeLimits(limits),
  );
  const targets: StoredPrometheusTarget[] = [];
  for (const row of rows) {
    let json: unknown;
    try {
      json = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = storedValueSchema.safeParse(json);
    if (parsed.success) targets.push({ id: row.key.slice(KEY_PREFIX.length), ...parsed.data });
  }
  return targets.sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
}

/** Adds (or replaces) a runtime target. */
export async function writePrometheusTarget(store: Store, target: StoredPrometheusTarget, version: bigint): Promise<void> {
  const { id, ...value } = target;
  await store.command(
    sql`INSERT INTO settings (key, value, version, deleted) SELECT ${KEY_PREFIX + id}, ${JSON.stringify(value)}, ${param('UInt64', version)}, ${param('UInt8', 0)}`,
  );
}

/** Removes a runtime target (a tombstone row that FINAL reads hide). */
export async function deletePrometheusTarget(store: Store, id: string, version: bigint): Promise<void> {
  await store.command(sql`INSERT INTO settings (key, value, version, deleted) SELECT ${KEY_PREFIX + id}, '', ${param('UInt64', version)}, ${param('UInt8', 1)}`);
}
